import { randomFillSync, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { SessionError, SetupError } from './errors';

/**
 * What this package keeps in the server-side session between a send and its
 * verify (the pending sign-in, or "flow"), and the owner of its whole life:
 * started by a send, a wrong code counted, ended by a login, a new send or its
 * expiry. As passport-oauth2's state store owns its state, nothing else writes it.
 * Nothing here ever goes to the browser: the cookie holds only the session id.
 */

const PENDING_FLOW_KEY = 'loginradiusPasswordless';
const AUTH_TIMES_KEY = 'loginradiusAuth';

/** A sign-in in progress: who was sent what, when, and where to land after. */
export interface PendingFlow {
  /** Random id of this send; wrong-code counters are keyed on it. */
  id: string;
  /**
   * Unguessable reference put in the link's URL (`?flow=`), so that the confirm
   * page can tell the browser that asked from any other.
   */
  ref: string;
  channel: 'email' | 'sms';
  /** The address the link (or code) went to, when asked for by email. */
  email?: string;
  /** The username the link (or code) went to, when asked for by username. */
  username?: string;
  /** The E.164 phone the code went to (SMS and voice flows). */
  phone?: string;
  /** The code was read out by a voice call. */
  voice?: boolean;
  /** When it was sent (ms since epoch). */
  sentAt: number;
  /** After this (ms since epoch) the flow is dead, whatever LoginRadius allows. */
  expiresAt: number;
  /** Wrong codes entered so far in this flow. */
  attempts: number;
  /** A validated same-origin path (or allowlisted URL) to land on after login. */
  returnTo?: string;
  /** The number this browser shows for a cross-device sign-in. */
  match?: string;
}

/** What a send says about the flow it starts. */
export type FlowStart = Pick<
  PendingFlow,
  'channel' | 'email' | 'username' | 'phone' | 'voice' | 'returnTo' | 'match'
>;

interface SessionRecord {
  [key: string]: unknown;
}

function sessionRecord(req: Request): SessionRecord | undefined {
  return (req as unknown as { session?: SessionRecord }).session;
}

/**
 * Starts a new flow, replacing any earlier one (a new send makes the old code
 * useless here even if LoginRadius would still take it).
 */
export function startFlow(
  req: Request,
  start: FlowStart & { ref?: string },
  ttlMs: number,
  now = Date.now(),
): PendingFlow {
  const flow: PendingFlow = {
    id: randomUUID(),
    ref: start.ref ?? newFlowRef(),
    sentAt: now,
    expiresAt: now + ttlMs,
    attempts: 0,
    channel: start.channel,
  };
  for (const key of ['email', 'username', 'phone', 'voice', 'returnTo', 'match'] as const) {
    if (start[key] !== undefined) (flow as unknown as Record<string, unknown>)[key] = start[key];
  }
  sessionOf(req)[PENDING_FLOW_KEY] = flow;
  return flow;
}

// References are cut from a pool of CSPRNG bytes filled 4 KB at a time, as Node's
// own randomUUID() does: randomBytes(16) per send is a call into OpenSSL and a new
// Buffer (2-8 µs), a slice of the pool well under 1 µs. No byte is handed out twice.
const REF_BYTES = 16;
const REF_POOL_BYTES = 4096;
let refPool = Buffer.alloc(0);
let refPoolOffset = 0;

/** A fresh flow reference: 128 random bits, URL-safe. */
export function newFlowRef(): string {
  if (refPoolOffset + REF_BYTES > refPool.length) {
    refPool = randomFillSync(Buffer.allocUnsafe(REF_POOL_BYTES));
    refPoolOffset = 0;
  }
  const ref = refPool.toString('base64url', refPoolOffset, refPoolOffset + REF_BYTES);
  refPoolOffset += REF_BYTES;
  return ref;
}

/**
 * The flow of this session, expired or not (the strategy tells "expired" from
 * "none"); {@link liveFlow} is what everything else wants.
 */
export function storedFlow(req: Request): PendingFlow | undefined {
  const flow = sessionRecord(req)?.[PENDING_FLOW_KEY];
  if (typeof flow !== 'object' || flow === null) return undefined;
  const candidate = flow as PendingFlow;
  // A session from an older release, or one edited by hand: not a flow.
  if (typeof candidate.id !== 'string' || typeof candidate.expiresAt !== 'number') return undefined;
  return candidate;
}

/** The flow of this session if it has not expired: an expired flow is no flow. */
export function liveFlow(req: Request, now = Date.now()): PendingFlow | undefined {
  const flow = storedFlow(req);
  return flow && now < flow.expiresAt ? flow : undefined;
}

/** Records one more wrong code in the flow (what the enter-code page can show). */
export function countWrongCode(req: Request, flow: PendingFlow, attempts: number): void {
  const current = storedFlow(req);
  if (current?.id === flow.id) current.attempts = attempts;
}

/** Ends the flow (it signed in, or can never sign in any more). */
export function endFlow(req: Request): void {
  const session = sessionRecord(req);
  if (session && PENDING_FLOW_KEY in session) delete session[PENDING_FLOW_KEY];
}

/** The sign-in in progress in this browser, as an app's own pages may show it. */
export interface PendingSignIn {
  /** `email` (a link or emailed code) or `sms` (a code by SMS or voice call). */
  channel: 'email' | 'sms';
  /** Where it was sent: the email address, username or E.164 phone the person typed. */
  email?: string;
  username?: string;
  phone?: string;
  /** The code is read out by a voice call. */
  voice: boolean;
  sentAt: Date;
  expiresAt: Date;
  /** Wrong codes so far. */
  attempts: number;
  /** The number to show for a cross-device sign-in (`crossDevice: true`). */
  match?: string;
}

/**
 * This browser's sign-in in progress, or `undefined` when there is none or it
 * expired: for an app's own "enter your code" or "check your inbox" page.
 */
export function pendingSignIn(req: Request): PendingSignIn | undefined {
  const flow = liveFlow(req);
  if (!flow) return undefined;
  const view: PendingSignIn = {
    channel: flow.channel,
    voice: flow.voice === true,
    sentAt: new Date(flow.sentAt),
    expiresAt: new Date(flow.expiresAt),
    attempts: flow.attempts,
  };
  if (flow.email !== undefined) view.email = flow.email;
  if (flow.username !== undefined) view.username = flow.username;
  if (flow.phone !== undefined) view.phone = flow.phone;
  if (flow.match !== undefined) view.match = flow.match;
  return view;
}

interface AuthTimes {
  signedInAt: number;
  lastSeenAt: number;
}

/** Records when the user signed in; the verify router calls it right after login. */
export function markSignedIn(req: Request, now = Date.now()): void {
  const session = sessionRecord(req);
  if (session) session[AUTH_TIMES_KEY] = { signedInAt: now, lastSeenAt: now } satisfies AuthTimes;
}

/**
 * Records the sign-in times in the session that the coming login regenerates,
 * before Passport saves it (set after Passport's save, they would make
 * express-session save the whole session a second time). Every login through
 * the package's strategy or routers goes through here, so `requireLogin`'s idle
 * and absolute timeouts hold for them all.
 */
export function markSignedInOnRegenerate(req: Request): void {
  const session = sessionRecord(req) as Partial<UsableSession> | undefined;
  const regenerate = session?.regenerate;
  if (!session || typeof regenerate !== 'function' || markedSessions.has(session)) return;
  markedSessions.add(session);
  session.regenerate = function regenerateAndMark(callback) {
    regenerate.call(this, (error?: unknown) => {
      if (!error) markSignedIn(req);
      callback(error);
    });
  };
}

/** Sessions whose regenerate already marks the sign-in times (the strategy and the router may both ask). */
const markedSessions = new WeakSet<object>();

/** When the user signed in and was last seen, if a login through the package recorded it. */
export function authTimes(req: Request): AuthTimes | undefined {
  return sessionRecord(req)?.[AUTH_TIMES_KEY] as AuthTimes | undefined;
}

/** Forgets the sign-in times (at sign-out). */
export function forgetAuthTimes(req: Request): void {
  const session = sessionRecord(req);
  if (session) delete session[AUTH_TIMES_KEY];
}

export interface UsableSession extends SessionRecord {
  regenerate(callback: (error?: unknown) => void): void;
  save(callback: (error?: unknown) => void): void;
  destroy?(callback: (error?: unknown) => void): void;
}

/** The session of a request, or a {@link SetupError} that says what to mount. */
export function sessionOf(req: Request): UsableSession {
  const session = sessionRecord(req);
  if (!session || typeof session.regenerate !== 'function' || typeof session.save !== 'function') {
    throw new SetupError(
      'ERR_PASSWORDLESS_SESSION',
      session
        ? 'req.session cannot regenerate() or save() (cookie-session?): passwordless login needs ' +
            'express-session, which can issue a new session id at login'
        : 'req.session is missing: mount express-session (and passport.session()) before the ' +
            'passwordless routers',
    );
  }
  return session as UsableSession;
}

/**
 * Stores the session now. A send saves its new flow before the browser is told
 * "sent": if the store cannot keep it, the code could never be checked, so the
 * honest answer is 503, not a "sent" that leads nowhere.
 */
export function saveSession(req: Request, what: string): Promise<void> {
  const session = sessionOf(req);
  return new Promise((resolve, reject) => {
    session.save((error) =>
      error
        ? reject(
            error instanceof SessionError
              ? error
              : new SessionError(`could not save ${what}`, error),
          )
        : resolve(),
    );
  });
}

/**
 * Makes express-session's end-of-response save of this request's session a
 * no-op. For a session that was just saved explicitly and that nothing changes
 * any more before the response ends: express-session does not see saves of a
 * session regenerated during the request, so it would write the same session again
 * (a second store round trip).
 */
export function skipEndOfResponseSave(req: Request): void {
  const session = sessionRecord(req);
  if (!session) return;
  Object.defineProperty(session, 'save', {
    value: (callback?: (error?: unknown) => void) => {
      callback?.();
      return session;
    },
    configurable: true,
    enumerable: false,
    writable: true,
  });
}

/**
 * Gives a browser's session that is not signed in a new id, keeping what it holds
 * and its cookie's lifetime. For a session about to hold what only the browser
 * that asked may use, such as a cross-device sign-in's pickup: an id someone
 * planted in the browser (cookie tossing from a sibling subdomain, a shared
 * computer) must not be the one that picks the login up.
 *
 * Returns false, doing nothing, when the request carried no cookie at all (its
 * session was made by this request: no one else knows the id), and for a signed-in
 * session. Renewing that would let anyone holding a stolen cookie move the login to
 * an id only they know, which the victim's logout (of the old id) could not end; and
 * a planted signed-in session shows the person someone else's account before they
 * ask for anything.
 */
export function renewSessionId(req: Request): Promise<boolean> {
  if (!req.headers.cookie) return Promise.resolve(false);
  const session = sessionOf(req);
  // Passport leaves `req.user` null after a logout; a user id may be any value but null.
  const signedIn =
    Boolean((req as { user?: unknown }).user) ||
    (session.passport as { user?: unknown } | undefined)?.user != null;
  if (signedIn) return Promise.resolve(false);
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(session)) if (key !== 'cookie') kept[key] = session[key];
  const maxAge = (session.cookie as { maxAge?: number | null } | undefined)?.maxAge;
  return new Promise((resolve, reject) =>
    session.regenerate((error) => {
      if (error) {
        reject(new SessionError('could not give the session a new id', error));
        return;
      }
      const renewed = sessionOf(req);
      Object.assign(renewed, kept);
      // A lifetime the app gave this session (a remembered cart) goes along.
      const cookie = renewed.cookie as { maxAge?: number | null } | undefined;
      if (cookie && typeof maxAge === 'number') cookie.maxAge = maxAge;
      resolve(true);
    }),
  );
}

/**
 * The `cookie` of an entry the package keeps in the session store beside the
 * sessions (a cross-device record, a signed-out marker): session stores
 * (connect-redis, MemoryStore) read their lifetime from it, so the entry expires
 * by itself at `expiresAt`.
 */
export function storeEntryLifetime(
  expiresAt: number,
  now = Date.now(),
): { expires: string; originalMaxAge: number } {
  return { expires: new Date(expiresAt).toISOString(), originalMaxAge: expiresAt - now };
}
