import { Agent, request, type Dispatcher } from 'undici';
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
import { Deadline } from './deadline';
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
  readonly #urlPrefix: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #breaker: CircuitBreaker | undefined;

  constructor(config: ClientConfig) {
    this.#config = config;
    this.#urlPrefix = `?apikey=${encodeURIComponent(config.apiKey)}`;
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
    const url = this.#url(call);
    let statusCode: number | undefined;
    try {
      const answer = await this.#send(call, url);
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
      this.#report(call, url, started, statusCode);
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
      this.#report(call, url, started, statusCode ?? statusOf(failure), failure);
      throw failure;
    }
  }

  /** Closes the client's own connection pool (not a dispatcher passed in). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async #send(call: Call, url: string): Promise<Answer> {
    const { timeout } = this.#config;
    const deadline = new Deadline(timeout);
    const signal = call.signal ? combinedSignal(deadline, call.signal) : deadline;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.accessToken) headers.authorization = `Bearer ${call.accessToken}`;
    if (call.originIp) headers['x-origin-ip'] = call.originIp;
    let body: string | undefined;
    if (call.body) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await request(url, {
        method: call.method,
        headers,
        body,
        signal,
        dispatcher: this.#dispatcher,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      const { statusCode } = response;
      if (statusCode === 429) {
        response.body.resume();
        throw new LoginRadiusRateLimitError(
          call.operation,
          parseRetryAfter(response.headers['retry-after']),
        );
      }
      const text = await readLimited(response.body, call.operation, statusCode);
      if (statusCode >= 500) {
        throw new LoginRadiusUnavailableError(
          call.operation,
          `LoginRadius answered HTTP ${statusCode}`,
          statusCode,
        );
      }
      try {
        return { statusCode, json: JSON.parse(text) };
      } catch {
        throw new LoginRadiusBadResponseError(
          call.operation,
          'not_json',
          statusCode,
          'the body is not JSON',
        );
      }
    } catch (error) {
      if (deadline.aborted && !(error instanceof PasswordlessError)) {
        throw new LoginRadiusTimeoutError(call.operation, timeout);
      }
      if (error instanceof PasswordlessError) throw error;
      throw this.#networkError(call, error);
    } finally {
      deadline.clear();
    }
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

  #url(call: Call): string {
    // A string, not a URL: each searchParams.set() re-serializes the whole query.
    let url = `${this.#config.baseUrl}${call.path}${this.#urlPrefix}`;
    for (const key in call.query) {
      const value = call.query[key];
      if (value !== undefined && value !== '') url += `&${key}=${encodeURIComponent(value)}`;
    }
    return url;
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
    url: string,
    started: number,
    statusCode: number | undefined,
    failure?: PasswordlessError,
  ): void {
    const onCall = this.#config.onCall;
    if (!onCall) return;
    const info: UpstreamCallInfo = {
      operation: call.operation,
      method: call.method,
      url: redactedUrl(url),
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

function readLimited(
  body: Dispatcher.ResponseData['body'],
  operation: string,
  statusCode: number,
): Promise<string> {
  // 'data' events, not `for await`: the async iterator costs a promise per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        body.destroy();
        reject(
          new LoginRadiusBadResponseError(
            operation,
            'too_large',
            statusCode,
            `the body is larger than ${MAX_RESPONSE_BYTES} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    body.on('error', reject);
  });
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

/** The deadline or the caller's signal, whichever fires first. */
function combinedSignal(deadline: Deadline, signal: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  deadline.once('abort', abort);
  return controller.signal;
}
