import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import passport from 'passport';
import {
  PasswordlessStrategy,
  createRequestRouter,
  createVerifyRouter,
  errorHandler,
  isPasswordlessError,
  pendingSignIn,
  requireLogin,
  signOutExpired,
  toSessionUser,
} from 'passport-loginradius-passwordless';
import { describeEvent } from './event-log.mjs';
import {
  LANGUAGES,
  PACKAGE_LOCALES,
  backPath,
  linkSwitch,
  chooseLanguage,
  languageSwitch,
  translator,
} from './language.mjs';
import { maskRecipient } from './mask.mjs';
import { routerPage } from './views/router-pages.mjs';
import { checkInboxPage, enterCodePage } from './views/steps.mjs';
import { signInProblemPage } from './views/confirm.mjs';
import { errorMessage, knownErrorCode } from './views/messages.mjs';
import { errorPage } from './views/error-page.mjs';
import { mailboxPage } from './views/mailbox.mjs';
import { profilePage } from './views/profile.mjs';
import { signInPage } from './views/sign-in.mjs';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Which page a failed form post goes back to; see rememberFormPage. */
const FORM_PAGE_KEY = 'exampleAppFormPage';

/**
 * Builds the demo's Express app, mounted the way the README tells users to.
 *
 * @param {object} options
 * @param {import('passport-loginradius-passwordless').LoginRadiusClient} options.client
 * @param {string} options.appOrigin The origin people open, such as http://localhost:3000.
 * @param {import('express-session').Store} options.sessionStore
 * @param {string} options.sessionSecret
 * @param {'emulator' | 'loginradius'} options.mode
 * @param {import('./emulator-source.mjs').EmulatorSource} [options.emulatorSource] Mounts the dev mailbox.
 * @param {string} [options.emailTemplate]
 * @param {string} [options.smsTemplate]
 * @param {number} [options.resendCooldownSeconds] Default: 60.
 * @param {string[]} [options.smsCountries] Countries SMS may go to (ISO 3166-1). Default: ['US', 'GB'].
 * @param {string[]} [options.smsCallingCodes] Calling codes SMS may go to, besides the countries. Default: any.
 * @param {boolean} [options.crossDevice] A link opened on another device signs in the one that
 *   asked, once the person types the number it shows there. Default: true.
 * @param {boolean} [options.emailCode] The passwordless email carries a code too: "check your
 *   inbox" offers a field for it. Default: false (the embedded emulator sends both: start.mjs sets it).
 * @param {boolean} [options.voiceCalls] "Call me instead" on the enter-code page. Default: true.
 * @param {'warn' | 'same-browser'} [options.linkBinding] A link opened in another browser than
 *   the one that asked: asks for a deliberate choice, or is refused. Default: 'warn'.
 * @param {boolean} [options.devMailboxForAnyone] Serve /dev/mailbox to clients that are not on
 *   this machine too. Default: false (loopback clients only, as `req.ip` sees them).
 * @param {number | false} [options.trustProxy] Default: 1 under https, else false.
 * @param {import('passport-loginradius-passwordless').StoreFactory} [options.stores] Where the
 *   package's counters live (rate-limit-redis with several instances). Default: this process's memory.
 * @param {(line: string) => void} [options.log] Where sign-in events are logged. Default: console.log.
 */
export function createApp(options) {
  const {
    client,
    appOrigin,
    sessionStore,
    sessionSecret,
    mode,
    emulatorSource,
    resendCooldownSeconds = 60,
    smsCountries = ['US', 'GB'],
    smsCallingCodes,
    devMailboxForAnyone = false,
    crossDevice = true,
    emailCode = false,
    voiceCalls = true,
    linkBinding = 'warn',
    stores,
    log = console.log,
  } = options;
  const https = new URL(appOrigin).protocol === 'https:';
  // The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain.
  const cookieName = https ? '__Host-example.sid' : 'example.sid';
  const onEvent = (event) => log(describeEvent(event));

  passport.use(new PasswordlessStrategy({ client, stores }, async (login) => toSessionUser(login)));
  // The whole session user (Profile, access token, expiry) lives in the server-side session.
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user, done) => done(null, user));

  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy: read the client IP and https from it.
  const trustProxy = options.trustProxy ?? (https ? 1 : false);
  if (trustProxy !== false) app.set('trust proxy', trustProxy);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: https,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use('/public', express.static(PUBLIC_DIR, { index: false, maxAge: '1h' }));
  // Before the routers and the body parsers: the language switch's cookie becomes
  // Accept-Language, so the package's pages and JSON messages (a refused body's too)
  // speak the language the person picked.
  app.use(chooseLanguage);
  app.use(express.urlencoded({ extended: false, limit: '4kb' }));
  app.use(express.json({ limit: '4kb' }));
  // Before the session: switching language never creates or touches one.
  app.post('/language', languageSwitch({ secure: https, appOrigin }));
  app.use(
    session({
      name: cookieName,
      store: sessionStore,
      secret: sessionSecret,
      resave: false,
      saveUninitialized: false,
      // Each request pushes the expiry on: the cookie dies after 30 idle minutes,
      // the same idle timeout requireLogin enforces on the server.
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: https, maxAge: IDLE_TIMEOUT_MS },
    }),
  );
  app.use(passport.session());
  app.use(signOutExpired());
  app.use(function noStore(_req, res, next) {
    // Pages show who is signed in and one-time state: never cache them.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  /**
   * What every page knows about the app and this request. A page the routers
   * render passes their `messages`, the request's own catalogue.
   * @returns {import('./views/layout.mjs').Site}
   */
  const site = (req, messages, { signedIn = Boolean(req.isAuthenticated?.()) } = {}) => {
    const lang = messages?.lang ?? req.res?.locals.lang ?? 'en';
    return {
      mode,
      mailbox: emulatorSource !== undefined,
      signedIn,
      lang,
      dir: messages?.dir ?? 'ltr',
      t: translator(lang, messages),
      messages,
      languages: LANGUAGES,
      back: backPath(req),
      linkSwitch: linkSwitch(req),
    };
  };
  const send = (res, page, status = 200) => res.status(status).type('html').send(String(page));
  const locales = PACKAGE_LOCALES;
  /** "Send me a new link/code" for this browser's sign-in in progress, once the cooldown allows. */
  const resendOffer = (flow) => ({
    channel: flow.channel,
    recipient: maskRecipient(flow.email ?? flow.username ?? flow.phone ?? ''),
    waitSeconds: secondsUntilResend(flow, resendCooldownSeconds),
  });

  app.use('/auth', rememberFormPage);
  app.use(
    '/auth',
    createRequestRouter({
      client,
      callbackUrl: `${appOrigin}/auth/callback`,
      linkSentRedirect: '/check-inbox',
      otpSentRedirect: '/enter-code',
      failureRedirect: '/sign-in-problem',
      passwordlessLoginTemplate: options.emailTemplate,
      smsTemplate: options.smsTemplate,
      allowedCountries: smsCountries,
      allowedCallingCodes: smsCallingCodes,
      limits: { cooldownSeconds: resendCooldownSeconds },
      channels: { voice: voiceCalls },
      emailCode,
      crossDevice,
      locales,
      stores,
      renderPage: routerPage(site, send),
      onEvent,
    }),
  );
  app.use(
    '/auth',
    createVerifyRouter({
      client,
      successRedirect: '/profile',
      logoutRedirect: '/?signed_out=1',
      failureRedirect: '/sign-in-problem',
      sessionCookieName: cookieName,
      linkBinding,
      crossDevice,
      locales,
      stores,
      renderPage: routerPage(site, send),
      onEvent,
    }),
  );

  app.get('/', async function signIn(req, res, next) {
    try {
      if (req.isAuthenticated() && req.query.error === undefined) {
        res.redirect(303, '/profile');
        return;
      }
      const page = site(req);
      const error =
        req.query.error === undefined ? undefined : errorMessage(page.t, req.query.error);
      const status = req.query.signed_out === undefined ? undefined : page.t('signIn.signedOut');
      const demoAccounts = await emulatorSource?.accounts().catch(() => []);
      send(res, signInPage({ site: page, error, notice: status, demoAccounts }));
    } catch (error) {
      next(error);
    }
  });

  // The package's GET /auth/link/sent renders this same page through renderPage.
  app.get('/check-inbox', function checkInbox(req, res) {
    const page = site(req);
    const flow = pendingEmailFlow(req);
    const crossDeviceMatch = crossDevice ? flow?.match : undefined;
    const error = req.query.error === undefined ? undefined : errorMessage(page.t, req.query.error);
    send(
      res,
      checkInboxPage({
        site: page,
        codeAction: emailCode && flow ? '/auth/link/verify' : undefined,
        match: crossDeviceMatch,
        statusUrl: crossDeviceMatch === undefined ? undefined : '/auth/link/status',
        // Still waiting, as far as this page can tell; the script (or "Check again") asks the router.
        status: crossDeviceMatch === undefined ? undefined : 'pending',
        error,
        resend: error && req.query.resend === '1' && flow ? resendOffer(flow) : undefined,
      }),
    );
  });

  app.get('/enter-code', function enterCode(req, res) {
    const flow = pendingSmsFlow(req);
    if (!flow) {
      res.redirect(303, '/');
      return;
    }
    const page = site(req);
    send(
      res,
      enterCodePage({
        site: page,
        phone: flow.phone,
        voice: flow.voice,
        sentAt: flow.sentAt.getTime(),
        waitSeconds: secondsUntilResend(flow, resendCooldownSeconds),
        voiceCalls,
        error: req.query.error === undefined ? undefined : errorMessage(page.t, req.query.error),
      }),
    );
  });

  // Both routers send failures here. A code typed on "enter your code" or "check
  // your inbox" goes back there; a dead link (resend=1: the routers can send a
  // new one to this browser's sign-in in progress) gets "Send me a new link";
  // anything else goes back to the sign-in form.
  app.get('/sign-in-problem', function signInProblem(req, res) {
    const code = knownErrorCode(req.query.error) ?? 'unknown';
    const from = req.session?.[FORM_PAGE_KEY];
    if (from !== undefined) delete req.session[FORM_PAGE_KEY];
    const canResend = req.query.resend === '1';
    const flow = pendingSignIn(req);
    if (from === 'enter-code' && pendingSmsFlow(req)) {
      res.redirect(303, `/enter-code?error=${code}`);
    } else if (from === 'check-inbox' && pendingEmailFlow(req)) {
      res.redirect(303, `/check-inbox?error=${code}${canResend ? '&resend=1' : ''}`);
    } else if (flow && (canResend || from === 'resend')) {
      const page = site(req);
      send(
        res,
        signInProblemPage({
          site: page,
          message: errorMessage(page.t, code),
          resend: resendOffer(flow),
        }),
      );
    } else {
      res.redirect(303, `/?error=${code}`);
    }
  });

  app.get('/profile', requireLogin({ redirectTo: '/', locales }), function profile(req, res) {
    send(
      res,
      profilePage({ site: site(req), user: req.user, idleMinutes: IDLE_TIMEOUT_MS / 60_000 }),
    );
  });

  if (emulatorSource) {
    app.get('/dev/mailbox', async function devMailbox(req, res) {
      // The mailbox shows live sign-in links: only for someone at this machine.
      const page = site(req);
      if (!devMailboxForAnyone && !isLoopback(req.ip)) {
        send(
          res,
          errorPage({
            site: page,
            title: page.t('error.mailboxTitle'),
            message: page.t('error.mailboxLocal'),
          }),
          403,
        );
        return;
      }
      let messages = [];
      let error;
      try {
        messages = await emulatorSource.messages();
      } catch {
        error = page.t('mailbox.unreachable');
      }
      res.setHeader('X-Robots-Tag', 'noindex');
      send(res, mailboxPage({ site: page, messages, pending: pendingSignIn(req)?.channel, error }));
    });
  }

  app.use(function notFound(req, res) {
    const page = site(req);
    send(
      res,
      errorPage({
        site: page,
        title: page.t('error.notFoundTitle'),
        message: page.t('error.notFound'),
      }),
      404,
    );
  });
  // The session store or the counters' store (Redis) is down: browsers get a
  // page, JSON clients the package's { error: { code: 'UNAVAILABLE' } } below.
  app.use(function unavailable(error, req, res, next) {
    if (!isPasswordlessError(error) || error.httpStatus !== 503) {
      next(error);
      return;
    }
    // Saving the session after the router has answered failed: the answer
    // stands, and the outage was already logged once by the Redis client.
    if (res.headersSent) return;
    if (wantsJson(req)) {
      next(error);
      return;
    }
    // The session could not be read, so nobody counts as signed in here.
    const page = site(req, undefined, { signedIn: false });
    send(
      res,
      errorPage({
        site: page,
        title: page.t('error.unavailableTitle'),
        message: errorMessage(page.t, 'unavailable'),
      }),
      503,
    );
  });
  app.use(errorHandler({ locales }));
  app.use(function lastResort(error, req, res, _next) {
    console.error(error);
    if (res.headersSent) return;
    const page = site(req, undefined, { signedIn: false });
    send(
      res,
      errorPage({
        site: page,
        title: page.t('error.serverTitle'),
        message: page.t('error.server'),
      }),
      500,
    );
  });
  return app;
}

/**
 * Remembers which page a sign-in form was posted from. A router has one
 * `failureRedirect`, but a wrong code or a refused "send a new code" should
 * land back on the enter-code page, a wrong emailed code on "check your inbox",
 * a refused "send me a new link" on the page that offered it, and everything
 * else on the sign-in page. Only a browser with a sign-in in progress can be on
 * those pages, so nothing is written to any other session: a refused request
 * from a browser without a session leaves none behind.
 */
function rememberFormPage(req, _res, next) {
  if (req.method === 'POST' && req.session && req.path !== '/logout') {
    const body = req.body ?? {};
    const resend = body.resend !== undefined && !body.phone && !body.email && !body.username;
    let page;
    if ((req.path === '/otp/verify' || (req.path === '/otp' && resend)) && pendingSmsFlow(req)) {
      page = 'enter-code';
    } else if (req.path === '/link/verify' && pendingEmailFlow(req)) {
      page = 'check-inbox';
    } else if (req.path === '/link' && resend && pendingEmailFlow(req)) {
      page = 'resend';
    }
    if (page) req.session[FORM_PAGE_KEY] = page;
    else if (req.session[FORM_PAGE_KEY] !== undefined) delete req.session[FORM_PAGE_KEY];
  }
  next();
}

/** Seconds until the send cooldown lets this browser's sign-in be sent again. */
function secondsUntilResend(flow, cooldownSeconds) {
  const waitMs = flow.sentAt.getTime() + cooldownSeconds * 1000 - Date.now();
  return Math.max(0, Math.ceil(waitMs / 1000));
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
function isLoopback(ip) {
  return typeof ip === 'string' && (ip === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(ip));
}

/** The package's rule for who gets JSON back: a JSON body, or Accept preferring JSON. */
function wantsJson(req) {
  return Boolean(req.is('application/json')) || req.accepts(['html', 'json']) === 'json';
}

/** The session's live email sign-in (a link, or an emailed code), if any. */
function pendingEmailFlow(req) {
  const flow = pendingSignIn(req);
  return flow?.channel === 'email' ? flow : undefined;
}

/** The session's live phone sign-in, if any. */
function pendingSmsFlow(req) {
  const flow = pendingSignIn(req);
  if (!flow || flow.channel !== 'sms' || !flow.phone) {
    return undefined;
  }
  return flow;
}
