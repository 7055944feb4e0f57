import { Agent, type Dispatcher } from 'undici';
import {
  CircuitOpenError,
  LoginRadiusBadResponseError,
  LoginRadiusError,
  LoginRadiusRateLimitError,
  LoginRadiusTimeoutError,
  LoginRadiusUnavailableError,
  PasswordlessError,
} from '../errors';
import { isObject } from '../is-object';
import { CircuitBreaker } from './circuit-breaker';
import type { ClientConfig } from './client-options';
import { watchDeadline } from './deadline';
import { redactedUrl } from './redaction';
import { parseRetryAfter } from './responses';
import type { LoginRadiusOperation, UpstreamCallInfo } from './types';

/**
 * The HTTP plumbing under {@link LoginRadiusClient}: one undici request per
 * call with one deadline (connect, headers and body), the circuit breaker, a
 * bounded body read, LoginRadius's error shape turned into typed errors, and
 * the redacted report to `onCall`. Nothing here is ever retried.
 */

/** LoginRadius answers are small (a Profile is ~10 KB); anything past this is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

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
    const wait = this.#breaker?.tryAcquire();
    if (wait !== undefined) throw new CircuitOpenError(call.operation, wait);
    const started = performance.now();
    const path = this.#path(call);
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

  /**
   * One request on undici's dispatch API rather than `request()`: the body
   * arrives as Buffers straight into an array, with no Readable stream, no
   * AbortSignal and no listener to add and remove per call, and the deadline
   * aborts the request through the handle undici gives its handler.
   */
  #send(call: Call, path: string): Promise<Answer> {
    const { timeout } = this.#config;
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      let abortRequest: ((reason: Error) => void) | undefined;
      let statusCode = 0;
      let retryAfter: number | undefined;
      let size = 0;
      const chunks: Buffer[] = [];
      const signal = call.signal;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        deadline.clear();
        signal?.removeEventListener('abort', onCallerAbort);
        return true;
      };
      const fail = (error: PasswordlessError): void => {
        if (!settle()) return;
        abortRequest?.(error);
        reject(error);
      };
      const onCallerAbort = (): void =>
        fail(new LoginRadiusUnavailableError(call.operation, 'the call was aborted by the caller'));
      const deadline = watchDeadline(timeout, () =>
        fail(new LoginRadiusTimeoutError(call.operation, timeout)),
      );
      if (signal?.aborted) {
        onCallerAbort();
        return;
      }
      signal?.addEventListener('abort', onCallerAbort, { once: true });

      const headers: Record<string, string> = { accept: 'application/json' };
      if (call.accessToken) headers.authorization = `Bearer ${call.accessToken}`;
      if (call.originIp) headers['x-origin-ip'] = call.originIp;
      let body: string | undefined;
      if (call.body) {
        body = JSON.stringify(call.body);
        headers['content-type'] = 'application/json';
      }
      const handler = {
        path,
        method: call.method,
        headers,
        body,
        onConnect: (abort: (reason: Error) => void) => {
          abortRequest = abort;
          if (settled) abort(new Error('settled'));
        },
        onHeaders: (status: number, rawHeaders: Buffer[] | string[] | null) => {
          statusCode = status;
          if (status === 429) retryAfter = parseRetryAfter(headerOf(rawHeaders, 'retry-after'));
          return true;
        },
        onData: (chunk: Buffer) => {
          if (settled) return false;
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            fail(
              new LoginRadiusBadResponseError(
                call.operation,
                'too_large',
                statusCode,
                `the body is larger than ${MAX_RESPONSE_BYTES} bytes`,
              ),
            );
            return false;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete: () => {
          if (!settle()) return;
          try {
            resolve(answerOf(call.operation, statusCode, retryAfter, chunks, size));
          } catch (error) {
            reject(error);
          }
        },
        onError: (error: Error) => {
          if (!settle()) return;
          reject(this.#networkError(call, error));
        },
      };
      const options = {
        origin: this.#origin,
        path,
        method: call.method,
        headers,
        body,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      };
      try {
        this.#dispatcher.dispatch(options, handler as unknown as Dispatcher.DispatchHandler);
      } catch (error) {
        fail(this.#networkError(call, error));
      }
    });
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
      if (value !== undefined && value !== '') path += `&${key}=${encodeURIComponent(value)}`;
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
    return error.reason !== 'second_factor_required' && error.reason !== 'missing_access_token';
  }
  return false;
}

function statusOf(error: PasswordlessError): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** A settled response as the client uses it: 429 and 5xx as errors, the body as JSON. */
function answerOf(
  operation: string,
  statusCode: number,
  retryAfter: number | undefined,
  chunks: Buffer[],
  size: number,
): Answer {
  if (statusCode === 429) throw new LoginRadiusRateLimitError(operation, retryAfter);
  if (statusCode >= 500) {
    throw new LoginRadiusUnavailableError(
      operation,
      `LoginRadius answered HTTP ${statusCode}`,
      statusCode,
    );
  }
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
  try {
    return { statusCode, json: JSON.parse(text) };
  } catch {
    throw new LoginRadiusBadResponseError(
      operation,
      'not_json',
      statusCode,
      'the body is not JSON',
    );
  }
}

/** One header's value from undici's raw `[name, value, name, value…]` list. */
function headerOf(raw: Buffer[] | string[] | null, name: string): string | undefined {
  if (!raw) return undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (String(raw[i]).toLowerCase() === name) return String(raw[i + 1]);
  }
  return undefined;
}
