/**
 * The cross-device record store fails (Redis flapping, a separate
 * `crossDeviceStore` down) as a login ends a cross-device sign-in's record.
 * docs/failure-behaviour.md: answered as usual, the failure reported as
 * `store_error`, the record left to die at the flow's expiry. The own-link login
 * and the pickup used to delete the record with a throwing call: the link was
 * spent at LoginRadius, then the person got 503, not signed in.
 */
import request from 'supertest';
import { testRecordStore, type TestRecordStore } from '../support/record-store';
import { startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'ada@example.com';
let t: TestApp;
let records: TestRecordStore;

beforeEach(async () => {
  records = testRecordStore();
  t = await startTestApp(records.options());
});
afterEach(async () => t.close());

test("A's own link still signs A in when the record store fails", async () => {
  const a = request.agent(t.app);
  await a.post('/auth/link').set('Accept', 'application/json').send({ email: EMAIL }).expect(200);
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  records.down = true;
  const answer = await a
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({ vtoken: link.searchParams.get('vtoken'), flow: link.searchParams.get('flow') });
  expect({ status: answer.status, verifies: t.emulator.calls.verifyEmailToken }).toEqual({
    status: 200,
    verifies: 1,
  });
  await a.get('/me').set('Accept', 'application/json').expect(200);
});

/**
 * The same at pickup: B finished; A's poll claims the one pickup, then the
 * record's delete fails. The claim already keeps anyone else from picking the
 * login up, so A is signed in (the failure reported), not answered 503 with the
 * login stranded behind its own claim until the flow expires.
 */
test('a pickup whose record delete fails still signs A in', async () => {
  const a = request.agent(t.app);
  const sent = await a
    .post('/auth/link')
    .set('Accept', 'application/json')
    .send({ email: EMAIL })
    .expect(200);
  const link = new URL(t.emulator.outbox.latest(EMAIL)!.link!);
  await request(t.app)
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({
      vtoken: link.searchParams.get('vtoken'),
      flow: link.searchParams.get('flow'),
      match: sent.body.match,
    })
    .expect(200);
  records.destroyDown = true;
  const picked = await a.get('/auth/link/status').set('Accept', 'application/json');
  expect({ status: picked.status, body: picked.body.status }).toEqual({
    status: 200,
    body: 'signed_in',
  });
  await a.get('/me').set('Accept', 'application/json').expect(200);
  expect(t.events).toContainEqual(
    expect.objectContaining({ type: 'store_error', reason: 'cross_device_not_ended' }),
  );
});
