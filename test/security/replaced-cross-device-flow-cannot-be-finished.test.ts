/**
 * Attack (second adversarial review): finish a cross-device sign-in that device A
 * has already given up. A asks for a link (number m1, flow R1), then asks again
 * (a resend, or a code by SMS), or signs out. The old flow is no longer A's, yet
 * its record stayed "pending": anyone holding the first link and m1 could finish
 * it, spending the link at LoginRadius and parking a fresh access token with the
 * Profile in the store, while B was told "you are signed in on your other device"
 * and A never was.
 *
 * Defence: replacing a flow (any new send) or signing out ends the old flow's
 * cross-device path; finishing it is refused like any ended one, before any call
 * to LoginRadius.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'ada@example.com';
const JSON_TYPE = 'application/json';

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
beforeEach(async () => {
  clock = fakeDateOnly();
  t = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true },
  });
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
