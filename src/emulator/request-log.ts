import type { IncomingMessage } from 'node:http';
import { MalformedParameterError, RequestParams, parseJsonObject } from './params';
import type { EmulatorRequestRecord } from './types';

/** How many API requests the log keeps; older ones fall off. */
export const REQUEST_LOG_LIMIT = 1000;

/** A header value is kept up to this length, so a hostile client cannot fill memory through the log. */
const MAX_ORIGIN_IP_LENGTH = 256;

/** The most recent LoginRadius API requests, oldest first, bounded to {@link REQUEST_LOG_LIMIT}. */
export class RequestLog {
  #entries: EmulatorRequestRecord[] = [];

  record(entry: EmulatorRequestRecord): void {
    this.#entries.push(Object.freeze({ ...entry }));
    if (this.#entries.length > REQUEST_LOG_LIMIT) this.#entries.shift();
  }

  /** A frozen snapshot: later requests do not change it, and nobody can edit the log through it. */
  list(): readonly EmulatorRequestRecord[] {
    return Object.freeze([...this.#entries]);
  }

  clear(): void {
    this.#entries = [];
  }
}

/**
 * The end user's IP as the app passed it on in `X-Origin-IP` (LoginRadius reads
 * it from there), or `undefined` when the header is absent or empty.
 */
export function originIpOf(req: IncomingMessage): string | undefined {
  const raw = req.headers['x-origin-ip'];
  const value = (Array.isArray(raw) ? raw.join(', ') : raw)?.trim();
  return value ? value.slice(0, MAX_ORIGIN_IP_LENGTH) : undefined;
}

/**
 * Whether the request carries a non-empty `g-recaptcha-response`, read the way
 * the handlers read it (query, or the JSON body of a non-GET), and tolerating
 * the malformed bodies the handlers refuse.
 */
export function carriesCaptcha(
  method: string,
  search: string,
  rawBody: Buffer | undefined,
): boolean {
  let body: Record<string, unknown> | undefined;
  try {
    body = method === 'GET' || !rawBody ? undefined : parseJsonObject(rawBody);
  } catch (error) {
    if (!(error instanceof MalformedParameterError)) throw error;
  }
  try {
    return new RequestParams(search, body).queryOrBody('g-recaptcha-response') !== undefined;
  } catch (error) {
    if (error instanceof MalformedParameterError) return false;
    throw error;
  }
}
