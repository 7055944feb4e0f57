import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { TEST_OTP } from './phones.mjs';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/**
 * One SMS sign-in as a browser's script does it: POST /auth/otp {phone}, then
 * POST /auth/otp/verify {otp} with the session cookie the first answer set.
 * Resolves to the signed-in session's cookie; throws on any other outcome.
 */
export async function signIn(dispatcher, phone) {
  const sent = await dispatcher.request({
    path: '/auth/otp',
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ phone }),
  });
  const sendCookie = cookieOf(sent.headers['set-cookie']);
  const sendText = await sent.body.text();
  if (sent.statusCode !== 200 || !sendCookie) {
    throw new Error(`POST /auth/otp answered ${sent.statusCode}: ${sendText.slice(0, 200)}`);
  }
  const verified = await dispatcher.request({
    path: '/auth/otp/verify',
    method: 'POST',
    headers: { ...JSON_HEADERS, cookie: sendCookie },
    body: JSON.stringify({ otp: TEST_OTP }),
  });
  const cookie = cookieOf(verified.headers['set-cookie']);
  const text = await verified.body.text();
  if (verified.statusCode !== 200 || !cookie) {
    throw new Error(`POST /auth/otp/verify answered ${verified.statusCode}: ${text.slice(0, 200)}`);
  }
  return cookie;
}

/**
 * `connections` clients signing in back to back for `durationMs`, each sign-in
 * with a fresh session and a phone from `phones`. Resolves to sign-ins per second.
 * A failed sign-in fails the run: a benchmark that counts errors measures nothing.
 */
export async function signInLoad(url, phones, { connections, durationMs }) {
  const pool = new Pool(url, { connections, pipelining: 1 });
  let completed = 0;
  let firstError;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && !firstError) {
      const phone = await phones.take();
      try {
        await signIn(pool, phone);
        completed += 1;
      } catch (error) {
        firstError ??= error;
      } finally {
        phones.release(phone);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, client));
  } finally {
    await pool.close();
  }
  if (firstError) throw firstError;
  const seconds = (performance.now() - started) / 1000;
  return { rate: completed / seconds, completed };
}

/** `name=value` of the first Set-Cookie, as a browser sends it back. */
export function cookieOf(header) {
  const first = Array.isArray(header) ? header[0] : header;
  return first ? first.split(';', 1)[0] : undefined;
}
