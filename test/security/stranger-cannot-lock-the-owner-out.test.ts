/**
 * Attack: lock a stranger out of SMS sign-in (security.md item 32). Anyone can
 * ask for a code for someone else's phone and type wrong codes; if wrong codes
 * were counted per phone only, a stranger could lock the owner out in a
 * minute. They are counted per phone per client IP (`maxOtpFailuresPerPhoneAndIp`,
 * 10 an hour by default) and per phone overall (`maxOtpFailuresPerPhone`, 100 a
 * day): the owner, from another IP, still signs in; only the overall ceiling
 * locks the phone for everyone, the app hears `phone_locked` once, and the
 * operator's `strategy.unlock({ phone })` lets the owner in again.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { browserWithCode, wrongCode } from '../support/code-flows';
import { latestOtp, startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

const COOLDOWN_MS = 1000;
const ATTACKER_IP = '203.0.113.66';
const OWNER_IP = '198.51.100.10';

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
async function start(strategy: TestAppOptions['strategy'] = {}): Promise<void> {
  t = await startTestApp({
    strategy,
    requestRouter: {
      limits: { cooldownSeconds: COOLDOWN_MS / 1000, perIp: 1000, smsPerIpPerDay: 1000 },
    },
    verifyRouter: { verifyPerIp: 1000 },
    emulator: { sendLimits: false },
  });
  t.app.set('trust proxy', true);
  clock = fakeDateOnly();
}
afterEach(async () => {
  clock.restore();
  await t.close();
});

const phone = (): string => t.emulator.accounts[0]!.phone!;
const browserFrom = (ip: string): Promise<request.Agent> =>
  browserWithCode(t.app, phone(), { advance: clock.advance, cooldownMs: COOLDOWN_MS, ip });

/** A stranger at `ip` asks for a code for the owner's phone and types `count` wrong ones. */
async function strangerGuesses(ip: string, count: number): Promise<void> {
  const browser = await browserFrom(ip);
  const guess = wrongCode(latestOtp(t.emulator, phone()));
  for (let i = 0; i < count; i += 1)
    await browser.post('/auth/otp/verify').send({ otp: guess }).expect(401);
}

/** The owner at `ip` asks for a code and types it; resolves to the browser and the answer. */
async function ownerSignsIn(ip: string): Promise<{ owner: request.Agent; res: request.Response }> {
  const owner = await browserFrom(ip);
  const res = await owner.post('/auth/otp/verify').send({ otp: latestOtp(t.emulator, phone()) });
  return { owner, res };
}

const lockEvents = () => t.events.filter((e) => e.type === 'phone_locked');

test('12 wrong codes from one IP across three flows do not stop the owner on another IP', async () => {
  await start();
  for (let flow = 0; flow < 3; flow += 1) await strangerGuesses(ATTACKER_IP, 4);
  // The 11th and 12th never reached LoginRadius: the per-phone-per-IP cap is 10.
  expect(t.emulator.calls.verifyPhoneOtp).toBe(10);
  expect(lockEvents()).toEqual([
    expect.objectContaining({
      channel: 'sms',
      ip: ATTACKER_IP,
      reason: 'too_many_wrong_codes_from_this_ip',
      recipient: '+1415*****01',
    }),
  ]);

  const { res } = await ownerSignsIn(OWNER_IP);
  expect(res.status).toBe(200);
  expect(lockEvents()).toHaveLength(1);
});

test('the per-phone ceiling, reached from many IPs, locks the phone for everyone until unlock', async () => {
  await start({ maxOtpFailuresPerPhone: 12 });
  for (let i = 1; i <= 4; i += 1) await strangerGuesses(`203.0.113.${i}`, 3);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(12);
  expect(lockEvents()).toEqual([
    expect.objectContaining({ reason: 'too_many_wrong_codes', recipient: '+1415*****01' }),
  ]);
  // More wrong codes from a fresh IP are refused before LoginRadius, and reported no more.
  await strangerGuesses('203.0.113.5', 2);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(12);
  expect(lockEvents()).toHaveLength(1);

  // Even the owner's right code is refused now, without an upstream call.
  const { owner, res } = await ownerSignsIn(OWNER_IP);
  expect(res.status).toBe(401);
  expect(t.emulator.calls.verifyPhoneOtp).toBe(12);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });

  await t.strategy.unlock({ phone: phone() });
  await owner
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone()) })
    .expect(200);
});

test("an operator's unlock lets in an owner who shares the stranger's IP (a carrier NAT)", async () => {
  await start();
  for (let flow = 0; flow < 3; flow += 1) await strangerGuesses(ATTACKER_IP, 4);
  const { owner, res } = await ownerSignsIn(ATTACKER_IP);
  expect(res.status).toBe(401);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });

  // unlock() "forgets the wrong codes counted for one phone ... from all IPs".
  await t.strategy.unlock({ phone: phone() });
  await owner
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone()) })
    .expect(200);
});
