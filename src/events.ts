import { FAILURES, RateLimitedError, VerifyFailedError, type PasswordlessError } from './errors';

/**
 * What the routers tell the app through `onEvent`, for logs, metrics and
 * alerts. Events carry the precise reason the browser is not told; they never
 * carry a token, a code, an access token or the API key, and recipients are masked.
 */

/** What happened. */
export type PasswordlessEventType =
  | 'link_sent'
  | 'otp_sent'
  | 'send_refused'
  | 'config_error'
  | 'login'
  | 'login_failed'
  | 'phone_locked'
  | 'email_locked'
  | 'cross_device_login'
  | 'cross_device_refused'
  | 'rate_limited'
  | 'cross_site_refused'
  | 'invalid_input'
  | 'logout'
  | 'upstream_error'
  | 'store_error';

/** How a sign-in travels: a link or code by email, a code by SMS, or a code read out by a voice call. */
export type Channel = 'email' | 'sms' | 'voice';

/** One event; see {@link PasswordlessEventType}. */
export interface PasswordlessEvent {
  type: PasswordlessEventType;
  /** `email` (links and emailed codes, by email or username), `sms` or `voice`. */
  channel?: Channel;
  /** A masked recipient, such as `a***@example.com` or `+1415*****01`. */
  recipient?: string;
  /** Why it failed: invalid, expired, used, locked, unknown_account, cooldown... */
  reason?: string;
  /** For `config_error`: the LoginRadius site setting to fix, in words. */
  setting?: string;
  /** The LoginRadius Uid, on login and logout. */
  uid?: string;
  /** The client address as Express sees it (`req.ip`; honours `trust proxy`). */
  ip?: string;
  /** The error behind a failure, with its stable `code`; safe to log. */
  error?: PasswordlessError | Error;
  /** When it happened. */
  at: Date;
}

/** The `onEvent` option's type. */
export type EventListener = (event: PasswordlessEvent) => void;

/**
 * Sends one event about `req` to the app; `ip` (from `req.ip`) and `at` are
 * filled in, and only when the app listens: `req.ip` runs Express's
 * `trust proxy` logic again on every read, for nothing if no one hears it.
 */
export interface Emit {
  (req: { readonly ip?: string | undefined }, event: Omit<PasswordlessEvent, 'at' | 'ip'>): void;
  /**
   * Whether the app listens. An event reported after the answer (once a store
   * has settled) keeps `{ ip: req.ip }` taken while the request is live, when
   * someone listens, rather than the whole request.
   */
  readonly listening: boolean;
}

/** Calls the app's listener without letting it break a request. */
export function emitter(listener: EventListener | undefined): Emit {
  if (!listener) return Object.assign(() => undefined, { listening: false });
  const emit = (
    req: { readonly ip?: string | undefined },
    event: Omit<PasswordlessEvent, 'at' | 'ip'>,
  ): void => {
    try {
      listener({ ...event, ip: clientIp(req), at: new Date() });
    } catch {
      // A throwing listener must not change what the user sees.
    }
  };
  return Object.assign(emit, { listening: true });
}

/** `req.ip`, or `undefined` when the app's `trust proxy` function throws: the event still goes out. */
function clientIp(req: { readonly ip?: string | undefined }): string | undefined {
  try {
    return req.ip;
  } catch {
    return undefined;
  }
}

/** The event that reports a refused or failed request, with its precise reason. */
export function failureEvent(
  error: PasswordlessError,
): Pick<PasswordlessEvent, 'type' | 'error' | 'reason'> {
  const event: Pick<PasswordlessEvent, 'type' | 'error' | 'reason'> = {
    type: FAILURES[error.code].event,
    error,
  };
  if (error instanceof VerifyFailedError) event.reason = error.reason;
  else if (error instanceof RateLimitedError) event.reason = error.limit;
  return event;
}
