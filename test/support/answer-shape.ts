import type request from 'supertest';

/** Headers that legitimately differ per response. */
const VOLATILE = new Set(['date', 'set-cookie', 'etag', 'content-length']);

/**
 * What a browser or JSON client can compare between two answers: status, body,
 * text, the headers that do not differ by nature, and the names of the cookies
 * set. Two answers an attacker must not tell apart have equal shapes.
 */
export function answerShape(res: request.Response): Record<string, unknown> {
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(([key]) => !VOLATILE.has(key)),
  );
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return {
    status: res.status,
    body: res.body,
    text: res.text,
    headers,
    cookieNames: cookies.map((cookie) => cookie.split('=')[0]),
  };
}
