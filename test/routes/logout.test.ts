/**
 * A person signs out (security.md item 18): logout is a POST; it invalidates
 * the LoginRadius access token, calls req.logout, destroys the session and
 * clears the cookie; replaying the old cookie is signed out; and when
 * LoginRadius cannot be reached the user is still signed out locally.
 */
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function signIn(email: string): Promise<{ agent: request.Agent; cookie: string }> {
  const agent = request.agent(t.app);
  await agent.post('/auth/link').send({ email }).expect(200);
  const res = await agent
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, email) })
    .expect(200);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  return { agent, cookie };
}

test('logout invalidates the token, destroys the session and the old cookie is dead', async () => {
  const { agent, cookie } = await signIn('ada@example.com');
  const out = await agent.post('/auth/logout').type('form').send({});
  expect(out.status).toBe(303);
  expect(out.headers.location).toBe('/');
  expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(
    /connect\.sid=;.*Expires=Thu, 01 Jan 1970/,
  );
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  await request(t.app)
    .get('/me')
    .set('Cookie', cookie)
    .set('Accept', 'application/json')
    .expect(401);
  expect(t.events.some((e) => e.type === 'logout' && e.uid === t.emulator.accounts[0]!.uid)).toBe(
    true,
  );
});

test('logout is POST only', async () => {
  const { agent } = await signIn('grace@example.com');
  await agent.get('/auth/logout').expect(404);
  await agent.get('/me').set('Accept', 'application/json').expect(200);
});

test('with LoginRadius down, logout still signs out locally', async () => {
  t.emulator.addAccount({ email: 'down@example.com' });
  const { agent, cookie } = await signIn('down@example.com');
  t.emulator.inject({ endpoint: 'invalidateAccessToken', type: 'status', status: 503, times: 1 });
  await agent
    .post('/auth/logout')
    .set('Accept', 'application/json')
    .expect(200, { signedOut: true });
  await request(t.app)
    .get('/me')
    .set('Cookie', cookie)
    .set('Accept', 'application/json')
    .expect(401);
  expect(t.events.some((e) => e.reason === 'logout_invalidate_failed')).toBe(true);
});

test('logout without a session answers the same', async () => {
  await request(t.app)
    .post('/auth/logout')
    .set('Accept', 'application/json')
    .expect(200, { signedOut: true });
});
