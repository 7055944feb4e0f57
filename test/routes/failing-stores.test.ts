/**
 * The stores behind sessions and limits fail (Redis gone): the routes answer
 * 503 in the documented shape, nothing crashes, and service returns by itself
 * when the store does — the limits store's `init` is retried, too, and what a
 * refused attempt counted goes back once even when the store fails meanwhile.
 */
import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import session from 'express-session';
import request from 'supertest';
import { CodeCounters } from '../../src/code-counters';
import { StoreUnavailableError } from '../../src/errors';
import { guardSessionStore, type LimitPurpose } from '../../src/index';
import { Limit, memoryStores } from '../../src/limits';
import { startTestApp } from '../support/test-app';

/** A MemoryStore that can be switched off, including its init (as rate-limit-redis's script load). */
class SwitchableStore implements Store {
  static down = false;
  readonly #inner = new MemoryStore();
  #initialized = false;
  localKeys = true;
  async init(options: Options): Promise<void> {
    if (SwitchableStore.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    this.#inner.init(options);
    this.#initialized = true;
  }
  #check(): void {
    if (SwitchableStore.down || !this.#initialized) throw new Error('The client is closed');
  }
  async get(key: string) {
    this.#check();
    return this.#inner.get(key);
  }
  async increment(key: string) {
    this.#check();
    return this.#inner.increment(key);
  }
  async decrement(key: string) {
    this.#check();
    return this.#inner.decrement(key);
  }
  async resetKey(key: string) {
    this.#check();
    return this.#inner.resetKey(key);
  }
}

afterEach(() => {
  SwitchableStore.down = false;
});

test('a limits store that is down at startup gives 503, then recovers without a restart', async () => {
  SwitchableStore.down = true;
  const stores = (purpose: LimitPurpose) =>
    purpose === 'cooldown' ? new SwitchableStore() : memoryStores(purpose);
  const t = await startTestApp({ requestRouter: { stores } });
  try {
    const down = await request(t.app).post('/auth/link').send({ email: 'ada@example.com' });
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
    expect(t.emulator.calls.total).toBe(0);
    SwitchableStore.down = false;
    await request(t.app).post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  } finally {
    await t.close();
  }
});

test('wrong-code counters in a failing store give 503 on verify, not a login', async () => {
  const stores = (purpose: LimitPurpose) =>
    purpose === 'otp-attempts' ? new SwitchableStore() : memoryStores(purpose);
  const t = await startTestApp({ strategy: { stores } });
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').send({ phone }).expect(200);
    SwitchableStore.down = true;
    const otp = t.emulator.outbox.latest(phone)!.otp!;
    const res = await agent.post('/auth/otp/verify').send({ otp });
    expect(res.status).toBe(503);
    expect(t.emulator.calls.verifyPhoneOtp).toBe(0);
    SwitchableStore.down = false;
    await agent.post('/auth/otp/verify').send({ otp }).expect(200);
  } finally {
    await t.close();
  }
});

test('a guarded session store that fails gives 503 through errorHandler, then recovers', async () => {
  const inner = new session.MemoryStore();
  let failing = false;
  const realGet = inner.get.bind(inner);
  inner.get = (sid, callback) =>
    failing ? callback(new Error('ECONNRESET')) : realGet(sid, callback);
  const store = guardSessionStore(inner);
  const t = await startTestApp({
    sessionStore: store,
  });
  try {
    const agent = request.agent(t.app);
    await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
    failing = true;
    const res = await agent.post('/auth/link').send({ email: 'grace@example.com' });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
    failing = false;
    // The same browser is served again (by SMS: its email cooldown still runs).
    await agent.post('/auth/otp').send({ phone: t.emulator.accounts[1]!.phone }).expect(200);
  } finally {
    await t.close();
  }
});

test('a limits store whose init throws before returning a promise is tried again on the next call', async () => {
  let inits = 0;
  class ThrowsOnFirstInit extends MemoryStore {
    override init(options: Options): void {
      inits += 1;
      if (inits === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      super.init(options);
    }
  }
  const limit = new Limit('send-ip', 5, 60_000, () => new ThrowsOnFirstInit());
  await expect(limit.hit('203.0.113.1')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(limit.hit('203.0.113.1')).resolves.toMatchObject({ allowed: true, hits: 1 });
  expect(inits).toBe(2);
});

test('a refusal whose give-back fails halfway gives back each hit once, not twice', async () => {
  const refunds = new Map<LimitPurpose, number>();
  let failRefunds = false;
  const stores = (purpose: LimitPurpose): Store => {
    const store = new MemoryStore();
    const decrement = store.decrement.bind(store);
    store.decrement = async (key: string) => {
      refunds.set(purpose, (refunds.get(purpose) ?? 0) + 1);
      if (failRefunds && purpose === 'otp-failures') throw new Error('The client is closed');
      return decrement(key);
    };
    return store;
  };
  const counters = new CodeCounters({
    maxPerFlow: 5,
    maxPerIdentifierAndIp: 10,
    perIdentifierAndIpWindowMs: 3_600_000,
    maxPerIdentifier: 100,
    perIdentifierWindowMs: 86_400_000,
    stores,
  });
  const first = await counters.take('flow-1', 'phone:+14155550101', '203.0.113.1', '123456');
  if ('reason' in first) throw new Error(`the first attempt was refused: ${first.reason}`);
  await first.succeeded(); // LoginRadius signed in with the code: its claim stays
  refunds.clear();
  failRefunds = true;
  // The same code again: refused as used, and everything it counted goes back.
  await expect(
    counters.take('flow-1', 'phone:+14155550101', '203.0.113.1', '123456'),
  ).rejects.toBeInstanceOf(StoreUnavailableError);
  expect(Object.fromEntries(refunds)).toEqual({
    'otp-in-flight': 1,
    'otp-attempts': 1,
    'otp-failures-ip': 1,
    'otp-failures': 1,
    'single-use': 1,
  });
});
