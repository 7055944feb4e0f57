/**
 * Item 43, one store round trip wide: B's verify came back from LoginRadius and
 * re-read the record ("pending"); A signs out (the abandon claims, reads
 * "pending", writes "ended"); then B writes "signed_in" with the user over the
 * ended record. B used to be told "signed in on your other device" while a live
 * LoginRadius access token sat in the store for a flow A gave up, never ended.
 * B now asks after its write whether the flow was abandoned, and drops the login.
 */
import session from 'express-session';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'ada@example.com';
let t: TestApp;
let records: session.MemoryStore;
let holdRead: { n: number; entered: () => void; released: Promise<void> } | undefined;
let reads = 0;

beforeEach(async () => {
  records = new session.MemoryStore();
  reads = 0;
  const crossDeviceStore = {
    get: (id: string, cb: (error: unknown, value?: session.SessionData | null) => void) => {
      reads += 1;
      const hold = holdRead && holdRead.n === reads ? holdRead : undefined;
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
afterEach(async () => t.close());

function usersInRecords(): number {
  const { sessions } = records as unknown as { sessions: Record<string, string> };
  return Object.values(sessions).filter((json) => JSON.parse(json).user !== undefined).length;
}

test('a B whose finish straddles A signing out leaves no parked login behind', async () => {
  const a = request.agent(t.app);
  const sent = await a.post('/auth/link').set('Accept', 'application/json').send({ email: EMAIL });
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  // B's second read (the re-read after LoginRadius answered) is held.
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  holdRead = {
    n: reads + 2,
    entered,
    released: new Promise<void>((resolve) => (release = resolve)),
  };
  const finishing = request(t.app)
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({
      vtoken: link.searchParams.get('vtoken'),
      flow: link.searchParams.get('flow'),
      match: sent.body.match,
    })
    .then((answer) => answer);
  await inside;
  await a.post('/auth/logout').set('Accept', 'application/json').expect(200);
  release();
  const b = await finishing;

  const parked = usersInRecords();
  const ended = t.emulator.calls.invalidateAccessToken;
  expect({ b: b.status === 200 ? 'told signed in elsewhere' : 'refused', parked, ended }).toEqual({
    b: 'refused',
    parked: 0,
    ended: 1,
  });
});
