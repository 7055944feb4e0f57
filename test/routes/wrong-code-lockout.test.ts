/**
 * Someone guesses codes (security.md item 10): at most 5 wrong codes per
 * pending flow, after which even the right code is refused until a new code is
 * sent; wrong codes are also counted per phone across sessions, so fresh
 * cookies do not reset them.
 */
import request from 'supertest';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    requestRouter: { limits: { cooldownSeconds: 1, perIp: 1000 } },
    emulator: { sendLimits: false },
  });
});
afterEach(async () => t.close());

function wrong(otp: string): string {
  return otp === '000000' ? '111111' : '000000';
}

test('after 5 wrong codes the right one is refused too, without an upstream call', async () => {
  const phone = t.emulator.accounts[0]!.phone!;
  const agent = request.agent(t.app);
  await agent.post('/auth/otp').send({ phone }).expect(200);
  const otp = latestOtp(t.emulator, phone);
  for (let i = 0; i < 5; i += 1)
    await agent
      .post('/auth/otp/verify')
      .send({ otp: wrong(otp) })
      .expect(401);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(5);
  const right = await agent.post('/auth/otp/verify').send({ otp });
  expect(right.status).toBe(401);
  expect(right.body.error.code).toBe('VERIFY_FAILED');
  expect(t.emulator.calls.verifyPhoneOtp).toBe(5);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });
});

test('a new send starts a new flow with a fresh count', async () => {
  const phone = t.emulator.accounts[0]!.phone!;
  const agent = request.agent(t.app);
  await agent.post('/auth/otp').send({ phone }).expect(200);
  const first = latestOtp(t.emulator, phone);
  for (let i = 0; i < 5; i += 1)
    await agent
      .post('/auth/otp/verify')
      .send({ otp: wrong(first) })
      .expect(401);
  await agent.post('/auth/otp/verify').send({ otp: first }).expect(401);
  // The cooldown is 1 s in this app; wait for it by polling the send itself.
  let status = 429;
  const deadline = Date.now() + 5000;
  while (status === 429 && Date.now() < deadline) {
    status = (await agent.post('/auth/otp').send({ phone })).status;
    if (status === 429) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(status).toBe(200);
  await agent
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone) })
    .expect(200);
});

test('wrong codes count per phone across sessions: fresh cookies do not reset them', async () => {
  const local = await startTestApp({
    requestRouter: { limits: { cooldownSeconds: 1, perIp: 1000 } },
    strategy: { maxOtpFailuresPerPhone: 4 },
    emulator: { sendLimits: false },
  });
  try {
    const phone = local.emulator.accounts[0]!.phone!;
    const sendFresh = async (): Promise<request.Agent> => {
      const agent = request.agent(local.app);
      const deadline = Date.now() + 5000;
      for (;;) {
        const res = await agent.post('/auth/otp').send({ phone });
        if (res.status === 200) return agent;
        if (Date.now() > deadline) throw new Error(`send kept failing: ${res.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    for (let session = 0; session < 2; session += 1) {
      const agent = await sendFresh();
      const otp = latestOtp(local.emulator, phone);
      for (let i = 0; i < 2; i += 1)
        await agent
          .post('/auth/otp/verify')
          .send({ otp: wrong(otp) })
          .expect(401);
    }
    const agent = await sendFresh();
    const calls = local.emulator.calls.verifyPhoneOtp;
    await agent
      .post('/auth/otp/verify')
      .send({ otp: latestOtp(local.emulator, phone) })
      .expect(401);
    expect(local.emulator.calls.verifyPhoneOtp).toBe(calls);
  } finally {
    await local.close();
  }
});
