/**
 * Attack: tell a usable account from an unknown, unverified or blocked one by
 * typing the same wrong code twice (security.md items 5 and 10). Every verify
 * failure answers alike, but the code counters used to keep a refused code
 * claimed unless LoginRadius called it wrong (1067, which only a usable account
 * gets): for every other account the retyped code was refused at once, without
 * asking LoginRadius and without the session write that counts an attempt. The
 * time to answer, and with a rolling cookie (`cookie.maxAge`) whether the
 * answer set one, told the accounts apart. Now a refused code is unclaimed
 * whatever the reason: each retype asks LoginRadius and counts, for everyone.
 */
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { answerShape } from '../support/answer-shape';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    // A rolling cookie, as many apps set one: every session write sets it again.
    sessionMiddleware: session({
      secret: 'test secret',
      resave: false,
      saveUninitialized: false,
      cookie: { maxAge: 3_600_000 },
    }) as express.RequestHandler,
    emulator: { emailToken: 'otp', sendLimits: false },
    requestRouter: { emailCode: true, limits: { perIp: 1000 } },
    verifyRouter: { verifyPerIp: 1000 },
  });
});
afterEach(async () => t.close());

const WRONG = '000001';

interface Probe {
  /** The two verifies' answers, as an attacker can compare them. */
  shapes: Record<string, unknown>[];
  /** Whether each verify set a cookie. */
  setCookie: boolean[];
  /** Verify calls that reached LoginRadius. */
  upstream: number;
}

/** Asks for a code for `recipient`, then types the same wrong code twice. */
async function probe(
  send: string,
  verify: string,
  recipient: Record<string, string>,
  endpoint: 'verifyPhoneOtp' | 'verifyEmailOtp',
): Promise<Probe> {
  const agent = request.agent(t.app);
  await agent.post(send).send(recipient).expect(200, { sent: true });
  const before = t.emulator.calls[endpoint];
  const answers = [
    await agent.post(verify).send({ otp: WRONG }),
    await agent.post(verify).send({ otp: WRONG }),
  ];
  return {
    shapes: answers.map(answerShape),
    setCookie: answers.map((res) => res.headers['set-cookie'] !== undefined),
    upstream: t.emulator.calls[endpoint] - before,
  };
}

/** Every account's two refusals went to LoginRadius and look the same as the first's. */
function expectAlike(probes: Probe[]): void {
  for (const p of probes) {
    expect(p.shapes[0]!.status).toBe(401);
    expect(p.upstream).toBe(2);
    expect(p.setCookie).toEqual(probes[0]!.setCookie);
    expect(p.shapes).toEqual(probes[0]!.shapes);
  }
}

test('SMS: a known, an unknown, an unverified and a blocked phone answer a retyped code alike', async () => {
  const probes = [];
  for (const phone of [
    '+14155550101', // Ada: known and usable (LoginRadius says 1067, wrong code)
    '+14155550177', // nobody's
    '+14155550103', // Linus: phone not verified
    '+14155550104', // Mallory: blocked
  ]) {
    probes.push(await probe('/auth/otp', '/auth/otp/verify', { phone }, 'verifyPhoneOtp'));
  }
  expectAlike(probes);
});

test('emailed code: a known, an unknown and a blocked account answer a retyped code alike', async () => {
  const probes = [];
  for (const recipient of [
    { email: 'ada@example.com' } as Record<string, string>,
    { email: 'nobody@example.com' },
    { username: 'nobody' },
    { email: 'mallory@example.com' },
  ]) {
    probes.push(await probe('/auth/link', '/auth/link/verify', recipient, 'verifyEmailOtp'));
  }
  expectAlike(probes);
});

test("each retype counts toward the flow's cap, for an unknown account too", async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/otp').send({ phone: '+14155550177' }).expect(200);
  const before = t.emulator.calls.verifyPhoneOtp;
  for (let i = 0; i < 6; i += 1) {
    await agent.post('/auth/otp/verify').send({ otp: WRONG }).expect(401);
  }
  // Five wrong codes a flow, retyped or not; the sixth is refused without asking.
  expect(t.emulator.calls.verifyPhoneOtp - before).toBe(5);
  expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });
});
