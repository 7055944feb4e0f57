/**
 * An attacker plants a session id before the victim signs in (security.md
 * item 15): login issues a new session id, the old id is dead afterwards, and
 * nothing from the pre-login session survives except a validated returnTo.
 */
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

const store = new session.MemoryStore();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    sessionStore: store,
  });
  // A route that writes something into the pre-login session.
  const marker = express.Router();
  marker.post('/mark', (req, res) => {
    (req.session as unknown as Record<string, unknown>).cart = 'pre-login data';
    res.sendStatus(204);
  });
  t.app.use(marker);
});
afterAll(async () => t.close());

function sessionId(res: request.Response): string | undefined {
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('connect.sid='));
  return cookie?.split(';')[0]?.slice('connect.sid='.length);
}

function storedIds(): Promise<string[]> {
  return new Promise((resolve, reject) =>
    store.all((error, sessions) => (error ? reject(error) : resolve(Object.keys(sessions ?? {})))),
  );
}

test('the session id changes at login, the old one is dead, only returnTo survives', async () => {
  const agent = request.agent(t.app);
  const phone = t.emulator.accounts[0]!.phone!;
  const sent = await agent.post('/auth/otp').send({ phone, returnTo: '/orders/42' });
  const before = sessionId(sent);
  expect(before).toBeDefined();
  await agent.post('/mark').expect(204);
  const beforeIds = await storedIds();
  expect(beforeIds).toHaveLength(1);

  const signedIn = await agent.post('/auth/otp/verify').send({ otp: latestOtp(t.emulator, phone) });
  expect(signedIn.body.returnTo).toBe('/orders/42');
  const after = sessionId(signedIn);
  expect(after).toBeDefined();
  expect(after).not.toBe(before);

  const ids = await storedIds();
  expect(ids).toHaveLength(1);
  expect(ids).not.toContain(beforeIds[0]);
  const stored = await new Promise<Record<string, unknown>>((resolve) =>
    store.get(ids[0]!, (_e, s) => resolve(s as unknown as Record<string, unknown>)),
  );
  expect(Object.keys(stored).sort()).toEqual(['cookie', 'loginradiusAuth', 'passport']);

  // Replaying the pre-login cookie is not signed in.
  const replay = await request(t.app)
    .get('/me')
    .set('Accept', 'application/json')
    .set('Cookie', `connect.sid=${before}`);
  expect(replay.status).toBe(401);
});
