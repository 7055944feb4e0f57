/**
 * Session fixation through the cross-device pickup (item 15 for item 43's flow).
 * The attacker gets a live session id S from the app (any request that makes a
 * session: here a code by SMS to a number of their own) and plants it in the
 * victim's browser (cookie tossing from a sibling subdomain, an http:// hop, a
 * shared computer). The victim asks for a cross-device link on that browser and
 * types the number on their phone. Whoever presents the flow's session id at
 * GET /auth/link/status first is signed in, and the attacker can poll faster
 * than the victim's page; regenerating at pickup does not help, because the
 * pre-login id is the pickup capability. So the send that starts a cross-device
 * flow gives the session a new id that only the asking browser receives.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const VICTIM = 'ada@example.com';
let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true },
  });
});
afterEach(async () => t.close());

function sid(res: request.Response): string {
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('connect.sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

test('a planted pre-send session id cannot pick up the login the victim finished', async () => {
  // The attacker makes a live session and learns its cookie.
  const made = await request(t.app)
    .post('/auth/otp')
    .set('Accept', 'application/json')
    .send({ phone: '+15550000001' });
  expect(made.status).toBe(200);
  const planted = sid(made);

  // The victim's browser carries the planted cookie and asks for a link.
  const victimSend = await request(t.app)
    .post('/auth/link')
    .set('Cookie', planted)
    .set('Accept', 'application/json')
    .send({ email: VICTIM });
  expect(victimSend.status).toBe(200);
  const match = victimSend.body.match as string;
  // The victim's browser keeps whatever cookie the send set (none if the id did not change).
  const victimCookie = victimSend.headers['set-cookie'] ? sid(victimSend) : planted;

  // The victim opens the email on the phone and types the number their laptop shows.
  const link = new URL(t.emulator.outbox.latest(VICTIM)!.link!);
  await request(t.app)
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({ vtoken: link.searchParams.get('vtoken'), flow: link.searchParams.get('flow'), match })
    .expect(200, { signedIn: false, completedOn: 'other-device' });

  // The attacker, polling with the planted id, races the victim's page.
  const stolen = await request(t.app)
    .get('/auth/link/status')
    .set('Cookie', planted)
    .set('Accept', 'application/json');
  const attackerSignedIn = stolen.body.status === 'signed_in';
  if (attackerSignedIn) {
    const me = await request(t.app)
      .get('/me')
      .set('Cookie', sid(stolen))
      .set('Accept', 'application/json');
    // Demonstrates the impact when the test fails: the attacker is the victim now.
    expect({ status: me.status, email: me.body.email }).toEqual({
      status: 401,
      email: undefined,
    });
  }
  expect(attackerSignedIn).toBe(false);

  // And the victim's own browser still gets its login.
  const own = await request(t.app)
    .get('/auth/link/status')
    .set('Cookie', victimCookie)
    .set('Accept', 'application/json');
  expect(own.body.status).toBe('signed_in');
});
