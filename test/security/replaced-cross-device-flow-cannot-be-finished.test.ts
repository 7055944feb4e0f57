/**
 * Attack (second adversarial review): finish a cross-device sign-in that device A
 * has already given up. A asks for a link (number m1, flow R1), then asks again
 * (a resend, or a code by SMS), or signs out. The old flow is no longer A's, yet
 * its record stayed "pending": anyone holding the first link and m1 could finish
 * it, spending the link at LoginRadius and parking a fresh access token with the
 * Profile in the store, while B was told "you are signed in on your other device"
 * and A never was.
 *
 * Defence: giving a flow up (any new send, signing in by another link, signing
 * out) ends its cross-device path: B's one try is claimed, a finish is refused
 * like any ended one before any call to LoginRadius, a B already waiting on
 * LoginRadius finds the record ended when it comes back, and a login B finished
 * that A never picked up is dropped (its access token ended at LoginRadius). The
 * send, login or logout goes on if the record's store fails.
 *
 * Two races of the fourth review are here too: a status check that read the
 * finished login just before A's new send used to sign A in (with the default
 * stores each router kept its claims apart), and a B whose finish straddled A
 * signing out used to park a live access token in the store.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { testRecordStore, type TestRecordStore } from '../support/record-store';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const EMAIL = 'ada@example.com';
const JSON_TYPE = 'application/json';

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
/** The cross-device records' own store, to look into, to break and to pause. */
let records: TestRecordStore;
beforeEach(async () => {
  clock = fakeDateOnly();
  records = testRecordStore();
  t = await startTestApp(records.options());
});
afterEach(async () => {
  clock.restore();
  await t.close();
});

async function deviceAAsks(a: request.Agent, body: object): Promise<{ match: string; link: URL }> {
  const sent = await a.post('/auth/link').set('Accept', JSON_TYPE).send(body).expect(200);
  return {
    match: sent.body.match as string,
    link: new URL(t.emulator.outbox.latest(EMAIL)!.link!),
  };
}

/** Device B (no cookie) posts the link and the number. */
function deviceBFinishes(link: URL, match: string): request.Test {
  return request(t.app)
    .post('/auth/callback')
    .set('Accept', JSON_TYPE)
    .send({ vtoken: link.searchParams.get('vtoken'), flow: link.searchParams.get('flow'), match });
}

/**
 * A asks, B finishes, and A's status check reads the signed-in record and is
 * then held: `polling` is its answer once `release()` lets it go on.
 */
async function pollHeldAfterBFinished(
  a: request.Agent,
): Promise<{ polling: Promise<request.Response>; release: () => void }> {
  const first = await deviceAAsks(a, { email: EMAIL });
  await deviceBFinishes(first.link, first.match).expect(200);
  const { inside, release } = records.holdRead();
  const polling = a
    .get('/auth/link/status')
    .set('Accept', JSON_TYPE)
    .then((answer) => answer);
  await inside;
  return { polling, release };
}

test('after a resend, the first link and number cannot finish a sign-in for A; the new ones can', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  clock.advance(61_000); // past the cooldown
  const second = await deviceAAsks(a, { resend: '1' });
  expect(second.link.searchParams.get('flow')).not.toBe(first.link.searchParams.get('flow'));

  const stale = await deviceBFinishes(first.link, first.match);
  expect(stale.status).toBe(401);
  expect(stale.body.error.code).toBe('VERIFY_FAILED');
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
  expect(t.events).toContainEqual(
    expect.objectContaining({ type: 'cross_device_refused', reason: 'no_pending_flow' }),
  );

  await deviceBFinishes(second.link, second.match).expect(200);
  const picked = await a.get('/auth/link/status').set('Accept', JSON_TYPE).expect(200);
  expect(picked.body.status).toBe('signed_in');
  expect(t.emulator.calls.verifyEmailToken).toBe(1);
});

test('a code asked for by SMS replaces the waiting cross-device sign-in too', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  await a.post('/auth/otp').send({ phone: t.emulator.accounts[0]!.phone }).expect(200);

  await deviceBFinishes(first.link, first.match).expect(401);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
});

test('signing out ends the cross-device sign-in the browser was waiting for', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  await a.post('/auth/logout').set('Accept', JSON_TYPE).expect(200);

  await deviceBFinishes(first.link, first.match).expect(401);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
});

test('B already waiting on LoginRadius when A resends: B is refused and A is not signed in', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  clock.advance(61_000);
  t.emulator.inject({ endpoint: 'verifyEmailToken', type: 'latency', ms: 300, times: 1 });
  const finishing = deviceBFinishes(first.link, first.match).then((answer) => answer);
  await until(() => t.emulator.calls.verifyEmailToken === 1, "B's verify to reach LoginRadius");
  await deviceAAsks(a, { resend: '1' });

  const late = await finishing;
  expect(late.status).toBe(401);
  expect(t.events).toContainEqual(
    expect.objectContaining({ type: 'cross_device_refused', reason: 'no_pending_flow' }),
  );
  expect(t.events.some((event) => event.type === 'cross_device_login')).toBe(false);
  expect(records.stored().filter((record) => record.user)).toEqual([]);
  // The access token LoginRadius made for the dropped login is ended there.
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  const status = await a.get('/auth/link/status').set('Accept', JSON_TYPE).expect(200);
  expect(status.body.status).toBe('pending'); // the new flow, waiting for its own link
});

test('A signing in with an older link of its own ends the flow it was waiting on', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  clock.advance(61_000);
  const second = await deviceAAsks(a, { resend: '1' });
  await a
    .post('/auth/callback')
    .set('Accept', JSON_TYPE)
    .send({
      vtoken: first.link.searchParams.get('vtoken'),
      flow: first.link.searchParams.get('flow'),
    })
    .expect(200);

  await deviceBFinishes(second.link, second.match).expect(401);
  expect(t.emulator.calls.verifyEmailToken).toBe(1);
});

test('a login B finished that A never picked up is dropped when A signs out', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  await deviceBFinishes(first.link, first.match).expect(200);
  expect(records.stored()).toEqual([{ state: 'signed_in', user: true }]);

  await a.post('/auth/logout').set('Accept', JSON_TYPE).expect(200);
  expect(records.stored()).toEqual([{ state: 'ended', user: false }]);
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
});

test("a send or a logout goes on though the records' store fails to end the flow", async () => {
  const a = request.agent(t.app);
  await deviceAAsks(a, { email: EMAIL });
  clock.advance(61_000);
  const b = request.agent(t.app);
  await deviceAAsks(b, { email: EMAIL });
  records.down = true;

  const phone = t.emulator.accounts[0]!.phone!;
  await a.post('/auth/otp').set('Accept', JSON_TYPE).send({ phone }).expect(200, { sent: true });
  await b.post('/auth/logout').set('Accept', JSON_TYPE).expect(200, { signedOut: true });
  expect(
    t.events.filter(
      (event) => event.type === 'store_error' && event.reason === 'cross_device_not_ended',
    ),
  ).toHaveLength(2);
});

test("A's status check that read a finished login just before A signs out does not sign A in", async () => {
  const a = request.agent(t.app);
  // A's poll reads the signed-in record, then is held while A signs out.
  const { polling, release } = await pollHeldAfterBFinished(a);
  await a.post('/auth/logout').set('Accept', JSON_TYPE).expect(200);
  release();

  const poll = await polling;
  expect(poll.status).toBe(200);
  expect(poll.body.status).not.toBe('signed_in');
  expect(poll.headers['set-cookie']).toBeUndefined();
  expect(t.events.some((event) => event.type === 'login')).toBe(false);
  // The access token B's verify made is ended at LoginRadius with the dropped login.
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
});

test("A's status check that read a finished login just before A's new send does not sign A in", async () => {
  const a = request.agent(t.app);
  const { polling, release } = await pollHeldAfterBFinished(a);
  // A gives the sign-in up: a new link (past the cooldown).
  clock.advance(61_000);
  await a.post('/auth/link').set('Accept', JSON_TYPE).send({ resend: '1' }).expect(200);
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  release();

  const poll = await polling;
  expect(poll.body.status).not.toBe('signed_in');
  expect(t.events.some((event) => event.type === 'login')).toBe(false);
});

test('a B whose finish straddles A signing out leaves no parked login behind', async () => {
  const a = request.agent(t.app);
  const first = await deviceAAsks(a, { email: EMAIL });
  // B's second read (the re-read once LoginRadius answered) is held while A signs out.
  const { inside, release } = records.holdRead(2);
  const finishing = deviceBFinishes(first.link, first.match).then((answer) => answer);
  await inside;
  await a.post('/auth/logout').set('Accept', JSON_TYPE).expect(200);
  release();

  const b = await finishing;
  expect(b.status).toBe(401);
  expect(records.stored().filter((record) => record.user)).toEqual([]);
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  expect(t.events.some((event) => event.type === 'cross_device_login')).toBe(false);
});
