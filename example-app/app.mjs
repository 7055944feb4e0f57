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
import { routerPage } from './views/router-pages.mjs';
import { checkInboxPage, enterCodePage } from './views/steps.mjs';
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
  app.use(express.urlencoded({ extended: false, limit: '4kb' }));
  app.use(express.json({ limit: '4kb' }));
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

  const site = (req) => ({
    mode,
    mailbox: emulatorSource !== undefined,
    signedIn: Boolean(req.isAuthenticated?.()),
  });
  const send = (res, page, status = 200) => res.status(status).type('html').send(String(page));

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
      crossDevice,
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
      crossDevice,
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
      const error = req.query.error === undefined ? undefined : errorMessage(req.query.error);
      const status = req.query.signed_out === undefined ? undefined : 'You have signed out.';
      const demoAccounts = await emulatorSource?.accounts().catch(() => []);
      send(res, signInPage({ site: site(req), error, notice: status, demoAccounts }));
    } catch (error) {
      next(error);
    }
  });

  app.get('/check-inbox', function checkInbox(req, res) {
    send(res, checkInboxPage({ site: site(req) }));
  });

  app.get('/enter-code', function enterCode(req, res) {
    const flow = pendingSmsFlow(req);
    if (!flow) {
      res.redirect(303, '/');
      return;
    }
    const waitMs = flow.sentAt.getTime() + resendCooldownSeconds * 1000 - Date.now();
    const page = enterCodePage({
      site: site(req),
      phone: flow.phone,
      sentAt: flow.sentAt.getTime(),
      waitSeconds: Math.max(0, Math.ceil(waitMs / 1000)),
      error: req.query.error === undefined ? undefined : errorMessage(req.query.error),
    });
    send(res, page);
  });

  // Both routers send failures here; the person goes back to the form they used.
  app.get('/sign-in-problem', function signInProblem(req, res) {
    const code = knownErrorCode(req.query.error) ?? 'unknown';
    const fromCodePage = req.session?.[FORM_PAGE_KEY] === 'enter-code';
    if (req.session) delete req.session[FORM_PAGE_KEY];
    const target = fromCodePage && pendingSmsFlow(req) ? '/enter-code' : '/';
    res.redirect(303, `${target}?error=${code}`);
  });

  app.get('/profile', requireLogin({ redirectTo: '/' }), function profile(req, res) {
    send(
      res,
      profilePage({ site: site(req), user: req.user, idleMinutes: IDLE_TIMEOUT_MS / 60_000 }),
    );
  });

  if (emulatorSource) {
    app.get('/dev/mailbox', async function devMailbox(req, res) {
      // The mailbox shows live sign-in links: only for someone at this machine.
      if (!devMailboxForAnyone && !isLoopback(req.ip)) {
        send(
          res,
          errorPage({
            site: site(req),
            title: 'Not available',
            message: 'The dev mailbox answers only on the machine the app runs on.',
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
        error = 'The emulator could not be reached: is loginradius-emulator still running?';
      }
      res.setHeader('X-Robots-Tag', 'noindex');
      send(
        res,
        mailboxPage({ site: site(req), messages, codePending: !!pendingSmsFlow(req), error }),
      );
    });
  }

  app.use(function notFound(req, res) {
    send(
      res,
      errorPage({
        site: site(req),
        title: 'Page not found',
        message: 'There is no page at this address.',
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
    send(
      res,
      errorPage({
        // The session could not be read, so nobody counts as signed in here.
        site: { mode, mailbox: emulatorSource !== undefined, signedIn: false },
        title: 'Temporarily unavailable',
        message: errorMessage('unavailable'),
      }),
      503,
    );
  });
  app.use(errorHandler());
  app.use(function lastResort(error, req, res, _next) {
    console.error(error);
    if (res.headersSent) return;
    send(
      res,
      errorPage({
        site: { mode, mailbox: emulatorSource !== undefined, signedIn: false },
        title: 'Something went wrong',
        message: 'Something went wrong on our side. Please try again.',
      }),
      500,
    );
  });
  return app;
}

/**
 * Remembers which page a sign-in form was posted from. A router has one
 * `failureRedirect`, but a wrong code or a refused "send a new code" should
 * land back on the enter-code page, and everything else on the sign-in page.
 * Only a browser with a code sign-in in progress can be on the enter-code page,
 * so nothing is written to any other session: a refused request from a browser
 * without a session leaves none behind.
 */
function rememberFormPage(req, _res, next) {
  if (req.method === 'POST' && req.session && req.path !== '/logout') {
    const resend = req.path === '/otp' && req.body?.resend !== undefined && !req.body?.phone;
    const fromCodePage = (req.path === '/otp/verify' || resend) && pendingSmsFlow(req);
    if (fromCodePage) req.session[FORM_PAGE_KEY] = 'enter-code';
    else if (req.session[FORM_PAGE_KEY] !== undefined) delete req.session[FORM_PAGE_KEY];
  }
  next();
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
function isLoopback(ip) {
  return typeof ip === 'string' && (ip === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(ip));
}

/** The package's rule for who gets JSON back: a JSON body, or Accept preferring JSON. */
function wantsJson(req) {
  return Boolean(req.is('application/json')) || req.accepts(['html', 'json']) === 'json';
}

/** The session's live phone sign-in, if any. */
function pendingSmsFlow(req) {
  const flow = pendingSignIn(req);
  if (!flow || flow.channel !== 'sms' || !flow.phone) {
    return undefined;
  }
  return flow;
}
