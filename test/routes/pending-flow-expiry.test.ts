/**
 * A code is entered long after it was sent (security.md item 12): pending flows
 * expire after 10 minutes by default, whatever LoginRadius would still allow,
 * and the expired flow is refused without an upstream call.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestOtp, startTestApp } from '../support/test-app';

test('a code entered after 10 minutes is refused without calling LoginRadius', async () => {
  // The emulator's own OTP lifetime is longer, so only our expiry can refuse it.
  const t = await startTestApp({ emulator: { otpTtlSeconds: 3600 } });
  const clock = fakeDateOnly();
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').send({ phone }).expect(200);
    const otp = latestOtp(t.emulator, phone);
    clock.advance(10 * 60_000 + 1000);
    const res = await agent.post('/auth/otp/verify').send({ otp });
    expect(res.status).toBe(401);
    expect(t.emulator.calls.verifyPhoneOtp).toBe(0);
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'expired' });
  } finally {
    clock.restore();
    await t.close();
  }
});

test('the lifetime is an option, bounded to one hour', async () => {
  const t = await startTestApp({ requestRouter: { pendingFlowTtlMs: 60_000 } });
  const clock = fakeDateOnly();
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').send({ phone }).expect(200);
    clock.advance(30_000);
    const otp = latestOtp(t.emulator, phone);
    await agent.post('/auth/otp/verify').send({ otp }).expect(200);
  } finally {
    clock.restore();
    await t.close();
  }
  const { createRequestRouter, LoginRadiusClient } = await import('../../src/index');
  const client = new LoginRadiusClient({ apiKey: 'k' });
  expect(() =>
    createRequestRouter({
      client,
      callbackUrl: 'https://a.example/cb',
      pendingFlowTtlMs: 2 * 3_600_000,
    }),
  ).toThrow(/pendingFlowTtlMs/);
});
