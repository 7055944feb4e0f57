/**
 * Attack: read who signs in, and their secrets, out of the logs (security.md
 * items 37 and 20). Apps log every upstream call through the client's
 * `onCall` hook; whoever reads those logs must not learn an email address,
 * username or phone number in full (they are masked as events mask them:
 * `a***@example.com`, `a***`, `+1415*****01`), nor any secret (the API key,
 * a link token, a code, an access token, a captcha answer: `[redacted]`),
 * whether the call succeeded or LoginRadius refused it.
 */
import request from 'supertest';
import type { UpstreamCallInfo } from '../../src/index';
import { latestOtp, latestToken, startTestApp, type TestApp } from '../support/test-app';

const CAPTCHA = 'captcha-answer-0123456789';

let t: TestApp;
const calls: UpstreamCallInfo[] = [];
/** Everything a log line could hold. */
const logged = (): string => JSON.stringify(calls);

beforeAll(async () => {
  t = await startTestApp({
    client: { onCall: (info) => calls.push(info) },
    requestRouter: { emailCode: true, limits: { perIp: 1000 } },
    emulator: { emailToken: 'both' },
  });
});
afterAll(async () => t.close());
beforeEach(() => (calls.length = 0));

const ada = () => t.emulator.accounts[0]!;

/** The query of each logged URL, by parameter. */
const queries = (): Record<string, string>[] =>
  calls.map((call) => Object.fromEntries(new URL(call.url).searchParams));

test('a send by email logs the address masked, and the API key and captcha answer redacted', async () => {
  await request(t.app)
    .post('/auth/link')
    .send({ email: ada().email, 'g-recaptcha-response': CAPTCHA })
    .expect(200);
  expect(queries()).toEqual([
    expect.objectContaining({
      apikey: '[redacted]',
      email: 'a***@example.com',
      'g-recaptcha-response': '[redacted]',
    }),
  ]);
  expect(logged()).not.toContain(t.emulator.apiKey);
  expect(logged()).not.toContain(CAPTCHA);
  expect(logged()).not.toMatch(/ada(%40|@)example\.com/i);
});

test('a link send logs its verification URL without the flow reference', async () => {
  // The reference alone lets a reader of the logs spend a cross-device sign-in's
  // one try (or finish it, with the link): only the email may hold it.
  const email = 'flow-ref@example.com';
  t.emulator.addAccount({ email });
  await request(t.app).post('/auth/link').send({ email }).expect(200);
  const ref = new URL(t.emulator.outbox.latest(email)!.link!).searchParams.get('flow')!;
  expect(ref).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  const [sent] = queries();
  expect(new URL(sent!.verificationurl!).searchParams.get('flow')).toBe('[redacted]');
  expect(logged()).not.toContain(ref);
});

test('a send by username logs the username masked', async () => {
  await request(t.app).post('/auth/link').send({ username: 'grace' }).expect(200);
  expect(queries()).toEqual([expect.objectContaining({ username: 'g***' })]);
  expect(logged()).not.toMatch(/grace/i);
});

test('an SMS send logs the phone masked', async () => {
  await request(t.app).post('/auth/otp').send({ phone: ada().phone }).expect(200);
  expect(queries()).toEqual([expect.objectContaining({ phone: '+1415*****01' })]);
  expect(logged()).not.toContain('14155550101');
});

test('sends LoginRadius refuses (unknown people) are logged masked too', async () => {
  await request(t.app).post('/auth/link').send({ email: 'nobody.home@example.org' }).expect(200);
  await request(t.app).post('/auth/link').send({ username: 'nobodyhome' }).expect(200);
  await request(t.app).post('/auth/otp').send({ phone: '+14155550177' }).expect(200);
  expect(calls.map((call) => call.loginRadiusErrorCode)).toEqual([
    expect.any(Number),
    expect.any(Number),
    expect.any(Number),
  ]);
  expect(queries()).toEqual([
    expect.objectContaining({ email: 'n***@example.org' }),
    expect.objectContaining({ username: 'n***' }),
    expect.objectContaining({ phone: '+1415*****77' }),
  ]);
  expect(logged()).not.toMatch(/nobody\.home|nobodyhome|14155550177/);
});

test('verifies and logout log no token, code or access token', async () => {
  // A link, an emailed code and an SMS code, each spent; then logout.
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'linus@example.com' }).expect(200);
  const vtoken = latestToken(t.emulator, 'linus@example.com');
  await browser.post('/auth/callback').send({ vtoken }).expect(200);
  const emailed = request.agent(t.app);
  await emailed.post('/auth/link').send({ email: 'grace@example.com' }).expect(200);
  const emailOtp = t.emulator.outbox.latest('grace@example.com')!.otp!;
  await emailed.post('/auth/link/verify').send({ otp: emailOtp }).expect(200);
  const phone = request.agent(t.app);
  await phone.post('/auth/otp').send({ phone: '+442079460958' }).expect(200);
  const smsOtp = latestOtp(t.emulator, '+442079460958');
  await phone.post('/auth/otp/verify').send({ otp: smsOtp }).expect(200);
  await phone.post('/auth/logout').set('Accept', 'application/json').expect(200);

  const operations = calls.map((call) => call.operation);
  expect(operations).toEqual(
    expect.arrayContaining([
      'verifyEmailToken',
      'verifyEmailOtp',
      'verifyPhoneOtp',
      'invalidateAccessToken',
    ]),
  );
  const verify = queries()[operations.indexOf('verifyEmailToken')]!;
  expect(verify.verificationtoken).toBe('[redacted]');
  for (const query of queries()) expect(query.apikey).toBe('[redacted]');
  expect(logged()).not.toContain(vtoken);
  // The access token travels in a header, never in a logged URL.
  expect(logged()).not.toMatch(/access_?token=|Bearer/i);
  expect(logged()).not.toContain(t.emulator.apiKey);
  for (const otp of [emailOtp, smsOtp])
    expect(calls.every((call) => !new URL(call.url).search.includes(otp))).toBe(true);
  for (const account of t.emulator.accounts) expect(logged()).not.toContain(account.email);
});
