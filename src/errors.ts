/**
 * Every error this package raises, and the one table that says what each kind
 * means to a browser (status, public code, message) and to the app (event).
 *
 * Each error has a stable `code`, a message a developer can act on, and never a
 * secret (API key, access token, verification token, code): upstream texts are
 * redacted before they are kept, and causes are reduced to their name and code.
 * `instanceof` is answered by a `Symbol.for` brand rather than the prototype
 * chain, so it keeps working when an app loads two copies of this package (its
 * ESM and CommonJS builds, or two versions), as undici does for its errors.
 *
 * LoginRadius's own `ErrorCode` catalogue is not here: it is in
 * `loginradius/error-codes.ts`. This file is longer than the others on purpose:
 * every error of the package and the table of what each means, read together.
 */
import type { PasswordlessEventType } from './events';
import type { MessageKey } from './locales/catalogue';

const BRAND = Symbol.for('passport-loginradius-passwordless.error');

/** The codes browsers and JSON clients see, in `{ error: { code, message } }`. */
export type PublicErrorCode =
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'CROSS_SITE_REQUEST'
  | 'VERIFY_FAILED'
  | 'UNAVAILABLE'
  | 'TIMEOUT';

/** What one kind of error means outside the server. */
export interface FailureKind {
  /** The HTTP status the browser gets. */
  readonly status: number;
  /** The code the browser gets. */
  readonly publicCode: PublicErrorCode;
  /** The catalogue key of the short message the browser gets. */
  readonly message: MessageKey;
  /** The `onEvent` type that reports it. */
  readonly event: PasswordlessEventType;
}

/** Every `code` a {@link PasswordlessError} can carry; stable across releases. */
export type PasswordlessErrorCode =
  | 'LR_ERROR'
  | 'LR_RATE_LIMITED'
  | 'LR_TIMEOUT'
  | 'LR_UNAVAILABLE'
  | 'LR_BAD_RESPONSE'
  | 'LR_CIRCUIT_OPEN'
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'CROSS_SITE_REQUEST'
  | 'VERIFY_FAILED'
  | 'SESSION_ERROR'
  | 'STORE_UNAVAILABLE';

function kind(
  status: number,
  publicCode: PublicErrorCode,
  message: MessageKey,
  event: PasswordlessEventType,
): FailureKind {
  return { status, publicCode, message, event };
}

/**
 * The table. One message per public code, the same for every cause of that
 * code (an unknown account and a wrong code look alike); never the upstream's text.
 */
export const FAILURES: Readonly<Record<PasswordlessErrorCode, FailureKind>> = {
  LR_ERROR: kind(401, 'VERIFY_FAILED', 'error.verifyFailed', 'login_failed'),
  LR_RATE_LIMITED: kind(429, 'RATE_LIMITED', 'error.rateLimited', 'upstream_error'),
  LR_TIMEOUT: kind(504, 'TIMEOUT', 'error.unavailable', 'upstream_error'),
  LR_UNAVAILABLE: kind(503, 'UNAVAILABLE', 'error.unavailable', 'upstream_error'),
  LR_BAD_RESPONSE: kind(503, 'UNAVAILABLE', 'error.unavailable', 'upstream_error'),
  LR_CIRCUIT_OPEN: kind(503, 'UNAVAILABLE', 'error.unavailable', 'upstream_error'),
  INVALID_INPUT: kind(400, 'INVALID_INPUT', 'error.invalidInput', 'invalid_input'),
  PAYLOAD_TOO_LARGE: kind(413, 'PAYLOAD_TOO_LARGE', 'error.payloadTooLarge', 'invalid_input'),
  UNSUPPORTED_MEDIA_TYPE: kind(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'error.unsupportedMediaType',
    'invalid_input',
  ),
  RATE_LIMITED: kind(429, 'RATE_LIMITED', 'error.rateLimited', 'rate_limited'),
  CROSS_SITE_REQUEST: kind(403, 'CROSS_SITE_REQUEST', 'error.crossSite', 'cross_site_refused'),
  VERIFY_FAILED: kind(401, 'VERIFY_FAILED', 'error.verifyFailed', 'login_failed'),
  SESSION_ERROR: kind(503, 'UNAVAILABLE', 'error.unavailable', 'store_error'),
  STORE_UNAVAILABLE: kind(503, 'UNAVAILABLE', 'error.unavailable', 'store_error'),
};

/** The base class: `err.code` tells which kind it is. */
export class PasswordlessError extends Error {
  /** Which kind of error this is; stable across releases. */
  readonly code: PasswordlessErrorCode;

  constructor(code: PasswordlessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false });
  }

  /** The HTTP status the routers answer the browser with for this error. */
  get httpStatus(): number {
    return FAILURES[this.code].status;
  }

  /**
   * `instanceof` by brand: true for errors of this class from any loaded copy of
   * the package (ESM and CommonJS builds, or two versions).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
    const code = (this as { readonly brandCode?: string }).brandCode;
    return code === undefined || (value as { code?: unknown }).code === code;
  }

  /** The error as JSON for logs: name, code, message and own properties, never a cause. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code };
    json.message = this.message;
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause') json[key] = value;
    }
    return json;
  }
}

/** LoginRadius answered with an `ErrorCode` (LR_ERROR). */
export class LoginRadiusError extends PasswordlessError {
  static readonly brandCode = 'LR_ERROR';
  /** LoginRadius's numeric `ErrorCode`, for example 1063 (invalid link token). */
  readonly errorCode: number;
  /** LoginRadius's `Message`, redacted. */
  readonly upstreamMessage: string;
  /** LoginRadius's `Description`, redacted. */
  readonly description: string;
  /** The HTTP status LoginRadius answered with. */
  readonly statusCode: number;

  constructor(fields: {
    errorCode: number;
    upstreamMessage: string;
    description: string;
    statusCode: number;
    operation: string;
  }) {
    super(
      'LR_ERROR',
      `LoginRadius refused ${fields.operation}: ErrorCode ${fields.errorCode} (HTTP ${fields.statusCode})` +
        (fields.upstreamMessage ? `: ${fields.upstreamMessage}` : ''),
    );
    this.errorCode = fields.errorCode;
    this.upstreamMessage = fields.upstreamMessage;
    this.description = fields.description;
    this.statusCode = fields.statusCode;
  }
}

/** LoginRadius answered 429 (LR_RATE_LIMITED). */
export class LoginRadiusRateLimitError extends PasswordlessError {
  static readonly brandCode = 'LR_RATE_LIMITED';
  /** Seconds LoginRadius asked us to wait, when it sent `Retry-After`. */
  readonly retryAfter: number | undefined;

  constructor(operation: string, retryAfter: number | undefined) {
    const wait = retryAfter === undefined ? '' : `; retry after ${retryAfter} s`;
    super('LR_RATE_LIMITED', `LoginRadius rate-limited ${operation} (HTTP 429)${wait}`);
    this.retryAfter = retryAfter;
  }
}

/** No complete answer from LoginRadius within the deadline (LR_TIMEOUT). */
export class LoginRadiusTimeoutError extends PasswordlessError {
  static readonly brandCode = 'LR_TIMEOUT';
  /** The deadline that passed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number) {
    super(
      'LR_TIMEOUT',
      `LoginRadius did not answer ${operation} within ${timeoutMs} ms (connect, headers and body); ` +
        'raise the client `timeout` option if your network is slow',
    );
    this.timeoutMs = timeoutMs;
  }
}

/** LoginRadius could not be reached, reset the connection or answered 5xx (LR_UNAVAILABLE). */
export class LoginRadiusUnavailableError extends PasswordlessError {
  static readonly brandCode = 'LR_UNAVAILABLE';
  /** The upstream HTTP status, when there was one. */
  readonly statusCode: number | undefined;

  constructor(operation: string, detail: string, statusCode?: number, cause?: unknown) {
    super('LR_UNAVAILABLE', `LoginRadius is unavailable for ${operation}: ${detail}`, {
      cause: sanitizeCause(cause),
    });
    this.statusCode = statusCode;
  }
}

/** Why an answer from LoginRadius could not be used. */
export type BadResponseReason =
  | 'not_json'
  | 'too_large'
  | 'unexpected_status'
  | 'unexpected_shape'
  | 'missing_access_token'
  | 'second_factor_required';

/** LoginRadius answered something this package cannot trust (LR_BAD_RESPONSE). */
export class LoginRadiusBadResponseError extends PasswordlessError {
  static readonly brandCode = 'LR_BAD_RESPONSE';
  readonly reason: BadResponseReason;
  /** The upstream HTTP status. */
  readonly statusCode: number;

  constructor(operation: string, reason: BadResponseReason, statusCode: number, detail: string) {
    super(
      'LR_BAD_RESPONSE',
      `LoginRadius gave an unusable answer to ${operation} (HTTP ${statusCode}): ${detail}`,
    );
    this.reason = reason;
    this.statusCode = statusCode;
  }
}

/** The circuit breaker is open after repeated upstream failures (LR_CIRCUIT_OPEN). */
export class CircuitOpenError extends PasswordlessError {
  static readonly brandCode = 'LR_CIRCUIT_OPEN';
  /** Seconds until the breaker lets a probe through. */
  readonly retryAfter: number;

  constructor(operation: string, retryAfter: number) {
    super(
      'LR_CIRCUIT_OPEN',
      `Not calling LoginRadius for ${operation}: the circuit breaker is open after repeated ` +
        `failures; it lets one probe through in ${retryAfter} s`,
    );
    this.retryAfter = retryAfter;
  }
}

/** Input refused before any upstream call (INVALID_INPUT). */
export class InvalidInputError extends PasswordlessError {
  static readonly brandCode = 'INVALID_INPUT';
  /** Which input was refused, for example `email` or `phone`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super('INVALID_INPUT', `Invalid ${field}: ${problem}`);
    this.field = field;
  }
}

/** A request body larger than the router's limit (PAYLOAD_TOO_LARGE). */
export class PayloadTooLargeError extends PasswordlessError {
  static readonly brandCode = 'PAYLOAD_TOO_LARGE';
  /** The limit, in bytes. */
  readonly limit: number;

  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`);
    this.limit = limit;
  }
}

/** A request body in a charset other than UTF-8 (UNSUPPORTED_MEDIA_TYPE). */
export class UnsupportedMediaTypeError extends PasswordlessError {
  static readonly brandCode = 'UNSUPPORTED_MEDIA_TYPE';

  constructor(detail: string) {
    super('UNSUPPORTED_MEDIA_TYPE', `Refused the request body: ${detail}`);
  }
}

/** One of this package's own limits refused the request (RATE_LIMITED). */
export class RateLimitedError extends PasswordlessError {
  static readonly brandCode = 'RATE_LIMITED';
  /** Which limit: `cooldown`, `send-ip`, `sms-ip-daily`, `sms-global-daily`, `verify-ip`... */
  readonly limit: string;
  /** Seconds until the limit lets this request through again. */
  readonly retryAfter: number;

  constructor(limit: string, retryAfter: number) {
    super('RATE_LIMITED', `Refused by the ${limit} limit; retry after ${retryAfter} s`);
    this.limit = limit;
    this.retryAfter = retryAfter;
  }
}

/** A cross-site POST was refused before any upstream call (CROSS_SITE_REQUEST). */
export class CrossSiteRequestError extends PasswordlessError {
  static readonly brandCode = 'CROSS_SITE_REQUEST';

  constructor(detail: string) {
    super('CROSS_SITE_REQUEST', `Refused a cross-site request: ${detail}`);
  }
}

/** A verification token or code was refused (VERIFY_FAILED); `reason` says why. */
export class VerifyFailedError extends PasswordlessError {
  static readonly brandCode = 'VERIFY_FAILED';
  /** invalid, expired, used, locked, no_pending_flow, second_factor_required... */
  readonly reason: string;

  constructor(reason: string, detail: string, cause?: unknown) {
    super('VERIFY_FAILED', `Sign-in failed (${reason}): ${detail}`, { cause });
    this.reason = reason;
  }
}

/** The session store failed (SESSION_ERROR). */
export class SessionError extends PasswordlessError {
  static readonly brandCode = 'SESSION_ERROR';

  constructor(detail: string, cause?: unknown) {
    super('SESSION_ERROR', `Session problem: ${detail}`, { cause: sanitizeCause(cause) });
  }
}

/** The store behind the limits and counters (memory, Redis) failed (STORE_UNAVAILABLE). */
export class StoreUnavailableError extends PasswordlessError {
  static readonly brandCode = 'STORE_UNAVAILABLE';

  constructor(detail: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', `The limits store is unavailable: ${detail}`, {
      cause: sanitizeCause(cause),
    });
  }
}

/** The codes of {@link SetupError}. */
export type SetupErrorCode =
  'ERR_PASSWORDLESS_OPTIONS' | 'ERR_PASSWORDLESS_SESSION' | 'ERR_PASSWORDLESS_PASSPORT';

/**
 * A mistake in how the package is set up, not a problem of the person signing
 * in: bad options (thrown by the constructor or factory), or a missing session
 * middleware or Passport setup (passed to `next(err)` by the first request that
 * meets it). A `TypeError`, as Node's own option errors are; its message says
 * what to change.
 */
export class SetupError extends TypeError {
  /** `ERR_PASSWORDLESS_OPTIONS`, `ERR_PASSWORDLESS_SESSION` or `ERR_PASSWORDLESS_PASSPORT`. */
  readonly code: SetupErrorCode;

  constructor(code: SetupErrorCode, message: string) {
    super(message);
    this.code = code;
    Object.defineProperty(this, 'name', { value: 'SetupError', enumerable: false });
  }
}

/** True for any error raised by this package, whichever copy of it raised it. */
export function isPasswordlessError(value: unknown): value is PasswordlessError {
  return value instanceof PasswordlessError;
}

/**
 * Reduces a low-level error (undici, net, a session store) to its name, code and
 * message, so nothing that error carried by reference (sockets, request options
 * with URLs and headers) travels with ours.
 */
export function sanitizeCause(cause: unknown): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (!(cause instanceof Error)) return new Error(String(cause));
  const copy = new Error(cause.message);
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string')
    Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  return copy;
}
