/**
 * An attacker's page POSTs to the routers (security.md items 1 and 14): sends
 * are POST-only, and every POST of both routers (send, confirm, code verify,
 * logout) refuses a cross-site request with 403 before any upstream call.
 */
import request from 'supertest';
import { latestOtp, latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ requestRouter: { trustedOrigins: ['https://www.app.example'] } });
});
afterAll(async () => t.close());
beforeEach(() => t.emulator.resetCalls());

const ada = () => t.emulator.accounts[0]!;

test('sends are POST only', async () => {
  await request(t.app).get(`/auth/link?email=${ada().email}`).expect(404);
  await request(t.app)
    .get(`/auth/otp?phone=${encodeURIComponent(ada().phone!)}`)
    .expect(404);
  await request(t.app).put('/auth/link').send({ email: ada().email }).expect(404);
  expect(t.emulator.calls.total).toBe(0);
});

test.each([
  ['an Origin of another site', { Origin: 'https://evil.example' }],
  ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site' }],
  ['Origin: null (sandboxed frame)', { Origin: 'null' }],
])('a send with %s gets 403 and no upstream call', async (_name, headers) => {
  for (const [path, body] of [
    ['/auth/link', { email: ada().email }],
    ['/auth/otp', { phone: ada().phone }],
  ] as const) {
    const res = await request(t.app).post(path).set(headers).send(body);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'CROSS_SITE_REQUEST', message: expect.any(String) },
    });
  }
  expect(t.emulator.calls.total).toBe(0);
});

test('same-origin browsers, trusted origins and non-browser clients may send', async () => {
  await request(t.app)
    .post('/auth/link')
    .set('Sec-Fetch-Site', 'same-origin')
    .send({ email: 'a1@example.com' })
    .expect(200);
  await request(t.app)
    .post('/auth/link')
    .set('Origin', 'https://app.example')
    .send({ email: 'a2@example.com' })
    .expect(200);
  await request(t.app)
    .post('/auth/link')
    .set('Origin', 'https://www.app.example')
    .send({ email: 'a3@example.com' })
    .expect(200);
  await request(t.app).post('/auth/link').send({ email: 'a4@example.com' }).expect(200);
  expect(t.emulator.calls.sendEmailLink).toBe(4);
});

test('login CSRF: a cross-site confirm POST with a valid token is refused and spends nothing', async () => {
  await request(t.app).post('/auth/link').send({ email: ada().email }).expect(200);
  const vtoken = latestToken(t.emulator, ada().email);
  const res = await request(t.app)
    .post('/auth/callback')
    .set('Origin', 'https://evil.example')
    .send({ vtoken });
  expect(res.status).toBe(403);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
  // The token still works for its owner.
  await request(t.app)
    .post('/auth/callback')
    .set('Sec-Fetch-Site', 'same-origin')
    .send({ vtoken })
    .expect(200);
});

test('login CSRF: a cross-site code verify with a valid code is refused', async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/otp').send({ phone: ada().phone }).expect(200);
  const otp = latestOtp(t.emulator, ada().phone!);
  const res = await agent
    .post('/auth/otp/verify')
    .set('Sec-Fetch-Site', 'cross-site')
    .send({ otp });
  expect(res.status).toBe(403);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(0);
});

test('a cross-site logout is refused and the user stays signed in', async () => {
  const agent = request.agent(t.app);
  const grace = t.emulator.accounts[1]!;
  await agent.post('/auth/link').send({ email: grace.email }).expect(200);
  await agent
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, grace.email) })
    .expect(200);
  await agent.post('/auth/logout').set('Origin', 'https://evil.example').expect(403);
  expect(t.emulator.calls.invalidateAccessToken).toBe(0);
  await agent.get('/me').set('Accept', 'application/json').expect(200);
});
