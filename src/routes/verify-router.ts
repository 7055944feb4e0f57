import type { Express, NextFunction, Request, Response } from 'express';
import passportModule from 'passport';
import { ipKeyGenerator } from 'express-rate-limit';
import { emitter, failureEvent } from '../events';
import {
  PasswordlessError,
  RateLimitedError,
  SessionError,
  VerifyFailedError,
} from '../loginradius/errors';
import { checkToken } from '../loginradius/validation';
import { Limit, memoryStores } from '../limits';
import { DEFAULT_STRATEGY_NAME, type PasswordlessFailure } from '../strategy';
import { markSignedIn, pendingFlowOf, publicUser, signOutLocally } from '../session';
import { answerFailure } from './answers';
import { checkCrossSite, originSet } from './cross-site';
import type { PassportLike, VerifyRouterOptions } from './options';
import { renderBuiltInPage, setPageHeaders } from './pages';
import { safeRedirect } from './redirects';
import { queryString, readFlatBody, wantsJson } from './request-body';
import { bounded, checkedRedirect } from './request-router';
import { createSubApp, fromBodyParserError } from './sub-app';

/**
 * Mounts the "callback / verify" endpoints:
 *
 * - `GET /callback?vtype=oneclicksignin&vtoken=…`: the link in the email lands
 *   here and gets a confirm page; nothing is spent (mail scanners open links).
 * - `POST /callback`: spends the token and signs in.
 * - `POST /otp/verify` with `otp`: spends the code for the phone of this
 *   session's pending flow and signs in.
 * - `POST /logout`: ends the LoginRadius access token, then the session.
 *
 * At login the session id is regenerated and nothing from before survives but a
 * validated `returnTo`. Every verify failure gets the same status and message.
 */
export function createVerifyRouter(options: VerifyRouterOptions): Express {
  const config = resolveOptions(options);
  const app = createSubApp('createVerifyRouter', config.maxBodyBytes);
  const emit = emitter(options.onEvent);
  const verifyPerIp = new Limit(
    'verify-ip',
    config.verifyPerIp,
    config.verifyPerIpWindowMs,
    config.stores,
  );

  const refuse = (
    req: Request,
    res: Response,
    error: PasswordlessError,
    channel?: 'email' | 'sms',
  ): void => {
    emit({ channel, ip: req.ip, ...failureEvent(error) });
    answerFailure(req, res, error, config);
  };

  const signIn = (channel: 'email' | 'sms') =>
    async function verifyAndSignIn(req: Request, res: Response, next: NextFunction): Promise<void> {
      try {
        checkCrossSite(req, config.trustedOrigins);
        const body = readFlatBody(req, config.maxBodyBytes);
        // Each route spends only its own kind of credential: the strategy also reads
        // `vtoken` from the query string, which must not turn the code route into a
        // second link route (nor the link route into a code route).
        const carriesToken =
          body.has('vtoken') || body.has('verificationToken') || req.query?.vtoken !== undefined;
        if (channel === 'sms' ? carriesToken : body.has('otp')) {
          throw new VerifyFailedError(
            'malformed',
            `a ${channel === 'sms' ? 'link token' : 'code'} was sent to the wrong route`,
          );
        }
        const ipVerdict = await verifyPerIp.hit(ipKeyGenerator(req.ip ?? ''));
        if (!ipVerdict.allowed) throw new RateLimitedError('verify-ip', ipVerdict.retryAfter);
      } catch (error) {
        if (error instanceof PasswordlessError) refuse(req, res, error, channel);
        else next(error);
        return;
      }
      const passport = config.passport;
      if (passport._strategy && !passport._strategy(config.strategy)) {
        next(
          new Error(
            `createVerifyRouter: no Passport strategy named "${config.strategy}" is registered; call ` +
              'passport.use(new PasswordlessStrategy({ client }, verify)) before handling requests',
          ),
        );
        return;
      }
      // Read before login: regenerating the session drops everything else.
      const returnTo = safeRedirect(pendingFlowOf(req)?.returnTo, config.allowedRedirectUrls);
      passport.authenticate(config.strategy, (error: unknown, user: unknown, info: unknown) => {
        if (error) {
          refuse(req, res, asPasswordlessError(error), channel);
          return;
        }
        if (!user) {
          const failure = info as Partial<PasswordlessFailure> | undefined;
          const precise =
            failure?.error instanceof PasswordlessError
              ? failure.error
              : new VerifyFailedError(String(failure?.reason ?? 'rejected'), 'sign-in failed');
          // One status and one message for every reason; the reason goes to onEvent.
          const uniform =
            precise instanceof VerifyFailedError
              ? precise
              : precise.code === 'INVALID_INPUT' || precise.code === 'LR_ERROR'
                ? new VerifyFailedError(
                    String(failure?.reason ?? 'malformed'),
                    precise.message,
                    precise,
                  )
                : precise;
          refuse(req, res, uniform, channel);
          return;
        }
        login(req, res, user, channel, returnTo, next);
      })(req, res, next);
    };

  const login = (
    req: Request,
    res: Response,
    user: unknown,
    channel: 'email' | 'sms',
    returnTo: string | undefined,
    next: NextFunction,
  ): void => {
    const logIn = (
      req as unknown as {
        logIn?: (user: unknown, options: object, cb: (error?: unknown) => void) => void;
      }
    ).logIn;
    if (typeof logIn !== 'function') {
      next(
        new Error(
          'createVerifyRouter: req.logIn is missing; mount passport.session() (passport >= 0.6) before the routers',
        ),
      );
      return;
    }
    // keepSessionInfo: false — passport regenerates the session and keeps nothing.
    logIn.call(req, user, { keepSessionInfo: false }, (error?: unknown) => {
      if (error) {
        refuse(req, res, new SessionError('could not start the signed-in session', error), channel);
        return;
      }
      markSignedIn(req);
      const uid =
        (user as { uid?: unknown; profile?: { Uid?: unknown } }).uid ??
        (user as { profile?: { Uid?: unknown } }).profile?.Uid;
      emit({ type: 'login', channel, ip: req.ip, ...(typeof uid === 'string' ? { uid } : {}) });
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      if (wantsJson(req)) {
        res
          .status(200)
          .json({ signedIn: true, user: publicUser(user), ...(returnTo ? { returnTo } : {}) });
        return;
      }
      res.redirect(303, returnTo ?? config.successRedirect);
    });
  };

  app.get('/callback', function confirmPage(req: Request, res: Response) {
    setPageHeaders(res);
    let token: string;
    try {
      const vtype = queryString(req, 'vtype');
      if (vtype !== undefined && vtype.toLowerCase() !== 'oneclicksignin') {
        throw new VerifyFailedError('malformed', 'vtype is not "oneclicksignin"');
      }
      token = checkToken('vtoken', queryString(req, 'vtoken'));
    } catch (error) {
      const failure =
        error instanceof PasswordlessError
          ? error
          : new VerifyFailedError('malformed', 'unreadable link');
      refuse(req, res, new VerifyFailedError('malformed', failure.message, failure), 'email');
      return;
    }
    // Only shows a button: GET and HEAD never spend the token.
    config.renderPage(
      'confirm',
      { action: `${req.baseUrl}/callback`, hidden: { vtype: 'oneclicksignin', vtoken: token } },
      res,
    );
  });

  app.post('/callback', signIn('email'));
  app.post('/otp/verify', signIn('sms'));

  app.post('/logout', async function logout(req: Request, res: Response, next: NextFunction) {
    try {
      checkCrossSite(req, config.trustedOrigins);
    } catch (error) {
      refuse(req, res, error as PasswordlessError);
      return;
    }
    const user = (req as { user?: { accessToken?: unknown; uid?: unknown } }).user;
    const accessToken = typeof user?.accessToken === 'string' ? user.accessToken : undefined;
    if (accessToken) {
      try {
        await options.client.invalidateAccessToken(accessToken);
      } catch (error) {
        // LoginRadius unreachable or the token already dead: still sign out here.
        emit({
          type: 'upstream_error',
          ip: req.ip,
          error: asPasswordlessError(error),
          reason: 'logout_invalidate_failed',
        });
      }
    }
    signOutLocally(req, (error) => {
      if (error) {
        next(error);
        return;
      }
      const session = (req as unknown as { session?: unknown }).session as
        { destroy?: (cb: (error?: unknown) => void) => void } | undefined;
      const finish = (): void => {
        res.clearCookie(config.sessionCookieName, { path: '/' });
        res.setHeader('Cache-Control', 'no-store');
        emit({
          type: 'logout',
          ip: req.ip,
          ...(typeof user?.uid === 'string' ? { uid: user.uid } : {}),
        });
        if (wantsJson(req)) res.status(200).json({ signedOut: true });
        else res.redirect(303, config.logoutRedirect);
      };
      if (session?.destroy) session.destroy(() => finish());
      else finish();
    });
  });

  app.use(function verifyRouterErrors(
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ) {
    const known = error instanceof PasswordlessError ? error : fromBodyParserError(error);
    if (known) refuse(req, res, known);
    else next(error);
  });

  return app;
}

function asPasswordlessError(error: unknown): PasswordlessError {
  if (error instanceof PasswordlessError) return error;
  return new SessionError('an unexpected error during sign-in', error);
}

function resolveOptions(options: VerifyRouterOptions) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createVerifyRouter: pass an options object, { client }');
  }
  const client = options.client as unknown as { invalidateAccessToken?: unknown };
  if (!client || typeof client.invalidateAccessToken !== 'function') {
    throw new TypeError('createVerifyRouter: `client` must be a LoginRadiusClient');
  }
  const passport = (options.passport ??
    (passportModule as unknown as PassportLike)) as PassportLike;
  if (!passport || typeof passport.authenticate !== 'function') {
    throw new TypeError('createVerifyRouter: `passport` must be a Passport instance');
  }
  return {
    trustedOrigins: originSet(options.trustedOrigins ?? []),
    allowedRedirectUrls: options.allowedRedirectUrls ?? [],
    successRedirect: checkedRedirect('successRedirect', options.successRedirect) ?? '/',
    logoutRedirect: checkedRedirect('logoutRedirect', options.logoutRedirect) ?? '/',
    failureRedirect: checkedRedirect('failureRedirect', options.failureRedirect),
    strategy: options.strategy ?? DEFAULT_STRATEGY_NAME,
    passport,
    sessionCookieName: options.sessionCookieName ?? 'connect.sid',
    maxBodyBytes: bounded('maxBodyBytes', options.maxBodyBytes, 4096, 256, 1_048_576),
    verifyPerIp: bounded('verifyPerIp', options.verifyPerIp, 60, 1, 1_000_000),
    verifyPerIpWindowMs: bounded(
      'verifyPerIpWindowMs',
      options.verifyPerIpWindowMs,
      900_000,
      1000,
      86_400_000,
    ),
    stores: options.stores ?? memoryStores,
    renderPage: options.renderPage ?? renderBuiltInPage,
  };
}
