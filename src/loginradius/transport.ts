import { Agent, type Dispatcher } from 'undici';
import {
  CircuitOpenError,
  InvalidInputError,
  LoginRadiusBadResponseError,
  LoginRadiusError,
  LoginRadiusTimeoutError,
  LoginRadiusUnavailableError,
  PasswordlessError,
} from '../errors';
import { isObject } from '../is-object';
import { CircuitBreaker } from './circuit-breaker';
import type { ClientConfig } from './client-options';
import { redactedUrl } from './redaction';
import { hasLoneSurrogate } from './validation';
import { dispatchCall } from './request';
import type { LoginRadiusOperation, UpstreamCallInfo } from './types';

/**
 * The HTTP plumbing under {@link LoginRadiusClient}: one undici request per
 * call with one deadline (connect, headers and body), the circuit breaker, a
 * bounded body read, LoginRadius's error shape turned into typed errors, and
 * the redacted report to `onCall`. Nothing here is ever retried.
 */

/** One LoginRadius call, as the client describes it. */
export interface Call {
  operation: LoginRadiusOperation;
  path: string;
  method: 'GET' | 'PUT' | 'POST';
  /** Query parameters; `undefined` ones are left out. */
  query: Record<string, string | undefined>;
  body?: Record<string, string>;
  accessToken?: string;
  /** The end user's IP, sent as `X-Origin-IP`. */
  originIp?: string;
  /** Values that must never appear in an error or a log line. */
  secrets: readonly (string | undefined)[];
  signal: AbortSignal | undefined;
}

/** A 2xx answer with a JSON body and no `ErrorCode`. */
export interface Answer {
  statusCode: number;
  json: unknown;
}

export class Transport {
  readonly #config: ClientConfig;
  readonly #origin: string;
  /** The base URL's own path (a custom API domain may add one), without a trailing slash. */
  readonly #pathPrefix: string;
  readonly #apiKeyQuery: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #breaker: CircuitBreaker | undefined;

  constructor(config: ClientConfig) {
    this.#config = config;
    const base = new URL(config.baseUrl);
    this.#origin = base.origin;
    this.#pathPrefix = base.pathname.replace(/\/+$/, '');
    this.#apiKeyQuery = `?apikey=${encodeURIComponent(config.apiKey)}`;
    this.#ownsDispatcher = config.dispatcher === undefined;
    this.#dispatcher =
      config.dispatcher ??
      new Agent({
        connect: { timeout: config.timeout },
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
      });
    if (config.breaker) this.#breaker = new CircuitBreaker(config.breaker);
  }

  /** `closed`, `open`, `half-open`, or `disabled`. */
  get breakerState(): string {
    return this.#breaker?.state ?? 'disabled';
  }

  /** Makes the call; resolves to a usable answer or rejects with a typed error. */
  async call(call: Call): Promise<Answer> {
    // Before the breaker: a path that cannot be built must not hold its one probe.
    const path = this.#path(call);
    const wait = this.#breaker?.tryAcquire();
    if (wait !== undefined) throw new CircuitOpenError(call.operation, wait);
    const started = performance.now();
    let statusCode: number | undefined;
    try {
      const answer = await this.#send(call, path);
      statusCode = answer.statusCode;
      const json = answer.json;
      if (isObject(json) && json.ErrorCode) {
        throw new LoginRadiusError({
          errorCode: Number(json.ErrorCode),
          upstreamMessage: this.#redact(String(json.Message ?? ''), call).slice(0, 300),
          description: this.#redact(String(json.Description ?? ''), call).slice(0, 500),
          statusCode: answer.statusCode,
          operation: call.operation,
        });
      }
      if (answer.statusCode < 200 || answer.statusCode >= 300) {
        throw new LoginRadiusBadResponseError(
          call.operation,
          'unexpected_status',
          answer.statusCode,
          'a non-2xx status without a LoginRadius ErrorCode',
        );
      }
      this.#breaker?.recordSuccess();
      this.#report(call, path, started, statusCode);
      return answer;
    } catch (error) {
      const failure =
        error instanceof PasswordlessError
          ? error
          : new LoginRadiusUnavailableError(
              call.operation,
              this.#redact(String((error as Error)?.message ?? error), call),
            );
      if (call.signal?.aborted) this.#breaker?.release();
      else if (countsAgainstUpstream(failure)) this.#breaker?.recordFailure();
      else this.#breaker?.recordSuccess();
      this.#report(call, path, started, statusCode ?? statusOf(failure), failure);
      throw failure;
    }
  }

  /** Closes the client's own connection pool (not a dispatcher passed in). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  #send(call: Call, path: string): Promise<Answer> {
    return dispatchCall(
      this.#dispatcher,
      this.#origin,
      path,
      call,
      this.#config.timeout,
      (error: unknown) => this.#networkError(call, error),
    );
  }

  #networkError(call: Call, error: unknown): PasswordlessError {
    const code = (error as { code?: unknown })?.code;
    if (
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    ) {
      return new LoginRadiusTimeoutError(call.operation, this.#config.timeout);
    }
    if (call.signal?.aborted) {
      return new LoginRadiusUnavailableError(call.operation, 'the call was aborted by the caller');
    }
    const detail = this.#redact(
      `${typeof code === 'string' ? code : 'network error'}: ${(error as Error)?.message ?? error}`,
      call,
    );
    const cause = new Error(detail);
    cause.name = (error as Error)?.name ?? 'Error';
    return new LoginRadiusUnavailableError(call.operation, detail, undefined, cause);
  }

  /** The request path with its query: a string, as URL's searchParams re-serialize on every set. */
  #path(call: Call): string {
    let path = `${this.#pathPrefix}${call.path}${this.#apiKeyQuery}`;
    for (const key in call.query) {
      const value = call.query[key];
      if (value === undefined || value === '') continue;
      // encodeURIComponent throws a URIError on half a surrogate pair: a typed 400 instead.
      if (hasLoneSurrogate(value)) throw new InvalidInputError(key, 'is not well-formed text');
      path += `&${key}=${encodeURIComponent(value)}`;
    }
    return path;
  }

  #redact(text: string, call: Call): string {
    let result = text;
    for (const secret of [this.#config.apiKey, ...call.secrets]) {
      if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
    }
    return result;
  }

  #report(
    call: Call,
    path: string,
    started: number,
    statusCode: number | undefined,
    failure?: PasswordlessError,
  ): void {
    const onCall = this.#config.onCall;
    if (!onCall) return;
    const info: UpstreamCallInfo = {
      operation: call.operation,
      method: call.method,
      url: redactedUrl(`${this.#origin}${path}`),
      durationMs: Math.round(performance.now() - started),
    };
    if (statusCode !== undefined) info.statusCode = statusCode;
    if (failure) info.errorCode = failure.code;
    if (failure instanceof LoginRadiusError) info.loginRadiusErrorCode = failure.errorCode;
    try {
      onCall(info);
    } catch {
      // A throwing log hook must not turn a login into a failure.
    }
  }
}

/** Failures that say the upstream is unhealthy, as opposed to a clear answer. */
function countsAgainstUpstream(error: PasswordlessError): boolean {
  if (error.code === 'LR_TIMEOUT' || error.code === 'LR_RATE_LIMITED') return true;
  if (error.code === 'LR_UNAVAILABLE') return true;
  if (error instanceof LoginRadiusBadResponseError) {
    // A 4xx without an ErrorCode (413, 414, 431…, an HTML page or none) refused this
    // request, not every request: counted, anyone could open the breaker for all
    // with oversized calls.
    if (isRequestRefusal(error.statusCode)) return false;
    return error.reason !== 'second_factor_required' && error.reason !== 'missing_access_token';
  }
  return false;
}

/** A 4xx that is about the request itself (408 Request Timeout and 429 are about the server). */
function isRequestRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function statusOf(error: PasswordlessError): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}
