/**
 * An attacker tries a code without having asked for it, or for someone else's
 * phone (security.md item 9): the phone always comes from this session's
 * pending flow, never from the request, and with no pending flow the verify is
 * refused without any upstream call.
 */
import request from 'supertest';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.emulator.resetCalls());

test('a verify with no pending flow is refused without calling LoginRadius', async () => {
  const ada = t.emulator.accounts[0]!;
  const res = await request(t.app)
    .post('/auth/otp/verify')
    .send({ otp: '123456', phone: ada.phone });
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe('VERIFY_FAILED');
  expect(t.emulator.calls.verifyPhoneOtp).toBe(0);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'no_pending_flow' });
});

test("a phone in the verify request is ignored: the victim's code is useless in the attacker's session", async () => {
  const ada = t.emulator.accounts[0]!;
  const grace = t.emulator.accounts[1]!;
  const attacker = request.agent(t.app);
  const victim = request.agent(t.app);
  await attacker.post('/auth/otp').send({ phone: grace.phone }).expect(200);
  await victim.post('/auth/otp').send({ phone: ada.phone }).expect(200);
  const victimCode = latestOtp(t.emulator, ada.phone!);
  const res = await attacker.post('/auth/otp/verify').send({ otp: victimCode, phone: ada.phone });
  expect(res.status).toBe(401);
  // The attacker's verify went upstream for the attacker's own phone only.
  await victim.post('/auth/otp/verify').send({ otp: victimCode }).expect(200);
  const me = await victim.get('/me').set('Accept', 'application/json');
  expect(me.body.uid).toBe(ada.uid);
});

test('a code cannot be spent in another browser than the one that asked for it', async () => {
  const ada = t.emulator.accounts[0]!;
  const asker = request.agent(t.app);
  // A fresh client would need to pass the cooldown; use the verify path directly.
  await asker
    .post('/auth/otp')
    .send({ phone: ada.phone })
    .expect((r) => expect([200, 429]).toContain(r.status));
  const code = t.emulator.outbox.latest(ada.phone!)?.otp ?? '000000';
  await request(t.app).post('/auth/otp/verify').send({ otp: code }).expect(401);
});
