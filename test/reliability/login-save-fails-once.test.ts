/**
 * The session store fails once (a Redis timeout) on passport's save at login:
 * docs/failure-behaviour.md promises "503 UNAVAILABLE, not signed in". passport
 * has already put the user in the regenerated session when its save fails, and
 * express-session used to save that session again at the end of the 503 and set
 * its cookie: the browser told "unavailable" was signed in, with no `login` event.
 */
import session from 'express-session';
import request from 'supertest';
import { guardSessionStore } from '../../src/index';
import { latestOtp, latestToken, startTestApp, type TestApp } from '../support/test-app';

class FlakyStore extends session.MemoryStore {
  failNextSets = 0;
  override set(sid: string, data: session.SessionData, cb?: (err?: unknown) => void) {
    if (this.failNextSets > 0 && !sid.startsWith('passwordless-')) {
      this.failNextSets -= 1;
      setImmediate(() => cb?.(new Error('redis timeout')));
      return;
    }
    super.set(sid, data, cb);
  }
}

let t: TestApp;
let store: FlakyStore;
beforeEach(async () => {
  store = new FlakyStore();
  t = await startTestApp({
    sessionStore: guardSessionStore(store),
  });
});
afterEach(async () => t.close());

test('a link login whose save fails once answers 503 and leaves the browser signed out', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  store.failNextSets = 1;
  const answer = await browser
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, 'ada@example.com') });
  expect(answer.status).toBe(503);
  // Told "unavailable, not signed in" ...
  const me = await browser.get('/me').set('Accept', 'application/json');
  expect(me.status).toBe(401);
  expect(t.events.filter((e) => e.type === 'login')).toHaveLength(0);
});

test('an SMS login whose save fails once answers 503 and leaves the browser signed out', async () => {
  const browser = request.agent(t.app);
  const phone = t.emulator.accounts.find((a) => a.phone)!.phone!;
  await browser.post('/auth/otp').send({ phone }).expect(200);
  store.failNextSets = 1;
  const answer = await browser.post('/auth/otp/verify').send({ otp: latestOtp(t.emulator, phone) });
  expect(answer.status).toBe(503);
  const me = await browser.get('/me').set('Accept', 'application/json');
  expect(me.status).toBe(401);
});
