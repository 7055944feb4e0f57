/**
 * Attack: the link's `flow` reference is not bound to its `vtoken`. With
 * `linkBinding: 'same-browser'` a link opened in a browser other than the one
 * that asked must be refused (docs/options.md, security.md item 30). An
 * attacker who obtained the victim's link (forwarded mail, a mail scanner's
 * log, a shoulder-surfed QR code) asks for a link for the attacker's OWN
 * account in the attacker's browser, reads that link's `flow`, and posts the
 * victim's `vtoken` with the attacker's own `flow`: the router believes the
 * link is "this browser's" and signs the attacker in as the victim.
 *
 * The cross-device variant does the same through the number: the attacker's
 * device A' asks for a link to the attacker's account (and so sees its own
 * number); the attacker then posts the VICTIM's vtoken with A''s flow and
 * number, and A' is signed in as the victim.
 *
 * Defence (security.md item 30): a link spent as this browser's own, or to
 * finish a cross-device sign-in, must sign in the account its flow was sent to
 * (LoginRadius's Profile is compared with the flow's email address or
 * username); another account's link is refused with reason `other_account`.
 */
import request from 'supertest';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

const VICTIM = 'victim@example.com';
const ATTACKER = 'mallet@example.com';

let t: TestApp;
afterEach(async () => t?.close());

function linkOf(email: string): URL {
  const link = t.emulator.outbox.latest(email)?.link;
  if (!link) throw new Error(`no link to ${email}`);
  return new URL(link);
}

async function emailOf(agent: request.Agent): Promise<string | undefined> {
  const me = await agent.get('/me').set('Accept', 'application/json');
  return me.status === 200 ? (me.body.email as string) : undefined;
}

/**
 * The setting of every attack here: the victim asked for a link (which the attacker
 * has), and the attacker's browser asked for a link to the attacker's own account.
 */
async function stolenLinkAndOwnFlow(
  options: TestAppOptions,
  attackerSend: Record<string, string> = {},
): Promise<{ stolen: string; attacker: request.Agent; ownFlow: string; sent: request.Response }> {
  t = await startTestApp(options);
  t.emulator.addAccount({ email: VICTIM });
  t.emulator.addAccount({ email: ATTACKER });
  await request(t.app).post('/auth/link').send({ email: VICTIM }).expect(200);
  const stolen = linkOf(VICTIM).searchParams.get('vtoken')!;
  const attacker = request.agent(t.app);
  const sent = await attacker
    .post('/auth/link')
    .send({ email: ATTACKER, ...attackerSend })
    .expect(200);
  return { stolen, attacker, ownFlow: linkOf(ATTACKER).searchParams.get('flow')!, sent };
}

test("linkBinding 'same-browser': a stolen link cannot be spent with the attacker's own flow reference", async () => {
  const { stolen, attacker, ownFlow } = await stolenLinkAndOwnFlow({
    verifyRouter: { linkBinding: 'same-browser' },
  });

  // Sanity: the stolen link alone is refused in the attacker's browser.
  const plain = await attacker.post('/auth/callback').send({ vtoken: stolen });
  expect(plain.status).toBe(401);

  // The attack: the victim's token with the attacker's own flow reference.
  const attack = await attacker.post('/auth/callback').send({ vtoken: stolen, flow: ownFlow });
  expect(attack.status).toBe(401);
  expect(await emailOf(attacker)).toBeUndefined();
  expect(t.events.filter((e) => e.type === 'login_failed').map((e) => e.reason)).toContain(
    'other_account',
  );
  // The access token LoginRadius made for the victim goes to no one: it is ended there.
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
});

test("linkBinding 'warn': a stolen link cannot borrow the standing (and returnTo) of the attacker's own flow", async () => {
  const { stolen, attacker, ownFlow } = await stolenLinkAndOwnFlow({}, { returnTo: '/inbox' });

  await attacker.post('/auth/callback').send({ vtoken: stolen, flow: ownFlow }).expect(401);
  expect(await emailOf(attacker)).toBeUndefined();
});

test('the own link of a flow by username, or with a fields projection without Email, still signs in', async () => {
  t = await startTestApp({ strategy: { fields: ['FirstName'] } });
  t.emulator.addAccount({ email: 'lin@example.com', username: 'Lin_77' });
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ username: 'lin_77' }).expect(200);
  const link = linkOf('lin@example.com');
  const answer = await browser
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({ vtoken: link.searchParams.get('vtoken'), flow: link.searchParams.get('flow') })
    .expect(200);
  expect(answer.body.signedIn).toBe(true);
  // The projection holds: the UserName asked for to compare is not kept.
  expect(Object.keys(answer.body.user.profile).sort()).toEqual(['FirstName', 'Uid']);

  const byEmail = request.agent(t.app);
  await byEmail.post('/auth/link').send({ email: 'LIN@example.com' }).expect(200);
  const second = linkOf('lin@example.com');
  await byEmail
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({ vtoken: second.searchParams.get('vtoken'), flow: second.searchParams.get('flow') })
    .expect(200);
});

test("crossDevice + 'same-browser': a stolen link finishes the attacker's own cross-device flow as the victim", async () => {
  // The attacker's device A' asks for a link to the attacker's own account.
  const {
    stolen,
    attacker: deviceA,
    ownFlow,
    sent,
  } = await stolenLinkAndOwnFlow({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true, linkBinding: 'same-browser' },
  });
  const match = sent.body.match as string;

  // Device B' (any browser) posts the victim's token with A''s flow and number.
  const deviceB = request.agent(t.app);
  const finish = await deviceB
    .post('/auth/callback')
    .set('Accept', 'application/json')
    .send({ vtoken: stolen, flow: ownFlow, match });
  expect(finish.status).toBe(401);

  const status = await deviceA.get('/auth/link/status').set('Accept', 'application/json');
  expect(status.body).toEqual({ status: 'expired' });
  expect(await emailOf(deviceA)).toBeUndefined();
  expect(t.events.some((e) => e.type === 'cross_device_login')).toBe(false);
});

/**
 * The rest of the attack: the attacker's browser asks for a link to the VICTIM's
 * address, so that its flow names the victim, and posts the stolen token with
 * that flow's reference. The reference exists only in the email, which goes to
 * the victim's mailbox: nothing the attacker's browser is given holds it. (An
 * attacker who can also read that email holds a link of that browser's own
 * flow: docs/security.md, "Known limits".)
 */
test('the reference of a flow reaches only the mailbox, never the browser that asked', async () => {
  t = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true, linkBinding: 'same-browser' },
  });
  t.emulator.addAccount({ email: VICTIM });
  const attacker = request.agent(t.app);
  const answers: request.Response[] = [];
  answers.push(
    await attacker
      .post('/auth/link')
      .set('Accept', 'application/json')
      .send({ email: VICTIM })
      .expect(200),
  );
  const ref = linkOf(VICTIM).searchParams.get('flow')!;
  expect(ref).toMatch(/^[\w-]{16,}$/);
  answers.push(await attacker.get('/auth/link/sent').set('Accept', 'text/html').expect(200));
  answers.push(await attacker.get('/auth/link/status').set('Accept', 'application/json'));
  answers.push(await attacker.get('/auth/link/status').set('Accept', 'text/html'));
  answers.push(await attacker.post('/auth/link').type('form').send({ resend: '1' }));
  for (const answer of answers) {
    expect(answer.text ?? '').not.toContain(ref);
    expect(JSON.stringify(answer.headers)).not.toContain(ref);
  }
  // Without the reference, the stolen token has no standing here (same-browser).
  const guessed = await attacker
    .post('/auth/callback')
    .send({ vtoken: linkOf(VICTIM).searchParams.get('vtoken'), flow: 'A'.repeat(22) });
  expect(guessed.status).toBe(401);
  expect(await emailOf(attacker)).toBeUndefined();
});
