/**
 * Attack: keep a stolen session cookie alive through the victim's logout
 * (security.md items 18 and 45). express-session writes back, at the end of a
 * request that changed the session, the copy it loaded when the request began.
 * An attacker holding the cookie starts such a request (a send, waiting on
 * LoginRadius; or any route of the app that writes to the session) just before
 * the victim signs out; when it ends, it used to write the destroyed session
 * back, signed in, and the stolen cookie worked again. Logout now leaves a
 * marker in the session store, and a signed-in request's save writes nothing
 * once the session was signed out.
 */
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ requestRouter: { limits: { perIp: 1000 } } });
});
afterEach(async () => t.close());

/** Signs the victim in; resolves to their browser and the session cookie the attacker stole. */
async function victimSignedIn(): Promise<{ victim: request.Agent; cookie: string }> {
  const victim = request.agent(t.app);
  await victim.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const signedIn = await victim
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, 'ada@example.com') })
    .expect(200);
  const cookie = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  return { victim, cookie };
}

const meWith = (cookie: string) =>
  request(t.app).get('/me').set('Accept', 'application/json').set('Cookie', cookie);

test('a send in flight with a stolen cookie does not bring the session back after logout', async () => {
  const { victim, cookie } = await victimSignedIn();
  await meWith(cookie).expect(200);

  // The attacker's send waits on LoginRadius while the victim signs out.
  t.emulator.inject({ endpoint: 'sendPhoneOtp', type: 'latency', ms: 300, times: 1 });
  const before = t.emulator.calls.sendPhoneOtp;
  const sending = request(t.app)
    .post('/auth/otp')
    .set('Cookie', cookie)
    .send({ phone: '+14155550103' })
    .then((res) => res);
  await until(() => t.emulator.calls.sendPhoneOtp === before + 1, 'the send to reach LoginRadius');
  await victim.post('/auth/logout').set('Accept', 'application/json').expect(200);
  await meWith(cookie).expect(401);

  expect((await sending).status).toBe(200);
  await meWith(cookie).expect(401);
});

test('an app route that writes to the session, in flight at logout, does not sign it back in', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  t.app.post('/cart', async (req, res) => {
    entered();
    await held;
    (req.session as unknown as { cart: number }).cart = 1;
    res.json({ ok: true });
  });
  const { victim, cookie } = await victimSignedIn();

  const writing = request(t.app)
    .post('/cart')
    .set('Cookie', cookie)
    .then((res) => res);
  await inside;
  await victim.post('/auth/logout').set('Accept', 'application/json').expect(200);
  release();
  expect((await writing).status).toBe(200);

  await meWith(cookie).expect(401);
});

test('a signed-in request that saves before any logout still saves', async () => {
  t.app.post('/cart', (req, res) => {
    (req.session as unknown as { cart: number }).cart = 7;
    res.json({ ok: true });
  });
  t.app.get('/cart', (req, res) => {
    res.json({ cart: (req.session as unknown as { cart?: number }).cart ?? null });
  });
  const { victim } = await victimSignedIn();
  await victim.post('/cart').expect(200);
  await victim.get('/cart').expect(200, { cart: 7 });
  await victim.get('/me').set('Accept', 'application/json').expect(200);
});
