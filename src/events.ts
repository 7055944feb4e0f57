import { RateLimitedError, VerifyFailedError, type PasswordlessError } from './loginradius/errors';

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
  | 'login'
  | 'login_failed'
  | 'rate_limited'
  | 'cross_site_refused'
  | 'invalid_input'
  | 'logout'
  | 'upstream_error'
  | 'store_error';

/** One event; see {@link PasswordlessEventType}. */
export interface PasswordlessEvent {
  type: PasswordlessEventType;
  /** `email` (links, by email or username) or `sms`. */
  channel?: 'email' | 'sms';
  /** A masked recipient, such as `a***@example.com` or `+1415*****01`. */
  recipient?: string;
  /** Why it failed: invalid, expired, used, locked, unknown_account, cooldown... */
  reason?: string;
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

/** Calls the app's listener without letting it break a request. */
export function emitter(
  listener: EventListener | undefined,
): (event: Omit<PasswordlessEvent, 'at'>) => void {
  if (!listener) return () => undefined;
  return (event) => {
    try {
      listener({ ...event, at: new Date() });
    } catch {
      // A throwing listener must not change what the user sees.
    }
  };
}

/** `ada@example.com` → `a***@example.com`; `+14155550101` → `+1415*****01`; usernames → `a***`. */
export function maskRecipient(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (value.startsWith('+') && value.length > 7) {
    return `${value.slice(0, 5)}${'*'.repeat(value.length - 7)}${value.slice(-2)}`;
  }
  return `${value.slice(0, 1)}***`;
}

const EVENT_BY_CODE: Partial<Record<PasswordlessError['code'], PasswordlessEventType>> = {
  RATE_LIMITED: 'rate_limited',
  CROSS_SITE_REQUEST: 'cross_site_refused',
  VERIFY_FAILED: 'login_failed',
  INVALID_INPUT: 'invalid_input',
  SESSION_ERROR: 'store_error',
  STORE_UNAVAILABLE: 'store_error',
};

/** The event that reports a refused or failed request, with its precise reason. */
export function failureEvent(
  error: PasswordlessError,
): Pick<PasswordlessEvent, 'type' | 'error' | 'reason'> {
  const event: Pick<PasswordlessEvent, 'type' | 'error' | 'reason'> = {
    type: EVENT_BY_CODE[error.code] ?? 'upstream_error',
    error,
  };
  if (error instanceof VerifyFailedError) event.reason = error.reason;
  else if (error instanceof RateLimitedError) event.reason = error.limit;
  return event;
}
