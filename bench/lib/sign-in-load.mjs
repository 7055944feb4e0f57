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
  const { cookie: sendCookie } = await post(dispatcher, '/auth/otp', { phone });
  const { cookie } = await post(dispatcher, '/auth/otp/verify', { otp: TEST_OTP }, sendCookie);
  return cookie;
}

/**
 * One sign-in with a code sent by email: POST /auth/link {email}, the code read
 * from the emulator's outbox, then POST /auth/link/verify {otp} with the cookie
 * the first answer set. `outbox` is an {@link outboxReader}.
 */
export function emailCodeSignIn(outbox) {
  return async function signInByEmailCode(dispatcher, email) {
    const sentAfter = Date.now();
    const { cookie: sendCookie } = await post(dispatcher, '/auth/link', { email });
    const { otp } = await outbox.latest(email, sentAfter, 'otp');
    const { cookie } = await post(dispatcher, '/auth/link/verify', { otp }, sendCookie);
    return cookie;
  };
}

/**
 * One cross-device sign-in, each device with its own cookies: device A POSTs
 * /auth/link {email} and is shown a number; device B, with no cookie, POSTs
 * /auth/callback {vtoken, flow, match} with the emailed link's `vtoken` and
 * `flow` (from the outbox) and A's number; then A's GET /auth/link/status picks
 * the sign-in up. Resolves to A's signed-in cookie.
 */
export function crossDeviceSignIn(outbox) {
  return async function signInAcrossDevices(dispatcher, email) {
    const sentAfter = Date.now();
    const sent = await post(dispatcher, '/auth/link', { email });
    if (typeof sent.json.match !== 'string') {
      throw new Error(`POST /auth/link answered no number: ${sent.text.slice(0, 200)}`);
    }
    const { link } = await outbox.latest(email, sentAfter, 'link');
    const query = new URL(link).searchParams;
    const finished = await post(dispatcher, '/auth/callback', {
      vtoken: query.get('vtoken'),
      flow: query.get('flow'),
      match: sent.json.match,
    });
    if (finished.json.completedOn !== 'other-device' || finished.cookie) {
      throw new Error(`device B's POST /auth/callback answered ${finished.text.slice(0, 200)}`);
    }
    const picked = await dispatcher.request({
      path: '/auth/link/status',
      method: 'GET',
      headers: { accept: 'application/json', cookie: sent.cookie },
    });
    const cookie = cookieOf(picked.headers['set-cookie']);
    const text = await picked.body.text();
    if (picked.statusCode !== 200 || !cookie || JSON.parse(text).status !== 'signed_in') {
      throw new Error(`GET /auth/link/status answered ${picked.statusCode}: ${text.slice(0, 200)}`);
    }
    return cookie;
  };
}

/** A JSON POST that must answer 200 and set a cookie (unless it is device B's). */
async function post(dispatcher, path, body, cookie) {
  const answer = await dispatcher.request({
    path,
    method: 'POST',
    headers: cookie ? { ...JSON_HEADERS, cookie } : JSON_HEADERS,
    body: JSON.stringify(body),
  });
  const setCookie = cookieOf(answer.headers['set-cookie']);
  const text = await answer.body.text();
  const deviceB = path === '/auth/callback';
  if (answer.statusCode !== 200 || (!setCookie && !deviceB)) {
    throw new Error(`POST ${path} answered ${answer.statusCode}: ${text.slice(0, 200)}`);
  }
  return {
    cookie: setCookie,
    text,
    json: deviceB || path === '/auth/link' ? JSON.parse(text) : {},
  };
}

/**
 * Reads what the emulator "sent" through its control API (GET
 * /emulator/outbox?to=…), as a test would read an inbox. The control API runs
 * in the emulator's process, on the load generator's CPUs: both apps' loads pay
 * it alike.
 */
export function outboxReader(emulatorUrl) {
  const pool = new Pool(emulatorUrl, { connections: 32, pipelining: 1 });
  return {
    /** The newest message to `to` sent at or after `sentAfter` (ms), which must carry `field`. */
    async latest(to, sentAfter, field) {
      const { statusCode, body } = await pool.request({
        path: `/emulator/outbox?to=${encodeURIComponent(to)}`,
        method: 'GET',
      });
      const messages = await body.json();
      const message = messages.at(-1);
      if (statusCode !== 200 || !message || Date.parse(message.sentAt) < sentAfter) {
        throw new Error(`the emulator sent nothing to ${to} (refused the send?)`);
      }
      if (typeof message[field] !== 'string') {
        throw new Error(`the email to ${to} carries no ${field} (kind ${message.kind})`);
      }
      return message;
    },
    close: () => pool.close(),
  };
}

/**
 * `connections` clients signing in back to back for `durationMs`, each sign-in
 * with fresh sessions and a recipient (phone or email) from `recipients`, with
 * `signInOnce(dispatcher, recipient)` (the SMS sign-in by default). Resolves to
 * sign-ins per second. A failed sign-in fails the run: a benchmark that counts
 * errors measures nothing.
 */
export async function signInLoad(
  url,
  recipients,
  { connections, durationMs, signIn: signInOnce = signIn },
) {
  const pool = new Pool(url, { connections, pipelining: 1 });
  let completed = 0;
  let firstError;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && !firstError) {
      const recipient = await recipients.take();
      try {
        await signInOnce(pool, recipient);
        completed += 1;
      } catch (error) {
        firstError ??= error;
      } finally {
        recipients.release(recipient);
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
  return { rate: completed / seconds, completed, seconds };
}

/** `name=value` of the first Set-Cookie, as a browser sends it back. */
export function cookieOf(header) {
  const first = Array.isArray(header) ? header[0] : header;
  return first ? first.split(';', 1)[0] : undefined;
}
