import type { Request } from 'express';
import { InvalidInputError, PasswordlessError } from '../loginradius/errors';

/**
 * Reads the small, flat form or JSON bodies the routers accept. Anything else is
 * refused before any upstream call: bodies over the size limit (413), non-objects,
 * arrays or objects where strings belong, `__proto__`/`constructor`/`prototype`
 * keys, and text that was not valid UTF-8 (decoders turn it into U+FFFD).
 */

/** Refused because the body is larger than the router's limit. */
export class BodyTooLargeError extends PasswordlessError {
  constructor(limit: number) {
    super('INVALID_INPUT', `The request body is larger than ${limit} bytes`, 413);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The request body as a map of optional strings, or an error. */
export function readFlatBody(req: Request, maxBytes: number): Map<string, string> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(length) && length > maxBytes) throw new BodyTooLargeError(maxBytes);
  const body: unknown = (req as { body?: unknown }).body;
  const fields = new Map<string, string>();
  if (body === undefined || body === null || body === '') return fields;
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new InvalidInputError('body', 'must be a JSON object or a form');
  }
  for (const key of Object.keys(body)) {
    if (FORBIDDEN_KEYS.has(key)) throw new InvalidInputError('body', `may not hold a "${key}" key`);
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw new InvalidInputError(key.slice(0, 40), 'must be a single string');
    }
    if (value.includes('\uFFFD'))
      throw new InvalidInputError(key.slice(0, 40), 'is not valid UTF-8');
    fields.set(key, value);
  }
  return fields;
}

/** A single query-string value, refusing repeated parameters and nested objects. */
export function queryString(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidInputError(name, 'must be a single string');
  if (value.includes('\uFFFD')) throw new InvalidInputError(name, 'is not valid UTF-8');
  return value;
}

/** True when the client wants JSON back rather than an HTML redirect. */
export function wantsJson(req: Request): boolean {
  if (req.is('application/json')) return true;
  return req.accepts(['html', 'json']) === 'json';
}
