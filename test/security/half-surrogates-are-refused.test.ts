/**
 * Item 7 for text no UTF-8 can carry: a JSON body can hold half a surrogate pair
 * ("\ud800"). It passed the body checks and the email pattern, and the client's
 * encodeURIComponent then threw a URIError: a 500 with a stack trace outside
 * production, the limits refunded (so free to repeat), and, as the breaker's
 * half-open probe, a probe slot never given back (every LoginRadius call refused
 * from then on). Now every such field is a 400 before any call.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

test.each([
  ['an email', '/auth/link', '{"email":"\\ud800ada@example.com"}'],
  ['a username', '/auth/link', '{"username":"ada\\udfff"}'],
  [
    'a captcha answer',
    '/auth/link',
    '{"email":"ada@example.com","g-recaptcha-response":"x\\udfff"}',
  ],
  ['a returnTo', '/auth/link', '{"email":"ada@example.com","returnTo":"/a\\ud800"}'],
  ['a phone', '/auth/otp', '{"phone":"+1415555\\ud8000101"}'],
])('%s holding half a surrogate pair gets 400, no call', async (_name, path, body) => {
  const answer = await request(t.app)
    .post(path)
    .set('Content-Type', 'application/json')
    .set('Accept', 'application/json')
    .send(body);
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('INVALID_INPUT');
  expect(answer.text).not.toMatch(/URIError|\.ts:\d+/);
  expect(t.emulator.calls.sendEmailLink + t.emulator.calls.sendPhoneOtp).toBe(0);
});

test('a query string holding half a surrogate pair gets 400 too', async () => {
  const answer = await request(t.app)
    .get('/auth/callback?vtoken=abcdefgh%ED%A0%80')
    .set('Accept', 'application/json');
  expect(answer.status).toBeLessThan(500);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
});
