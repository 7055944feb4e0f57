/**
 * Item 43 with the default stores: A's status poll has read the login B finished,
 * and A gives the flow up with a new send before the poll claims the pickup. The
 * send's abandon claims "pickup:<ref>" so that the poll cannot pick the login up,
 * and ends the dropped login's access token. With the default MemoryStores each
 * router used to keep its claims in a store of its own, so the poll never saw the
 * send's claim and signed A in with an access token just ended at LoginRadius.
 */
import session from 'express-session';
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'ada@example.com';
const JSON_TYPE = 'application/json';

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
let records: session.MemoryStore;
let holdNextRead: { entered: () => void; released: Promise<void> } | undefined;

beforeEach(async () => {
  clock = fakeDateOnly();
  records = new session.MemoryStore();
  const crossDeviceStore = {
    get: (id: string, cb: (error: unknown, value?: session.SessionData | null) => void) => {
      const hold = holdNextRead;
      holdNextRead = undefined;
      if (!hold) return records.get(id, cb);
      return records.get(id, (error, value) => {
        hold.entered();
        void hold.released.then(() => cb(error, value));
      });
    },
    set: (id: string, value: session.SessionData, cb?: (error?: unknown) => void) =>
      records.set(id, value, cb),
    destroy: (id: string, cb?: (error?: unknown) => void) => records.destroy(id, cb),
  };
  t = await startTestApp({
    requestRouter: { crossDevice: true, crossDeviceStore },
    verifyRouter: { crossDevice: true, crossDeviceStore },
  });
});
afterEach(async () => {
  clock.restore();
  await t.close();
});

test("A's poll that read a finished login just before A's new send does not sign A in", async () => {
  const a = request.agent(t.app);
  const sent = await a
    .post('/auth/link')
    .set('Accept', JSON_TYPE)
    .send({ email: EMAIL })
    .expect(200);
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  await request(t.app)
    .post('/auth/callback')
    .set('Accept', JSON_TYPE)
    .send({
      vtoken: link.searchParams.get('vtoken'),
      flow: link.searchParams.get('flow'),
      match: sent.body.match,
    })
    .expect(200);

  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  holdNextRead = { entered, released: new Promise<void>((resolve) => (release = resolve)) };
  const polling = a
    .get('/auth/link/status')
    .set('Accept', JSON_TYPE)
    .then((answer) => answer);
  await inside;

  // A gives the sign-in up: a new link (past the cooldown).
  clock.advance(61_000);
  await a.post('/auth/link').set('Accept', JSON_TYPE).send({ resend: '1' }).expect(200);
  // The dropped login's access token was ended at LoginRadius.
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  release();

  const poll = await polling;
  expect(poll.body.status).not.toBe('signed_in');
  expect(t.events.some((event) => event.type === 'login')).toBe(false);
});
