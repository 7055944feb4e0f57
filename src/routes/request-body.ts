import { parse as parseContentType } from 'content-type';
import type { Request } from 'express';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';
import { hasLoneSurrogate } from '../loginradius/validation';

/**
 * Reads the small, flat form or JSON bodies the routers accept. Anything else is
 * refused before any upstream call: bodies over the size limit (413) however they
 * arrived and whoever parsed them, a charset other than UTF-8 (415), non-objects,
 * arrays or objects where strings belong, `__proto__`/`constructor`/`prototype`
 * keys, and text that was not valid UTF-8 (decoders turn it into U+FFFD; JSON
 * escapes can make half a surrogate pair).
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Requests whose body the app's own parsers read before the routers saw it. A
 * WeakSet rather than a property on the request: adding a property to an Express
 * request (whose prototype Express swapped) costs V8 about 4 µs, a WeakSet entry
 * a tenth of that, and the entry goes with the request.
 */
const parsedElsewhere = new WeakSet<Request>();

/** Notes that the app's parsers, not the routers', read this request's body. */
export function markParsedElsewhere(req: Request): void {
  parsedElsewhere.add(req);
}

/** The request body as a map of optional strings, or an error. */
export function readFlatBody(req: Request, maxBytes: number): Map<string, string> {
  checkCharset(req);
  const declared = req.headers['content-length'];
  const length = declared === undefined ? Number.NaN : Number(declared);
  if (length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  // The routers' own parsers count every byte of a chunked or compressed body, as
  // inflated. One the app's parsers already read (with their own, larger limit)
  // cannot be counted any more (whitespace and null keys leave no trace, and a
  // compressed body's Content-Length is its size before inflating): refused, as a
  // body over the limit.
  const uncounted =
    (Number.isNaN(length) || isEncoded(req.headers['content-encoding'])) &&
    parsedElsewhere.has(req);
  const body: unknown = (req as { body?: unknown }).body;
  const fields = new Map<string, string>();
  if (body === undefined || body === null || body === '') return fields;
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new InvalidInputError('body', 'must be a JSON object or a form');
  }
  if (uncounted && Object.keys(body).length > 0) throw new PayloadTooLargeError(maxBytes);
  for (const key of Object.keys(body)) {
    if (FORBIDDEN_KEYS.has(key)) throw new InvalidInputError('body', `may not hold a "${key}" key`);
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw new InvalidInputError(key.slice(0, 40), 'must be a single string');
    }
    if (!isValidText(value)) throw new InvalidInputError(key.slice(0, 40), 'is not valid UTF-8');
    fields.set(key, value);
  }
  return fields;
}

/** A Content-Encoding other than none or `identity` (gzip, deflate, br…). */
function isEncoded(encoding: string | undefined): boolean {
  return encoding !== undefined && encoding !== '' && encoding.trim().toLowerCase() !== 'identity';
}

/**
 * Only UTF-8 is read: a form in ISO-8859-1 or JSON in UTF-16 would be decoded
 * by the body parsers into something else than what the browser meant.
 */
function checkCharset(req: Request): void {
  const type = req.headers['content-type'];
  if (typeof type !== 'string' || type === '') return;
  // Parsers disagree about a header naming charset twice (or once inside a quoted
  // decoy): whichever they pick, it is not plainly UTF-8.
  if ((type.match(/charset\s*=/gi) ?? []).length > 1) {
    throw new UnsupportedMediaTypeError('the Content-Type names a charset more than once');
  }
  let charset: string | undefined;
  try {
    charset = parseContentType(type).parameters.charset?.toLowerCase();
  } catch {
    throw new UnsupportedMediaTypeError('the Content-Type header is malformed');
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeError(`the charset is "${charset.slice(0, 20)}", not UTF-8`);
  }
}

/**
 * Text that came as valid UTF-8: decoders turn invalid bytes into U+FFFD, and a
 * JSON escape can still make half a surrogate pair, which no UTF-8 can carry.
 */
function isValidText(value: string): boolean {
  return !value.includes('\uFFFD') && !hasLoneSurrogate(value);
}

/** A single query-string value, refusing repeated parameters and nested objects. */
export function queryString(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidInputError(name, 'must be a single string');
  if (!isValidText(value)) throw new InvalidInputError(name, 'is not valid UTF-8');
  return value;
}

/** True when the client wants JSON back rather than an HTML redirect. */
export function wantsJson(req: Request): boolean {
  if (req.is('application/json')) return true;
  return req.accepts(['html', 'json']) === 'json';
}
