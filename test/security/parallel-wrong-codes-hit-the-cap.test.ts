/**
 * Attack: parallel wrong codes slip under the wrong-code caps (security.md
 * item 27). An attacker opens many pending flows for one phone and fires wrong
 * codes at the same moment while LoginRadius takes 150 ms to answer; a cap
 * that is checked first and counted after would let every one of them through.
 * The counts are taken before the upstream call, so at most the cap reaches
 * LoginRadius; one flow has at most one verify in flight; and a right code
 * gives its counts back.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { browsersWithCode, wrongCode } from '../support/code-flows';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

const COOLDOWN_MS = 1000;
const CAP = 10;

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
beforeEach(async () => {
  t = await startTestApp({
    strategy: { maxOtpFailuresPerPhoneAndIp: CAP },
    requestRouter: {
      limits: { cooldownSeconds: COOLDOWN_MS / 1000, perIp: 1000, smsPerIpPerDay: 1000 },
    },
    verifyRouter: { verifyPerIp: 1000 },
    emulator: { sendLimits: false },
  });
  clock = fakeDateOnly();
});
afterEach(async () => {
  clock.restore();
  await t.close();
});

const phone = (): string => t.emulator.accounts[0]!.phone!;
/** LoginRadius takes 150 ms to answer each code from now on. */
const slowUpstream = (): void =>
  t.emulator.inject({ endpoint: 'verifyPhoneOtp', type: 'latency', ms: 150 });
const flows = (count: number): Promise<request.Agent[]> =>
  browsersWithCode(t.app, phone(), count, { advance: clock.advance, cooldownMs: COOLDOWN_MS });

test('30 wrong codes fired at once from 30 flows for one phone: at most 10 reach LoginRadius', async () => {
  const agents = await flows(30);
  slowUpstream();
  const guess = wrongCode(latestOtp(t.emulator, phone()));
  const answers = await Promise.all(
    agents.map((agent) => agent.post('/auth/otp/verify').send({ otp: guess })),
  );
  expect(answers.map((res) => res.status)).toEqual(Array(30).fill(401));
  expect(t.emulator.calls.verifyPhoneOtp).toBeGreaterThan(0);
  expect(t.emulator.calls.verifyPhoneOtp).toBeLessThanOrEqual(CAP);
  // The refused ones look like any other wrong code to the browser.
  for (const res of answers) expect(res.body).toEqual(answers[0]!.body);
  const reasons = t.events.filter((e) => e.type === 'login_failed').map((e) => e.reason);
  expect(reasons.filter((r) => r === 'invalid')).toHaveLength(t.emulator.calls.verifyPhoneOtp);
  expect(reasons.filter((r) => r === 'locked')).toHaveLength(30 - t.emulator.calls.verifyPhoneOtp);
});

test('five codes fired at once in one flow: one is in flight, the others are refused as busy', async () => {
  const [agent] = await flows(1);
  slowUpstream();
  const guess = wrongCode(latestOtp(t.emulator, phone()));
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => agent!.post('/auth/otp/verify').send({ otp: guess })),
  );
  expect(answers.map((res) => res.status)).toEqual(Array(5).fill(401));
  expect(t.emulator.calls.verifyPhoneOtp).toBe(1);
  const reasons = t.events.filter((e) => e.type === 'login_failed').map((e) => e.reason);
  expect(reasons.sort()).toEqual(['busy', 'busy', 'busy', 'busy', 'invalid']);
});

test('the right code after wrong ones signs in and gives its counts back', async () => {
  // Nine wrong codes from three flows: one short of the cap.
  for (const agent of await flows(3)) {
    const guess = wrongCode(latestOtp(t.emulator, phone()));
    for (let i = 0; i < 3; i += 1)
      await agent.post('/auth/otp/verify').send({ otp: guess }).expect(401);
  }
  expect(t.emulator.calls.verifyPhoneOtp).toBe(9);
  const [owner] = await flows(1);
  await owner!
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone()) })
    .expect(200);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(10);

  // Had the right code been counted, the cap would be full now. It is not:
  // one more wrong code still reaches LoginRadius, and the one after is refused.
  const [next] = await flows(1);
  const guess = wrongCode(latestOtp(t.emulator, phone()));
  await next!.post('/auth/otp/verify').send({ otp: guess }).expect(401);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(11);
  await next!.post('/auth/otp/verify').send({ otp: guess }).expect(401);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(11);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });
});
