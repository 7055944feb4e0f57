/**
 * A sign-in's flow ends with it, so the flow's wrong-code count is forgotten
 * rather than kept for its hour: a busy server's MemoryStore does not grow by a
 * key per sign-in. What must outlive the flow stays: the code's single-use
 * claim, and the phone's counts (given back, as the code was right).
 */
import { MemoryStore } from 'express-rate-limit';
import request from 'supertest';
import type { LimitPurpose } from '../../src/index';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

const stores = new Map<LimitPurpose, MemoryStore>();
const keysOf = (purpose: LimitPurpose): string[] => [
  ...((stores.get(purpose) as unknown as { current: Map<string, unknown> }).current.keys() ?? []),
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    strategy: {
      stores: (purpose) => {
        const store = new MemoryStore();
        stores.set(purpose, store);
        return store;
      },
    },
  });
});
afterAll(async () => {
  for (const store of stores.values()) store.shutdown();
  await t.close();
});

test("after a sign-in, the flow's wrong-code count is gone and the code's claim stays", async () => {
  const phone = t.emulator.accounts[0]!.phone!;
  const agent = request.agent(t.app);
  await agent.post('/auth/otp').send({ phone }).expect(200);
  // One wrong code first, so the flow's count is not zero when the right one comes.
  await agent.post('/auth/otp/verify').send({ otp: '000000' }).expect(401);
  expect(keysOf('otp-attempts')).toHaveLength(1);
  expect(keysOf('otp-in-flight')).toHaveLength(1);

  await agent
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone) })
    .expect(200);
  expect(keysOf('otp-attempts')).toEqual([]);
  // The in-flight slot is given back (a refused parallel verify may still refund it).
  const [inFlight] = keysOf('otp-in-flight');
  expect((await stores.get('otp-in-flight')!.get(inFlight!))?.totalHits).toBe(0);
  // The right code stays claimed (the wrong one was unclaimed, so retyping it would count).
  const claims = stores.get('single-use')!;
  const held = [];
  for (const key of keysOf('single-use')) {
    if (((await claims.get(key))?.totalHits ?? 0) > 0) held.push(key);
  }
  expect(held).toHaveLength(1);
  // The phone keeps the one wrong code; the right one was given back.
  const perPhone = stores.get('otp-failures')!;
  const [key] = keysOf('otp-failures');
  expect((await perPhone.get(key!))?.totalHits).toBe(1);
});
