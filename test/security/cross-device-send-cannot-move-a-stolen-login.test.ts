/**
 * Item 47's renewal must not become a way to move a stolen login: renewing a
 * signed-in session's id at a cross-device send (its user carried along) let
 * anyone holding a stolen cookie move the login to an id only they knew, which
 * the victim's logout (of the old id) could not end, and brought a send in flight
 * at logout back with a new, signed-in session (item 45). Only sessions that are
 * not signed in are renewed.
 */
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const VICTIM = 'ada@example.com';
let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    requestRouter: { crossDevice: true, limits: { perIp: 1000 } },
    verifyRouter: { crossDevice: true },
  });
});
afterEach(async () => t.close());

function sid(res: request.Response): string | undefined {
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('connect.sid='));
  return cookie?.split(';')[0];
}

async function victimSignedIn(): Promise<{ victim: request.Agent; cookie: string }> {
  const victim = request.agent(t.app);
  await victim.post('/auth/link').send({ email: VICTIM }).expect(200);
  const signedIn = await victim
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, VICTIM) })
    .expect(200);
  return { victim, cookie: sid(signedIn)! };
}

const meWith = (cookie: string) =>
  request(t.app).get('/me').set('Accept', 'application/json').set('Cookie', cookie);

test('a cross-device send in flight with a stolen cookie does not come back signed in after logout', async () => {
  const { victim, cookie } = await victimSignedIn();
  await meWith(cookie).expect(200);

  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'latency', ms: 300, times: 1 });
  const before = t.emulator.calls.sendEmailLink;
  const sending = request(t.app)
    .post('/auth/link')
    .set('Cookie', cookie)
    .set('Accept', 'application/json')
    .send({ email: 'mallory@example.com' })
    .then((res) => res);
  await until(() => t.emulator.calls.sendEmailLink === before + 1, 'the send to reach LoginRadius');
  await victim.post('/auth/logout').set('Accept', 'application/json').expect(200);
  await meWith(cookie).expect(401);

  const sent = await sending;
  expect(sent.status).toBe(200);
  const laundered = sid(sent);
  // A signed-in session keeps its id at a cross-device send: nothing new to sign in with.
  expect(laundered).toBeUndefined();
});

test("the victim's logout ends a session an attacker with the stolen cookie moved to a new id", async () => {
  const { victim, cookie } = await victimSignedIn();

  // Any time before the logout: one cross-device send with the stolen cookie.
  const sent = await request(t.app)
    .post('/auth/link')
    .set('Cookie', cookie)
    .set('Accept', 'application/json')
    .send({ email: 'mallory@example.com' })
    .expect(200);
  // The cookie the attacker holds after the send (a new one, if the send renewed the id).
  const laundered = sid(sent) ?? cookie;
  await meWith(laundered).expect(200);

  // The victim signs out (from the browser holding the cookie that was stolen).
  await victim.post('/auth/logout').set('Accept', 'application/json').expect(200);

  const me = await meWith(laundered);
  expect({ status: me.status, email: me.body.email }).toEqual({ status: 401, email: undefined });
});
