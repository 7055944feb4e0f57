import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { LoginResult, Profile } from './loginradius/types';
import { SessionError } from './loginradius/errors';

/**
 * What this package keeps in the server-side session, and the helpers to read
 * it back. Nothing here ever goes to the browser: the session cookie holds only
 * the session id.
 */

/** The session key of a phone login in progress (and of a link's `returnTo`). */
export const PENDING_FLOW_KEY = 'loginradiusPasswordless';
/** The session key of when the user signed in and was last seen. */
export const AUTH_TIMES_KEY = 'loginradiusAuth';

/** A login in progress, kept in the session between the send and the verify. */
export interface PendingFlow {
  /** Random id of this send; wrong-code counters are keyed on it. */
  id: string;
  channel: 'email' | 'sms';
  /** The E.164 phone the code went to (SMS flows only). */
  phone?: string;
  /** When the link or code was sent (ms since epoch). */
  sentAt: number;
  /** After this (ms since epoch) the flow is dead, whatever LoginRadius allows. */
  expiresAt: number;
  /** Wrong codes entered so far in this flow. */
  attempts: number;
  /** A validated same-origin path (or allowlisted URL) to land on after login. */
  returnTo?: string;
}

/** The user the default verify callback stores: the Profile and the access token. */
export interface SessionUser {
  uid: string;
  profile: Profile;
  /** The LoginRadius access token; it stays on the server. */
  accessToken: string;
  /** When the access token expires; a request after it is signed out. */
  expiresAt: Date | string;
}

/**
 * The user to store for a login: `{ uid, profile, accessToken, expiresAt }`.
 * Use it as the strategy's verify callback when you have no user table of your own:
 * `new PasswordlessStrategy({ client }, async (login) => toSessionUser(login))`.
 */
export function toSessionUser(login: LoginResult): SessionUser {
  return {
    uid: login.profile.Uid,
    profile: login.profile,
    accessToken: login.accessToken,
    expiresAt: login.expiresAt,
  };
}

/** A session user without its tokens: what may be shown or sent to the browser. */
export function publicUser(user: unknown): Record<string, unknown> {
  if (typeof user !== 'object' || user === null) return {};
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) {
    if (!/token|secret|^raw$/i.test(key)) copy[key] = value;
  }
  return copy;
}

/** True when the user's LoginRadius access token has expired (`expiresAt` in the past). */
export function isLoginExpired(user: unknown, now = Date.now()): boolean {
  if (typeof user !== 'object' || user === null) return false;
  const expiresAt = (user as { expiresAt?: unknown }).expiresAt;
  if (expiresAt === undefined || expiresAt === null) return false;
  const time = new Date(expiresAt as string | Date).getTime();
  // An unreadable expiry is treated as expired: fail closed.
  return Number.isNaN(time) || time <= now;
}

export interface SessionLike {
  regenerate?: unknown;
  save?: unknown;
  [key: string]: unknown;
}

/** The session of a request, or an error that says what to mount. */
export function sessionOf(req: Request): SessionLike {
  const session = (req as unknown as { session?: SessionLike }).session;
  if (!session || typeof session.regenerate !== 'function' || typeof session.save !== 'function') {
    throw new SessionError(
      session
        ? 'req.session cannot regenerate() or save() (cookie-session?): passwordless login needs ' +
            'express-session, which can issue a new session id at login'
        : 'req.session is missing: mount express-session (and passport.session()) before the ' +
            'passwordless routers',
    );
  }
  return session;
}

/** The pending flow of this session, if there is one. */
export function pendingFlowOf(req: Request): PendingFlow | undefined {
  const flow = (req as unknown as { session?: SessionLike }).session?.[PENDING_FLOW_KEY];
  if (typeof flow !== 'object' || flow === null) return undefined;
  return flow as PendingFlow;
}

/** Options of {@link requireLogin}. */
export interface RequireLoginOptions {
  /** Where browsers that are not signed in are sent. Default: `'/'`. */
  redirectTo?: string;
  /**
   * Sign out after this long without a request (ms); `0` turns it off. Pair it with
   * express-session's `rolling: true` and `cookie.maxAge`. Default: `1800000` (30 min).
   */
  idleTimeoutMs?: number;
  /** Sign out this long after login, however active (ms); `0` turns it off. Default: `43200000` (12 h). */
  absoluteTimeoutMs?: number;
}

interface AuthTimes {
  signedInAt: number;
  lastSeenAt: number;
}

/** Records when the user signed in; the verify router calls it right after login. */
export function markSignedIn(req: Request, now = Date.now()): void {
  const session = (req as unknown as { session?: SessionLike }).session;
  if (session) session[AUTH_TIMES_KEY] = { signedInAt: now, lastSeenAt: now } satisfies AuthTimes;
}

/**
 * Lets a request through only when it is signed in with a live login: the
 * access token has not expired and the idle and absolute timeouts have not
 * passed. Otherwise the user is signed out on the server, then browsers are
 * redirected and JSON clients get 401.
 */
export function requireLogin(options: RequireLoginOptions = {}): RequestHandler {
  const redirectTo = options.redirectTo ?? '/';
  const idle = options.idleTimeoutMs ?? 30 * 60_000;
  const absolute = options.absoluteTimeoutMs ?? 12 * 3_600_000;
  if (!redirectTo.startsWith('/') || redirectTo.startsWith('//')) {
    throw new TypeError('requireLogin: `redirectTo` must be a same-origin path such as "/login"');
  }
  return function requireLoginMiddleware(req: Request, res: Response, next: NextFunction): void {
    const user = (req as { user?: unknown }).user;
    const now = Date.now();
    const session = (req as unknown as { session?: SessionLike }).session;
    const times = session?.[AUTH_TIMES_KEY] as AuthTimes | undefined;
    const stale =
      !!times &&
      ((idle > 0 && now - times.lastSeenAt > idle) ||
        (absolute > 0 && now - times.signedInAt > absolute));
    if (user && !isLoginExpired(user, now) && !stale) {
      // Touch at most once a minute so the session is not rewritten on every request.
      if (times && now - times.lastSeenAt > 60_000) times.lastSeenAt = now;
      next();
      return;
    }
    const refuse = (): void => {
      if (req.accepts(['html', 'json']) === 'json' || req.is('application/json')) {
        res
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } });
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
  const session = (req as unknown as { session?: SessionLike }).session;
  if (session) delete session[AUTH_TIMES_KEY];
  if (typeof logout !== 'function') {
    done();
    return;
  }
  logout.call(req, { keepSessionInfo: false }, (error?: unknown) => done(error));
}

/**
 * App-wide: signs out, on the server, any request whose LoginRadius access token
 * has expired, so `req.isAuthenticated()` is false after `expiresAt` everywhere,
 * not only behind {@link requireLogin}. Mount it right after `passport.session()`.
 */
export function signOutExpired(): RequestHandler {
  return function signOutExpiredMiddleware(req: Request, _res: Response, next: NextFunction): void {
    const user = (req as { user?: unknown }).user;
    if (!user || !isLoginExpired(user)) {
      next();
      return;
    }
    signOutLocally(req, (error) => next(error));
  };
}
