/**
 * A site whose passwordless email carries a one-time code: the person asks by
 * email or username, types the code, and is signed in. The code is spent for
 * this browser's pending flow's identifier, never one named in the request,
 * under the same caps, single-use claims and uniform failures as SMS codes.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    // The emulator reads the (faked) Date at each call, so expiry tests move its clock too.
    emulator: { emailToken: 'otp', sendLimits: false, clock: () => Date.now() },
    requestRouter: { emailCode: true, limits: { perIp: 1000 } },
    verifyRouter: { verifyPerIp: 1000 },
  });
});
afterEach(async () => t.close());

function emailedCode(to: string): string {
  const message = t.emulator.outbox.latest(to);
  if (!message?.otp || message.channel !== 'email') throw new Error(`no emailed code for ${to}`);
  return message.otp;
}

const wrong = (otp: string): string => (otp === '000000' ? '111111' : '000000');

test.each([
  ['email', { email: 'ada@example.com' }],
  ['username', { username: 'ada' }],
])('by %s: the emailed code signs this browser in (JSON)', async (_by, identifier) => {
  const agent = request.agent(t.app);
  await agent.post('/auth/link').send(identifier).expect(200, { sent: true });
  const signedIn = await agent
    .post('/auth/link/verify')
    .send({ otp: emailedCode('ada@example.com') });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body).toMatchObject({
    signedIn: true,
    user: { uid: t.emulator.accounts[0]!.uid },
  });
  expect(t.emulator.calls.verifyEmailOtp).toBe(1);
  expect(t.events.at(-1)).toMatchObject({ type: 'login', channel: 'email' });
  await agent.get('/me').set('Accept', 'application/json').expect(200);
});

test('as HTML forms: the "check your inbox" page offers a code field that signs in', async () => {
  const agent = request.agent(t.app);
  const sent = await agent.post('/auth/link').type('form').send({ username: 'grace' });
  expect(sent.status).toBe(303);
  const page = await agent.get(sent.headers.location!);
  expect(page.text).toMatch(/<form method="post" action="\/auth\/link\/verify">/);
  expect(page.text).toContain('Or click the link in the email.');
  const done = await agent
    .post('/auth/link/verify')
    .type('form')
    .send({ otp: emailedCode('grace@example.com') });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/');
});

test('a wrong, a used and an expired code all fail alike, with the precise reason in the event', async () => {
  const clock = fakeDateOnly();
  try {
    const answers: { status: number; body: unknown }[] = [];
    const agent = request.agent(t.app);
    await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
    const otp = emailedCode('ada@example.com');
    const wrongAnswer = await agent.post('/auth/link/verify').send({ otp: wrong(otp) });
    answers.push({ status: wrongAnswer.status, body: wrongAnswer.body });
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'invalid' });

    // Someone else spent the code first (straight through the client).
    await t.client.verifyEmailOtp({ email: 'ada@example.com', otp });
    const used = await agent.post('/auth/link/verify').send({ otp });
    answers.push({ status: used.status, body: used.body });
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'used' });

    const other = request.agent(t.app);
    await other.post('/auth/link').send({ email: 'grace@example.com' }).expect(200);
    clock.advance(301_000); // past the code's 5 minutes, inside the flow's 10
    const expired = await other
      .post('/auth/link/verify')
      .send({ otp: emailedCode('grace@example.com') });
    answers.push({ status: expired.status, body: expired.body });
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'expired' });

    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 401, body: { error: { code: 'VERIFY_FAILED' } } });
  } finally {
    clock.restore();
  }
});

test("another identifier's code is refused: the code is spent for this browser's own flow only", async () => {
  const victim = request.agent(t.app);
  const attacker = request.agent(t.app);
  await victim.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  await attacker.post('/auth/link').send({ email: 'grace@example.com' }).expect(200);
  const victimCode = emailedCode('ada@example.com');
  const res = await attacker
    .post('/auth/link/verify')
    .send({ otp: victimCode, email: 'ada@example.com', username: 'ada' });
  expect(res.status).toBe(401);
  // It was checked against grace's code, not ada's: ada's still works for ada.
  await victim.post('/auth/link/verify').send({ otp: victimCode }).expect(200);
  expect((await victim.get('/me').set('Accept', 'application/json')).body.uid).toBe(
    t.emulator.accounts[0]!.uid,
  );
});

test('no pending email flow: refused without an upstream call, and an SMS flow does not count', async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/link/verify').send({ otp: '123456' }).expect(401);
  await agent.post('/auth/otp').send({ phone: t.emulator.accounts[0]!.phone }).expect(200);
  await agent.post('/auth/link/verify').send({ otp: '123456' }).expect(401);
  expect(t.emulator.calls.verifyEmailOtp).toBe(0);
  expect(t.events.at(-1)).toMatchObject({ reason: 'no_pending_flow' });
});

test('at most 5 wrong codes per flow, then even the right one is refused without a call', async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const otp = emailedCode('ada@example.com');
  for (let i = 0; i < 5; i += 1)
    await agent
      .post('/auth/link/verify')
      .send({ otp: wrong(otp) })
      .expect(401);
  expect(t.emulator.calls.verifyEmailOtp).toBe(5);
  await agent.post('/auth/link/verify').send({ otp }).expect(401);
  expect(t.emulator.calls.verifyEmailOtp).toBe(5);
  expect(t.events.at(-1)).toMatchObject({ reason: 'locked' });
});

test('ten parallel verifies of the right code: one login, one upstream call', async () => {
  t.emulator.inject({ endpoint: 'verifyEmailOtp', type: 'latency', ms: 100 });
  const agent = request.agent(t.app);
  await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const otp = emailedCode('ada@example.com');
  const results = await Promise.all(
    Array.from({ length: 10 }, () => agent.post('/auth/link/verify').send({ otp })),
  );
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(t.emulator.calls.verifyEmailOtp).toBe(1);
});

test('the link in the same email keeps working beside the code ("both")', async () => {
  const both = await startTestApp({
    emulator: { emailToken: 'both' },
    requestRouter: { emailCode: true },
  });
  try {
    const agent = request.agent(both.app);
    await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
    const message = both.emulator.outbox.latest('ada@example.com')!;
    expect(message.otp).toMatch(/^\d{6}$/);
    const vtoken = new URL(message.link!).searchParams.get('vtoken');
    await agent.post('/auth/callback').send({ vtoken }).expect(200);
  } finally {
    await both.close();
  }
});
