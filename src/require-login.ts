import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Translator } from './i18n';
import type { Locales } from './locales/catalogue';
import { checkOptionNames, numberOption, optionsError, requireOptions } from './option-checks';
import { safeRedirect } from './redirects';
import { authTimes, forgetAuthTimes, markSignedIn } from './session';
import { isLoginExpired } from './session-user';
import { guardSignedInSave } from './signed-out-sessions';
import { wantsJson } from './routes/request-body';

/** Options of {@link requireLogin}. */
export interface RequireLoginOptions {
  /**
   * Where browsers that are not signed in are sent: a path on this site, held
   * to the same rules as every redirect (`//evil`, `/\evil` are refused at setup).
   * Default: `'/'`.
   */
  redirectTo?: string;
  /**
   * Sign out after this long without a request (ms); `0` turns it off. Pair it with
   * express-session's `rolling: true` and `cookie.maxAge`. Default: `1800000` (30 min).
   */
  idleTimeoutMs?: number;
  /** Sign out this long after login, however active (ms); `0` turns it off. Default: `43200000` (12 h). */
  absoluteTimeoutMs?: number;
  /** Catalogues for the JSON answer's message, as the routers take them. Default: English only. */
  locales?: Locales;
}

const OWNER = 'requireLogin';
const DAY_MS = 86_400_000;

/**
 * Lets a request through only when it is signed in with a live login: the
 * access token has not expired and the idle and absolute timeouts have not
 * passed. Otherwise the user is signed out on the server, then browsers are
 * redirected and JSON clients get 401.
 */
export function requireLogin(options: RequireLoginOptions = {}): RequestHandler {
  requireOptions(OWNER, options, '{ redirectTo? }');
  checkOptionNames(OWNER, options, {
    top: ['redirectTo', 'idleTimeoutMs', 'absoluteTimeoutMs', 'locales'],
  });
  const redirectTo = options.redirectTo ?? '/';
  if (typeof redirectTo !== 'string' || safeRedirect(redirectTo) !== redirectTo) {
    throw optionsError(
      OWNER,
      `\`redirectTo\` must be a same-origin path such as "/login", got "${String(redirectTo)}"`,
    );
  }
  const idle = numberOption(OWNER, 'idleTimeoutMs', options.idleTimeoutMs, 30 * 60_000, {
    min: 0,
    max: 365 * DAY_MS,
  });
  const absolute = numberOption(OWNER, 'absoluteTimeoutMs', options.absoluteTimeoutMs, DAY_MS / 2, {
    min: 0,
    max: 365 * DAY_MS,
  });
  const translator = new Translator(options.locales);
  const touchEveryMs = idle > 0 ? Math.min(60_000, idle / 2) : 60_000;

  return function requireLoginMiddleware(req: Request, res: Response, next: NextFunction): void {
    const user = (req as { user?: unknown }).user;
    const now = Date.now();
    // Every login through the package records its times. A user without them was
    // signed in some other way (another strategy): the clock starts now, so the
    // timeouts hold from here on rather than never.
    if (user && !authTimes(req)) markSignedIn(req, now);
    const times = authTimes(req);
    const stale =
      !!times &&
      ((idle > 0 && now - times.lastSeenAt > idle) ||
        (absolute > 0 && now - times.signedInAt > absolute));
    if (user && !isLoginExpired(user, now) && !stale) {
      // Touch at most once a minute (twice per idle timeout, when that is shorter) so
      // the session is not rewritten on every request, yet an active user stays in.
      if (times && now - times.lastSeenAt >= touchEveryMs) times.lastSeenAt = now;
      guardSignedInSave(req);
      next();
      return;
    }
    const refuse = (): void => {
      if (wantsJson(req)) {
        const message = translator.for(req).t('error.unauthenticated');
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message } });
      } else {
        res.redirect(303, redirectTo);
      }
    };
    if (!user) {
      refuse();
      return;
    }
    signOutLocally(req, (error) => (error ? next(error) : refuse()));
  };
}

/** Drops the user from the session (passport's `req.logout`) without calling LoginRadius. */
export function signOutLocally(req: Request, done: (error?: unknown) => void): void {
  const logout = (req as { logout?: (options: object, cb: (err?: unknown) => void) => void })
    .logout;
  forgetAuthTimes(req);
  if (typeof logout !== 'function') {
    done();
    return;
  }
  logout.call(req, { keepSessionInfo: false }, (error?: unknown) => done(error));
}

/**
 * App-wide: signs out, on the server, any request whose LoginRadius access token
 * has expired, so `req.isAuthenticated()` is false after `expiresAt` everywhere,
 * not only behind {@link requireLogin}; and keeps a session signed out once it
 * was, even if a request that started before the logout saves it afterwards.
 * Mount it right after `passport.session()`.
 */
export function signOutExpired(): RequestHandler {
  return function signOutExpiredMiddleware(req: Request, _res: Response, next: NextFunction): void {
    const user = (req as { user?: unknown }).user;
    if (!user) {
      next();
      return;
    }
    if (!isLoginExpired(user)) {
      guardSignedInSave(req);
      next();
      return;
    }
    signOutLocally(req, (error) => next(error));
  };
}
