/**
 * Item 45 under a store hiccup: a request with a stolen cookie is in flight when
 * the victim signs out. Its save first reads the signed-out marker; when that one
 * read fails (a Redis timeout, a replica answering an error), the save must fail
 * closed. It used to take "could not read the marker" for "no marker" and write
 * the session back signed in: the stolen cookie worked again after the logout.
 */
import session from 'express-session';
import request from 'supertest';
import { guardSessionStore } from '../../src/index';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

class MarkerHiccupStore extends session.MemoryStore {
  failMarkerReads = 0;
  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void) {
    if (this.failMarkerReads > 0 && sid.startsWith('passwordless-signed-out:')) {
      this.failMarkerReads -= 1;
      setImmediate(() => cb(new Error('redis timeout')));
      return;
    }
    super.get(sid, cb);
  }
}

let t: TestApp;
let store: MarkerHiccupStore;
beforeEach(async () => {
  store = new MarkerHiccupStore();
  t = await startTestApp({
    requestRouter: { limits: { perIp: 1000 } },
    sessionStore: guardSessionStore(store),
  });
});
afterEach(async () => t.close());

test('a send in flight at logout does not bring the session back when the marker read fails', async () => {
  const victim = request.agent(t.app);
  await victim.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const signedIn = await victim
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, 'ada@example.com') })
    .expect(200);
  const cookie = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  const me = () =>
    request(t.app).get('/me').set('Accept', 'application/json').set('Cookie', cookie);
  await me().expect(200);

  t.emulator.inject({ endpoint: 'sendPhoneOtp', type: 'latency', ms: 300, times: 1 });
  const before = t.emulator.calls.sendPhoneOtp;
  const sending = request(t.app)
    .post('/auth/otp')
    .set('Cookie', cookie)
    .send({ phone: '+14155550103' })
    .then((res) => res);
  await until(() => t.emulator.calls.sendPhoneOtp === before + 1, 'the send to reach LoginRadius');
  await victim.post('/auth/logout').set('Accept', 'application/json').expect(200);
  await me().expect(401);

  store.failMarkerReads = 1; // one read of the marker fails: the in-flight send's
  await sending;
  await me().expect(401);
});
