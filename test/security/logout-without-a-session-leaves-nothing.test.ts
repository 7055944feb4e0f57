/**
 * Item 34 for logout: POST /auth/logout with no session cookie (curl sends no
 * Origin, so the cross-site check lets it through), or with a forged or unknown
 * one, has nothing to sign out and must write nothing. It used to leave a
 * signed-out marker (an hour's lifetime) under the fresh session id each time:
 * one client could grow Redis by an entry per request.
 */
import session from 'express-session';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let store: session.MemoryStore & { sessions: Record<string, string> };
beforeEach(async () => {
  store = new session.MemoryStore() as typeof store;
  t = await startTestApp({
    sessionStore: store,
  });
});
afterEach(async () => t.close());

test('200 logouts without a session cookie leave nothing in the session store', async () => {
  for (let i = 0; i < 200; i += 1) {
    const res = await request(t.app).post('/auth/logout').set('Accept', 'application/json');
    expect(res.status).toBe(200);
  }
  expect(Object.keys(store.sessions)).toHaveLength(0);
});

test('logouts with a forged (unsigned) or unknown cookie leave nothing either', async () => {
  for (let i = 0; i < 50; i += 1) {
    await request(t.app)
      .post('/auth/logout')
      .set('Accept', 'application/json')
      .set('Cookie', `connect.sid=s%3Aunknown${i}.bogus`)
      .expect(200);
  }
  expect(Object.keys(store.sessions)).toHaveLength(0);
});
