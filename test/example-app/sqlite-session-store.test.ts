/**
 * The example app's SQLite session store keeps express-session's Store
 * contract: get/set/touch/destroy, expiry from the cookie (or a default),
 * expired rows invisible and swept, and sessions kept across reopening the file.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleAppModule, runModuleScript } from './support/run-module';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-store-test-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

test('sessions are stored, read, touched, expired, swept and destroyed', async () => {
  const file = join(dir, 'nested', 'sessions.sqlite');
  const result = await runModuleScript(`
    import { promisify } from 'node:util';
    import { SqliteSessionStore } from '${exampleAppModule('session-store.mjs')}';
    let now = 1_000_000;
    const open = () => new SqliteSessionStore({ file: ${JSON.stringify(file)}, defaultTtlMs: 500, clock: () => now });
    let store = open();
    const call = (name, ...args) => promisify(store[name].bind(store))(...args);
    const cookie = (ms) => ({ cookie: { expires: new Date(now + ms).toISOString() } });
    const out = {};
    await call('set', 'a', { ...cookie(1000), user: 'ada' });
    await call('set', 'b', { user: 'no cookie expiry' });
    out.readBack = (await call('get', 'a')).user;
    out.missing = await call('get', 'nope');
    out.count = await call('length');
    now += 600;
    out.defaultTtlExpired = await call('get', 'b');
    await call('touch', 'a', cookie(1000));
    now += 900;
    out.touchedStillThere = (await call('get', 'a'))?.user ?? null;
    store.close();
    store = open();
    out.afterReopen = (await call('get', 'a'))?.user ?? null;
    now += 2000;
    await call('set', 'c', { ...cookie(10_000), user: 'grace' });
    out.swept = store.sweep();
    out.countAfterSweep = await call('length');
    await call('destroy', 'c');
    out.destroyed = await call('get', 'c');
    await call('set', 'd', cookie(1000));
    await call('clear');
    out.cleared = await call('length');
    store.close();
    console.log(JSON.stringify(out));
  `);
  expect(result).toEqual({
    readBack: 'ada',
    missing: null,
    count: 2,
    defaultTtlExpired: null,
    touchedStillThere: 'ada',
    afterReopen: 'ada',
    swept: 1,
    countAfterSweep: 1,
    destroyed: null,
    cleared: 0,
  });
  // The file holds access tokens: only its owner may read it.
  expect((await stat(file)).mode & 0o777).toBe(0o600);
});
