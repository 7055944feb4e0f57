/**
 * Someone presses "send" again and again (security.md item 2): inside the
 * cooldown (default 60 s) a second send for the same email, username or phone
 * answers 429 with Retry-After and LoginRadius sees one call, whatever cookies
 * the client brings. A send that failed upstream does not start a cooldown.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.emulator.resetCalls());

test('a second link for the same email within 60 s gets 429 and Retry-After', async () => {
  await request(t.app).post('/auth/link').send({ email: 'cool@example.com' }).expect(200);
  // A new client (no cookie) and a different letter case: still the same identifier.
  const again = await request(t.app).post('/auth/link').send({ email: 'COOL@example.com' });
  expect(again.status).toBe(429);
  const retryAfter = Number(again.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(50);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(again.body.error.code).toBe('RATE_LIMITED');
  expect(t.emulator.calls.sendEmailLink).toBe(1);
});

test('the cooldown applies per username and per phone, and each is separate', async () => {
  const ada = t.emulator.accounts[0]!;
  await request(t.app).post('/auth/link').send({ username: ada.username }).expect(200);
  await request(t.app).post('/auth/link').send({ username: ada.username }).expect(429);
  await request(t.app).post('/auth/otp').send({ phone: ada.phone }).expect(200);
  await request(t.app).post('/auth/otp').send({ phone: ada.phone }).expect(429);
  expect(t.emulator.calls.sendEmailLink).toBe(1);
  expect(t.emulator.calls.sendPhoneOtp).toBe(1);
});

test('the cooldown is the same for unknown identifiers (no enumeration through 429s)', async () => {
  await request(t.app).post('/auth/link').send({ email: 'ghost@example.com' }).expect(200);
  await request(t.app).post('/auth/link').send({ email: 'ghost@example.com' }).expect(429);
});

test('a send that failed upstream can be retried at once', async () => {
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'status', status: 503, times: 1 });
  await request(t.app).post('/auth/link').send({ email: 'retry@example.com' }).expect(503);
  await request(t.app).post('/auth/link').send({ email: 'retry@example.com' }).expect(200);
  expect(t.emulator.calls.sendEmailLink).toBe(2);
});

test('the cooldown length is an option', async () => {
  const local = await startTestApp({ requestRouter: { limits: { cooldownSeconds: 5 } } });
  try {
    await request(local.app).post('/auth/link').send({ email: 'x@example.com' }).expect(200);
    const again = await request(local.app).post('/auth/link').send({ email: 'x@example.com' });
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(5);
  } finally {
    await local.close();
  }
});
