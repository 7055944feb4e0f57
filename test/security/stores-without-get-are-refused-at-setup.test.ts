/**
 * Item 3's budgets must not fail open: express-rate-limit's Store type makes
 * get() optional, and the daily SMS budgets (and the unlocks and cross-device
 * claims) read their counts with it. A `stores` factory whose stores lack get()
 * (as several hand-written ones do) read every budget as empty: six SMS went out
 * under `smsPerIpPerDay: 2`. Such a store is now refused when the router or the
 * strategy is made, saying what is missing.
 */
import { MemoryStore, type Store } from 'express-rate-limit';
import {
  LoginRadiusClient,
  PasswordlessStrategy,
  createRequestRouter,
  createVerifyRouter,
} from '../../src/index';

/** A store with exactly the methods express-rate-limit requires. */
function storeWithoutGet(): Store {
  const inner = new MemoryStore();
  return {
    init: (options) => inner.init(options),
    increment: (key) => inner.increment(key),
    decrement: (key) => inner.decrement(key),
    resetKey: (key) => inner.resetKey(key),
  };
}

const client = new LoginRadiusClient({ apiKey: 'key', baseUrl: 'http://127.0.0.1:9' });
afterAll(() => client.close());

test.each([
  [
    'createRequestRouter',
    () =>
      createRequestRouter({
        client,
        callbackUrl: 'http://app.test/auth/callback',
        stores: storeWithoutGet,
      }),
  ],
  [
    'createVerifyRouter',
    () => createVerifyRouter({ client, crossDevice: true, stores: storeWithoutGet }),
  ],
  [
    'PasswordlessStrategy',
    () => new PasswordlessStrategy({ client, stores: storeWithoutGet }, async (login) => login),
  ],
])('%s refuses a stores factory whose stores have no get()', (_name, make) => {
  expect(make).toThrow(expect.objectContaining({ code: 'ERR_PASSWORDLESS_OPTIONS' }));
  expect(make).toThrow(/get\(\)/);
});

test('MemoryStore (the default) and stores with get() are taken', () => {
  expect(() =>
    createRequestRouter({
      client,
      callbackUrl: 'http://app.test/auth/callback',
      stores: () => new MemoryStore(),
    }),
  ).not.toThrow();
});
