/**
 * Someone replays one link or code many times at once (security.md item 11):
 * a token or code works once, and ten parallel verifies produce at most one
 * signed-in session.
 */
import request from 'supertest';
import { latestOtp, latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ verifyRouter: { verifyPerIp: 1000 } });
});
afterAll(async () => t.close());

async function signedInCount(agents: request.Agent[]): Promise<number> {
  const answers = await Promise.all(
    agents.map((a) => a.get('/me').set('Accept', 'application/json')),
  );
  return answers.filter((r) => r.status === 200).length;
}

test('ten parallel confirms of one link give at most one session', async () => {
  await request(t.app).post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const vtoken = latestToken(t.emulator, 'ada@example.com');
  const agents = Array.from({ length: 10 }, () => request.agent(t.app));
  const results = await Promise.all(agents.map((a) => a.post('/auth/callback').send({ vtoken })));
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status === 401)).toHaveLength(9);
  expect(await signedInCount(agents)).toBe(1);
  // And later still once used.
  await request(t.app).post('/auth/callback').send({ vtoken }).expect(401);
});

test('ten parallel verifies of one code in one session give one login', async () => {
  const agent = request.agent(t.app);
  const phone = t.emulator.accounts[1]!.phone!;
  await agent.post('/auth/otp').send({ phone }).expect(200);
  const otp = latestOtp(t.emulator, phone);
  const results = await Promise.all(
    Array.from({ length: 10 }, () => agent.post('/auth/otp/verify').send({ otp })),
  );
  expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
  expect(t.emulator.calls.verifyPhoneOtp).toBeLessThanOrEqual(1 + 0);
});
