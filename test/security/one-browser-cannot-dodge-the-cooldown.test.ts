/**
 * Attack: dodge the resend cooldown by spelling the account another way
 * (security.md item 38). The cooldown is kept per email, username and phone,
 * and an account has more than one of them; so it is also kept per session
 * and channel. One browser that asked for a link by email and at once asks by
 * username (or by the address in capitals, or for a code to the same phone
 * written differently, or to another phone) gets 429 with `Retry-After`, and
 * LoginRadius sees one send.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ requestRouter: { limits: { perIp: 1000 } } });
});
afterEach(async () => t.close());

function expectCooldown(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

test('a link asked for by email, then at once by username, is refused with one send', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  expectCooldown(await browser.post('/auth/link').send({ username: 'ada' }));
  expect(t.emulator.calls.sendEmailLink).toBe(1);
});

test('a link asked for by username, then by the address in capitals, is refused with one send', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ username: 'ada' }).expect(200);
  expectCooldown(await browser.post('/auth/link').send({ email: ' ADA@Example.COM ' }));
  expectCooldown(await browser.post('/auth/link').send({ email: 'grace@example.com' }));
  expect(t.emulator.calls.sendEmailLink).toBe(1);
});

test('other spellings fired in parallel from the same browser are all refused', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const answers = await Promise.all([
    browser.post('/auth/link').send({ username: 'ada' }),
    browser.post('/auth/link').send({ username: 'ADA' }),
    browser
      .post('/auth/link')
      .type('form')
      .set('Accept', 'application/json')
      .send({ email: 'Ada@example.com' }),
  ]);
  for (const res of answers) expectCooldown(res);
  expect(t.emulator.calls.sendEmailLink).toBe(1);
});

test('a code asked for by one spelling of a phone, then another, or another phone, is refused', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/otp').send({ phone: '+14155550101' }).expect(200);
  expectCooldown(await browser.post('/auth/otp').send({ phone: '+1 (415) 555-0101' }));
  expectCooldown(await browser.post('/auth/otp').send({ phone: '+442079460958' }));
  expectCooldown(await browser.post('/auth/otp').send({ phone: '+14155550101', voice: '1' }));
  expect(t.emulator.calls.sendPhoneOtp).toBe(1);
});

test('the session cooldown is per channel: a link does not hold back a code', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  await browser.post('/auth/otp').send({ phone: '+14155550101' }).expect(200);
  expect(t.emulator.calls.sendEmailLink + t.emulator.calls.sendPhoneOtp).toBe(2);
});
