/**
 * Someone tries invalid, expired, used and unknown links and codes (security.md
 * items 13 and 25): the browser gets one status and one message for all of
 * them, never LoginRadius's text; the developer gets the precise reason in the
 * event, with the error's stable code.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestOtp, latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let now = Date.now();
beforeAll(async () => {
  t = await startTestApp({
    emulator: { clock: () => now },
    requestRouter: { limits: { perIp: 1000 } },
    verifyRouter: { verifyPerIp: 1000 },
  });
});
afterAll(async () => t.close());

const answers: { status: number; body: unknown; reason: unknown }[] = [];

async function confirm(vtoken: string): Promise<void> {
  const res = await request(t.app).post('/auth/callback').send({ vtoken });
  answers.push({ status: res.status, body: res.body, reason: t.events.at(-1)?.reason });
}

test('invalid, used and expired links all look the same', async () => {
  await confirm('0123456789abcdef0123456789abcdef'); // never issued
  await request(t.app).post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const used = latestToken(t.emulator, 'ada@example.com');
  await request(t.app).post('/auth/callback').send({ vtoken: used }).expect(200);
  await confirm(used);
  await request(t.app).post('/auth/link').send({ email: 'grace@example.com' }).expect(200);
  const expired = latestToken(t.emulator, 'grace@example.com');
  now += 73 * 3_600_000;
  await confirm(expired);

  expect(answers.map((a) => a.reason)).toEqual(['invalid', 'used', 'expired']);
  for (const answer of answers) {
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(answers[0]!.body);
  }
  expect(JSON.stringify(answers)).not.toMatch(/LoginRadius|vtoken|ErrorCode|1063|1062|975/);
});

test('wrong, expired and unknown-phone codes look the same as an invalid link', async () => {
  const clock = fakeDateOnly();
  try {
    const body = (res: request.Response) => ({ status: res.status, body: res.body });
    const agent = request.agent(t.app);
    await agent.post('/auth/otp').send({ phone: '+14155550177' }).expect(200); // no such account
    const unknown = body(await agent.post('/auth/otp/verify').send({ otp: '123456' }));
    const phone = t.emulator.accounts[0]!.phone!;
    const agent2 = request.agent(t.app);
    await agent2.post('/auth/otp').send({ phone }).expect(200);
    const otp = latestOtp(t.emulator, phone);
    const wrong = body(
      await agent2.post('/auth/otp/verify').send({ otp: otp === '000000' ? '111111' : '000000' }),
    );
    clock.advance(11 * 60_000);
    const expired = body(await agent2.post('/auth/otp/verify').send({ otp }));
    // Each browser has its sign-in in progress, so each may ask for a new code;
    // that offer, like everything else, is the same whatever the account.
    const linkAnswer = answers[0]!.body as { error: Record<string, unknown> };
    for (const answer of [unknown, wrong, expired])
      expect(answer).toEqual({
        status: answers[0]!.status,
        body: { error: { ...linkAnswer.error, canResend: true } },
      });
  } finally {
    clock.restore();
  }
});

test('fail closed: a second-factor answer or malformed JSON never signs in', async () => {
  await request(t.app).post('/auth/link').send({ email: 'linus@example.com' }).expect(200);
  const vtoken = latestToken(t.emulator, 'linus@example.com');
  t.emulator.inject({ endpoint: 'verifyEmailToken', type: 'second_factor', times: 1 });
  const agent = request.agent(t.app);
  const twoFactor = await agent.post('/auth/callback').send({ vtoken });
  expect(twoFactor.status).toBe(401);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'second_factor_required' });
  // A fresh link: the one that met a 2FA challenge stays claimed (it may be spent upstream).
  t.emulator.addAccount({ email: 'new@example.com' });
  await request(t.app).post('/auth/link').send({ email: 'new@example.com' }).expect(200);
  t.emulator.inject({ endpoint: 'verifyEmailToken', type: 'malformed_json', times: 1 });
  const garbage = await agent
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, 'new@example.com') });
  expect(garbage.status).toBe(503);
  expect(garbage.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
  await agent.get('/me').set('Accept', 'application/json').expect(401);
});
