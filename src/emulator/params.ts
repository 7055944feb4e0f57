/**
 * Reads request parameters the way LoginRadius does: names case-insensitively
 * (`apikey`, `apiKey`, `APIKEY`), the first of repeated query parameters, and an
 * empty value as "not given" (the official SDK sends `isVoiceOtp=` and `fields=`).
 */

/** A JSON body value that cannot be read as a string parameter. */
export class MalformedParameterError extends Error {}

export class RequestParams {
  readonly #query = new Map<string, string>();
  readonly #body = new Map<string, unknown>();

  constructor(search: string, body?: Record<string, unknown>) {
    for (const [key, value] of new URLSearchParams(search)) {
      const name = key.toLowerCase();
      if (!this.#query.has(name)) this.#query.set(name, value);
    }
    for (const [key, value] of Object.entries(body ?? {})) {
      const name = key.toLowerCase();
      if (!this.#body.has(name)) this.#body.set(name, value);
    }
  }

  /** A query parameter, or `undefined` when absent or empty. */
  query(name: string): string | undefined {
    const value = this.#query.get(name.toLowerCase());
    return value === undefined || value === '' ? undefined : value;
  }

  /**
   * A JSON body property as a string (numbers are accepted for codes sent as
   * `123456`); `undefined` when absent, null or empty. Objects, arrays and
   * booleans throw {@link MalformedParameterError}.
   */
  body(name: string): string | undefined {
    const value = this.#body.get(name.toLowerCase());
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new MalformedParameterError(name);
  }

  /** A query parameter, else the same-named body property (for POST sends). */
  queryOrBody(name: string): string | undefined {
    return this.query(name) ?? this.body(name);
  }

  /** A boolean flag given as `true` (any case); anything else is false. */
  flag(name: string): boolean {
    return this.query(name)?.toLowerCase() === 'true';
  }
}

/**
 * Parses a JSON request body into an object; `undefined` for an empty body.
 * Throws {@link MalformedParameterError} for invalid JSON or a non-object.
 */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  const text = raw.toString('utf8').trim();
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedParameterError('body');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MalformedParameterError('body');
  }
  return parsed as Record<string, unknown>;
}
