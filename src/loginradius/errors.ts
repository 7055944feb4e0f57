/**
 * Every error this package raises. Each has a stable `code`, a message a developer
 * can act on, and never a secret (API key, access token, verification token, OTP):
 * upstream texts are redacted before they are kept, and causes are reduced to
 * their name and code.
 *
 * `instanceof` is answered by a `Symbol.for` brand rather than the prototype
 * chain, so it keeps working when an app loads two copies of this package (its
 * ESM and CommonJS builds, or two versions), as undici does for its errors.
 */

const BRAND = Symbol.for('passport-loginradius-passwordless.error');

/** Every `code` a {@link PasswordlessError} can carry; stable across releases. */
export type PasswordlessErrorCode =
  | 'LR_ERROR'
  | 'LR_RATE_LIMITED'
  | 'LR_TIMEOUT'
  | 'LR_UNAVAILABLE'
  | 'LR_BAD_RESPONSE'
  | 'LR_CIRCUIT_OPEN'
  | 'INVALID_INPUT'
  | 'RATE_LIMITED'
  | 'CROSS_SITE_REQUEST'
  | 'VERIFY_FAILED'
  | 'SESSION_ERROR'
  | 'STORE_UNAVAILABLE';

/** The base class: `err.code` tells which kind it is. */
export class PasswordlessError extends Error {
  /** Which kind of error this is; stable across releases. */
  readonly code: PasswordlessErrorCode;
  /** The HTTP status the routers answer the browser with for this error. */
  readonly httpStatus: number;

  constructor(
    code: PasswordlessErrorCode,
    message: string,
    httpStatus: number,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.httpStatus = httpStatus;
    Object.defineProperty(this, BRAND, { value: true });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false });
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
    const json: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
    };
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
      400,
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
    super(
      'LR_RATE_LIMITED',
      `LoginRadius rate-limited ${operation} (HTTP 429)` +
        (retryAfter === undefined ? '' : `; retry after ${retryAfter} s`),
      429,
    );
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
      504,
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
    super('LR_UNAVAILABLE', `LoginRadius is unavailable for ${operation}: ${detail}`, 503, {
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
      502,
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
      503,
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
    super('INVALID_INPUT', `Invalid ${field}: ${problem}`, 400);
    this.field = field;
  }
}

/** One of this package's own limits refused the request (RATE_LIMITED). */
export class RateLimitedError extends PasswordlessError {
  static readonly brandCode = 'RATE_LIMITED';
  /** Which limit: `cooldown`, `ip`, `sms_ip_daily`, `sms_global_daily`, `verify_attempts`... */
  readonly limit: string;
  /** Seconds until the limit lets this request through again. */
  readonly retryAfter: number;

  constructor(limit: string, retryAfter: number) {
    super('RATE_LIMITED', `Refused by the ${limit} limit; retry after ${retryAfter} s`, 429);
    this.limit = limit;
    this.retryAfter = retryAfter;
  }
}

/** A cross-site POST was refused before any upstream call (CROSS_SITE_REQUEST). */
export class CrossSiteRequestError extends PasswordlessError {
  static readonly brandCode = 'CROSS_SITE_REQUEST';

  constructor(detail: string) {
    super('CROSS_SITE_REQUEST', `Refused a cross-site request: ${detail}`, 403);
  }
}

/** A verification token or code was refused (VERIFY_FAILED); `reason` says why. */
export class VerifyFailedError extends PasswordlessError {
  static readonly brandCode = 'VERIFY_FAILED';
  /** invalid, expired, used, locked, no_pending_flow, second_factor_required... */
  readonly reason: string;

  constructor(reason: string, detail: string, cause?: unknown) {
    super('VERIFY_FAILED', `Sign-in failed (${reason}): ${detail}`, 401, { cause });
    this.reason = reason;
  }
}

/** The session store failed, or the session middleware cannot do what login needs. */
export class SessionError extends PasswordlessError {
  static readonly brandCode = 'SESSION_ERROR';

  constructor(detail: string, cause?: unknown) {
    super('SESSION_ERROR', `Session problem: ${detail}`, 503, { cause: sanitizeCause(cause) });
  }
}

/** The store behind the limits and counters (memory, Redis) failed (STORE_UNAVAILABLE). */
export class StoreUnavailableError extends PasswordlessError {
  static readonly brandCode = 'STORE_UNAVAILABLE';

  constructor(detail: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', `The limits store is unavailable: ${detail}`, 503, {
      cause: sanitizeCause(cause),
    });
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
function sanitizeCause(cause: unknown): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (!(cause instanceof Error)) return new Error(String(cause));
  const copy = new Error(cause.message);
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string')
    Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  return copy;
}

/** Replaces each secret found in `text` by `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}
