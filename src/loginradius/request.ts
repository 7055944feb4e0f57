import type { Dispatcher } from 'undici';
import {
  LoginRadiusBadResponseError,
  LoginRadiusRateLimitError,
  LoginRadiusTimeoutError,
  LoginRadiusUnavailableError,
  type PasswordlessError,
} from '../errors';
import { watchDeadline } from './deadline';
import { parseRetryAfter } from './responses';
import type { Answer, Call } from './transport';

/** LoginRadius answers are small (a Profile is ~10 KB); anything past this is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One request on undici's dispatch API rather than `request()`: the body
 * arrives as Buffers straight into an array, with no Readable stream, no
 * AbortSignal and no listener to add and remove per call, and the deadline
 * aborts the request through the handle undici gives its handler.
 */
export function dispatchCall(
  dispatcher: Dispatcher,
  origin: string,
  path: string,
  call: Call,
  timeout: number,
  networkError: (error: unknown) => PasswordlessError,
): Promise<Answer> {
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
      // Settled first: the call ends with this error whatever the abort does, and a
      // deadline's expiry (on the shared ticker) never throws.
      reject(error);
      if (abortRequest) abortQuietly(abortRequest, error);
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
        if (settled) abortQuietly(abort, new Error('settled'));
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
        reject(networkError(error));
      },
    };
    const options = {
      origin,
      path,
      method: call.method,
      headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    };
    try {
      dispatcher.dispatch(options, handler as unknown as Dispatcher.DispatchHandler);
    } catch (error) {
      fail(networkError(error));
    }
  });
}

/** Ends the request; the call already has its answer, so an abort that throws changes nothing. */
function abortQuietly(abort: (reason: Error) => void, reason: Error): void {
  try {
    abort(reason);
  } catch {
    // The socket is undici's to clean up.
  }
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
