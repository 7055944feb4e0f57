/**
 * Attack: use an email sign-in long after its pending flow expired
 * (security.md item 31). Email links live 72 hours at LoginRadius, but the
 * pending flow in the session lives `pendingFlowTtlMs` (10 minutes by
 * default), like a phone flow: an expired flow is no flow. The link still
 * signs in (LoginRadius allows it), but nothing of the old flow is honoured:
 * its `returnTo` is dropped, a resend does not bring it back, and a code from
 * the email is refused before LoginRadius.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'ada@example.com';
const TTL_MS = 10 * 60_000;

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
beforeEach(async () => {
  t = await startTestApp();
  clock = fakeDateOnly();
});
afterEach(async () => {
  clock.restore();
  await t.close();
});

/** A browser that asked for a link that lands on `/somewhere`; resolves to it and the link's fields. */
async function askWithReturnTo(): Promise<{
  browser: request.Agent;
  fields: { vtoken: string; flow: string };
}> {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: EMAIL, returnTo: '/somewhere' }).expect(200);
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  return {
    browser,
    fields: { vtoken: latestToken(t.emulator, EMAIL), flow: link.searchParams.get('flow')! },
  };
}

test('a link confirmed within the flow lifetime lands on its returnTo', async () => {
  const { browser, fields } = await askWithReturnTo();
  clock.advance(TTL_MS - 1000);
  const res = await browser.post('/auth/callback').type('form').send(fields);
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/somewhere');
});

test('a link confirmed after the flow expired signs in but lands on the default page', async () => {
  const { browser, fields } = await askWithReturnTo();
  clock.advance(TTL_MS + 1000);
  const res = await browser.post('/auth/callback').type('form').send(fields);
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/');
  await browser.get('/me').set('Accept', 'application/json').expect(200);
});

test('a JSON client confirming after the flow expired is given no returnTo', async () => {
  const { browser, fields } = await askWithReturnTo();
  clock.advance(TTL_MS + 1000);
  const res = await browser.post('/auth/callback').set('Accept', 'application/json').send(fields);
  expect(res.status).toBe(200);
  expect(res.body.signedIn).toBe(true);
  expect(res.body).not.toHaveProperty('returnTo');
  expect(res.text).not.toContain('/somewhere');
});

test("a resend after the flow expired does not bring the old flow's returnTo back", async () => {
  const { browser } = await askWithReturnTo();
  clock.advance(TTL_MS + 1000);
  await browser.post('/auth/link').send({ resend: '1' }).expect(200);
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  const res = await browser
    .post('/auth/callback')
    .type('form')
    .send({ vtoken: latestToken(t.emulator, EMAIL), flow: link.searchParams.get('flow')! });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/');
});

test('a code from the email, typed after the flow expired, is refused before LoginRadius', async () => {
  const local = await startTestApp({
    requestRouter: { emailCode: true },
    // LoginRadius would still take the code: only the flow's expiry can refuse it.
    emulator: { emailToken: 'both', otpTtlSeconds: 3600 },
  });
  try {
    const browser = request.agent(local.app);
    await browser.post('/auth/link').send({ email: EMAIL }).expect(200);
    const otp = local.emulator.outbox.latest(EMAIL)!.otp!;
    clock.advance(TTL_MS + 1000);
    const res = await browser.post('/auth/link/verify').send({ otp });
    expect(res.status).toBe(401);
    expect(local.emulator.calls.verifyEmailOtp).toBe(0);
    expect(local.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'expired' });
  } finally {
    await local.close();
  }
});
