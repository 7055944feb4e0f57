/**
 * Attack: tell known accounts from unknown ones by LoginRadius's throttling
 * (security.md items 40 and 5). Where LoginRadius answers HTTP 429 only to
 * sends it would make (known accounts), a router that passed that 429 on would
 * let an attacker enumerate accounts while LoginRadius is busy. The send is
 * answered exactly like a send to an unknown account (`{ sent: true }`, same
 * status, body and headers); the app hears `upstream_error` with reason
 * `lr_rate_limited`; and the client's circuit breaker still counts the 429s.
 */
import request from 'supertest';
import { answerShape as shape } from '../support/answer-shape';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    client: { breaker: { threshold: 2 } },
    requestRouter: { limits: { perIp: 1000 } },
  });
});
afterEach(async () => t.close());

const ada = () => t.emulator.accounts[0]!;
const grace = () => t.emulator.accounts[1]!;

test('a link send to a known account that LoginRadius throttles answers like an unknown account', async () => {
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'rate_limit', retryAfter: 30, times: 1 });
  const throttled = await request(t.app).post('/auth/link').send({ email: ada().email });
  const unknown = await request(t.app).post('/auth/link').send({ email: 'nobody@example.com' });
  expect(shape(throttled)).toEqual(shape(unknown));
  expect(throttled.status).toBe(200);
  expect(throttled.body).toEqual({ sent: true });
  expect(throttled.headers['retry-after']).toBeUndefined();
  expect(t.emulator.calls.sendEmailLink).toBe(2);
  expect(t.events.find((e) => e.type === 'upstream_error')).toMatchObject({
    reason: 'lr_rate_limited',
    channel: 'email',
    recipient: 'a***@example.com',
  });
});

test('an SMS send to a known phone that LoginRadius throttles answers like an unknown number', async () => {
  t.emulator.inject({ endpoint: 'sendPhoneOtp', type: 'rate_limit', retryAfter: 30, times: 1 });
  const throttled = await request(t.app).post('/auth/otp').send({ phone: ada().phone });
  const unknown = await request(t.app).post('/auth/otp').send({ phone: '+14155550177' });
  expect(shape(throttled)).toEqual(shape(unknown));
  expect(throttled.body).toEqual({ sent: true });
  expect(t.events.find((e) => e.type === 'upstream_error')).toMatchObject({
    reason: 'lr_rate_limited',
    channel: 'sms',
  });
});

test("a browser's form post gets the same redirect either way", async () => {
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'rate_limit', times: 1 });
  const throttled = await request(t.app)
    .post('/auth/link')
    .type('form')
    .send({ email: ada().email });
  const unknown = await request(t.app)
    .post('/auth/link')
    .type('form')
    .send({ email: 'nobody@example.com' });
  expect(throttled.status).toBe(303);
  expect(shape(throttled)).toEqual(shape(unknown));
});

test("two 429s in a row open the client's circuit breaker", async () => {
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'rate_limit', times: 2 });
  await request(t.app).post('/auth/link').send({ email: ada().email }).expect(200, { sent: true });
  expect(t.client.breakerState).toBe('closed');
  await request(t.app)
    .post('/auth/link')
    .send({ email: grace().email })
    .expect(200, { sent: true });
  expect(t.client.breakerState).toBe('open');
  expect(t.events.filter((e) => e.reason === 'lr_rate_limited')).toHaveLength(2);

  // Open, it answers 503 for known and unknown alike, without calling LoginRadius.
  const calls = t.emulator.calls.total;
  const known = await request(t.app).post('/auth/link').send({ email: 'linus@example.com' });
  const unknown = await request(t.app).post('/auth/link').send({ email: 'nobody@example.com' });
  expect(known.status).toBe(503);
  expect(Number(known.headers['retry-after'])).toBeGreaterThan(0);
  expect(shape(known)).toEqual(shape(unknown));
  expect(t.emulator.calls.total).toBe(calls);
});
