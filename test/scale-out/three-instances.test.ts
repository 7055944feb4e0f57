/**
 * Three example-app instances (A, B, C), started as users start them with
 * REDIS_URL, share one redis-server and one LoginRadius emulator, as several
 * instances behind a load balancer do. Each request of a browser may land on
 * any instance; what the package keeps (the session, the pending sign-in, the
 * cooldown and wrong-code counters) must be the same wherever it lands, and a
 * Redis that goes away must give 503s, then service again, with no restart.
 */
import { startEmulator, type Emulator, type EmulatorAccount } from '../../src/emulator/index';
import { startRedis, type RedisServer } from '../support/redis-server';
import { startInstance, type AppInstance } from './support/app-instance';
import { Browser } from './support/browser';
import { until } from '../support/until';

/** The load balancer's address: what browsers open, and what every instance is told. */
const APP_ORIGIN = 'http://localhost:8080';
/** Over http the example app names its cookie this (no __Host- prefix, no Secure). */
const COOKIE_NAME = 'example.sid';
/** The package's default: the 6th code of a pending sign-in is refused whatever it is. */
const MAX_WRONG_CODES = 5;

/** One account per test, so no test's counters touch another's. */
const PEOPLE = [
  'first',
  'lockout',
  'cooldown',
  'logout',
  'signed-in',
  'pending',
  'before-outage',
  'outage',
  'revived',
];

let redis: RedisServer;
let emulator: Emulator;
let env: Record<string, string>;
const apps: Partial<Record<'A' | 'B' | 'C', AppInstance>> = {};

function app(name: 'A' | 'B' | 'C'): AppInstance {
  const instance = apps[name];
  if (!instance) throw new Error(`instance ${name} is not running`);
  return instance;
}

function person(name: string): EmulatorAccount & { phone: string } {
  const account = emulator.accounts.find((candidate) => candidate.email === `${name}@example.com`);
  if (!account?.phone) throw new Error(`no account for ${name}`);
  return account as EmulatorAccount & { phone: string };
}

function codeSentTo(phone: string): string {
  const otp = emulator.outbox.latest(phone)?.otp;
  if (!otp) throw new Error(`no code was sent to ${phone}`);
  return otp;
}

function browser(): Browser {
  return new Browser(APP_ORIGIN, COOKIE_NAME);
}

/** Asks for a code on one instance and enters it on another, by JSON. */
async function signIn(who: Browser, phone: string, askOn: AppInstance, enterOn: AppInstance) {
  expect((await who.postJson(askOn, '/auth/otp', { phone })).status).toBe(200);
  const entered = await who.postJson(enterOn, '/auth/otp/verify', { otp: codeSentTo(phone) });
  expect(entered.status).toBe(200);
  expect(entered.body.signedIn).toBe(true);
}

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator({
    quiet: true,
    sendLimits: false,
    accounts: PEOPLE.map((name, index) => ({
      email: `${name}@example.com`,
      phone: `+1415555011${index}`,
    })),
  });
  env = {
    APP_ORIGIN,
    SESSION_SECRET: 'one secret shared by every instance, 32+ characters',
    REDIS_URL: redis.url,
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
  };
  const names = ['A', 'B', 'C'] as const;
  const started = await Promise.allSettled(names.map((name) => startInstance(name, env)));
  // Keep every instance that did start, so afterAll stops it even if another failed.
  started.forEach((result, index) => {
    if (result.status === 'fulfilled') apps[names[index]!] = result.value;
  });
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(apps).map((instance) => instance?.stop()));
  await emulator?.close();
  await redis?.close();
});

test('every instance keeps sessions and counters in Redis and says so at start', () => {
  for (const instance of [app('A'), app('B'), app('C')]) {
    expect(instance.output()).toContain(`sessions: Redis at ${redis.url}`);
    expect(instance.output()).toContain(`limits and counters: Redis at ${redis.url}`);
  }
});

test('a code asked for on A is entered on B, and the profile is read on C', async () => {
  const { phone, uid } = person('first');
  const ada = browser();
  const asked = await ada.postForm(app('A'), '/auth/otp', { phone });
  expect(asked.status).toBe(303);
  expect(asked.headers.location).toBe('/enter-code');

  // B shows the pending sign-in that A started.
  const page = await ada.get(app('B'), '/enter-code');
  expect(page.status).toBe(200);
  expect(page.text).toContain(phone);

  const entered = await ada.postForm(app('B'), '/auth/otp/verify', { otp: codeSentTo(phone) });
  expect(entered.status).toBe(303);
  expect(entered.headers.location).toBe('/profile');

  const profile = await ada.get(app('C'), '/profile');
  expect(profile.status).toBe(200);
  expect(profile.text).toContain(`>${uid}<`);
});

test('wrong codes on A and B count together: then even the right code on C is refused, unsent', async () => {
  const { phone } = person('lockout');
  const eve = browser();
  expect((await eve.postJson(app('A'), '/auth/otp', { phone })).status).toBe(200);
  const otp = codeSentTo(phone);
  const wrong = otp === '000000' ? '111111' : '000000';
  const before = emulator.calls.verifyPhoneOtp;
  for (const name of ['A', 'A', 'A', 'B', 'B'] as const) {
    const refused = await eve.postJson(app(name), '/auth/otp/verify', { otp: wrong });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('VERIFY_FAILED');
  }
  expect(emulator.calls.verifyPhoneOtp).toBe(before + MAX_WRONG_CODES);

  const right = await eve.postJson(app('C'), '/auth/otp/verify', { otp });
  expect(right.status).toBe(401);
  expect(right.body.error.code).toBe('VERIFY_FAILED');
  expect(emulator.calls.verifyPhoneOtp).toBe(before + MAX_WRONG_CODES);
  expect((await eve.get(app('C'), '/profile')).headers.location).toBe('/');
});

test('the resend cooldown holds across instances', async () => {
  const { phone } = person('cooldown');
  const sends = emulator.calls.sendPhoneOtp;
  const first = browser();
  expect((await first.postJson(app('A'), '/auth/otp', { phone })).status).toBe(200);

  const resent = await first.postJson(app('B'), '/auth/otp', { resend: '1' });
  expect(resent.status).toBe(429);
  expect(resent.body.error.code).toBe('RATE_LIMITED');
  expect(Number(resent.headers['retry-after'])).toBeGreaterThan(0);
  // A fresh cookie on a third instance does not escape it either.
  const other = await browser().postJson(app('C'), '/auth/otp', { phone });
  expect(other.status).toBe(429);

  expect(emulator.calls.sendPhoneOtp).toBe(sends + 1);
});

test('logout on C ends the session on A and B', async () => {
  const { phone } = person('logout');
  const bob = browser();
  await signIn(bob, phone, app('A'), app('A'));
  expect((await bob.get(app('A'), '/profile')).status).toBe(200);
  expect((await bob.get(app('B'), '/profile')).status).toBe(200);
  const signedInCookie = bob.cookie;
  const invalidations = emulator.calls.invalidateAccessToken;

  const out = await bob.postJson(app('C'), '/auth/logout', {});
  expect(out.status).toBe(200);
  expect(out.body).toEqual({ signedOut: true });
  expect(bob.cookie).toBeUndefined();
  expect(emulator.calls.invalidateAccessToken).toBe(invalidations + 1);

  // Replaying the old cookie anywhere is signed out.
  bob.cookie = signedInCookie;
  for (const name of ['A', 'B'] as const) {
    const profile = await bob.get(app(name), '/profile', { json: true });
    expect(profile.status).toBe(401);
    expect(profile.body.error.code).toBe('UNAUTHENTICATED');
  }
});

test('a send in flight on A when the session signs out on C does not save it back', async () => {
  const { phone } = person('revived');
  const victim = browser();
  await signIn(victim, phone, app('A'), app('A'));
  const attacker = browser();
  attacker.cookie = victim.cookie; // stolen
  emulator.inject({ endpoint: 'sendPhoneOtp', type: 'latency', ms: 300, times: 1 });
  const sends = emulator.calls.sendPhoneOtp;
  const sending = attacker.postJson(app('A'), '/auth/otp', { phone: '+14155550177' });
  await until(() => emulator.calls.sendPhoneOtp === sends + 1, 'the send to reach LoginRadius');
  expect((await victim.postJson(app('C'), '/auth/logout', {})).status).toBe(200);

  expect((await sending).status).toBe(200);
  for (const name of ['A', 'B'] as const) {
    expect((await attacker.get(app(name), '/profile', { json: true })).status).toBe(401);
  }
});

test('killing an instance and starting it again loses no session and no pending sign-in', async () => {
  const signedIn = browser();
  await signIn(signedIn, person('signed-in').phone, app('B'), app('C'));
  const pending = browser();
  const { phone } = person('pending');
  expect((await pending.postJson(app('A'), '/auth/otp', { phone })).status).toBe(200);

  const { port } = app('A');
  await app('A').stop('SIGKILL');
  apps.A = await startInstance('A', env, { port });

  const profile = await signedIn.get(app('A'), '/profile');
  expect(profile.status).toBe(200);
  expect(profile.text).toContain(`>${person('signed-in').uid}<`);
  const entered = await pending.postJson(app('A'), '/auth/otp/verify', { otp: codeSentTo(phone) });
  expect(entered.status).toBe(200);
  expect(entered.body.user.uid).toBe(person('pending').uid);
});

test('with Redis stopped every instance answers 503; started again, they serve with no restart', async () => {
  const instances = [app('A'), app('B'), app('C')];
  const signedIn = browser();
  await signIn(signedIn, person('before-outage').phone, app('C'), app('A'));

  const gone = instances.map((instance) => instance.nextLine(/Redis at .* is unreachable/));
  await redis.stop();
  await Promise.all(gone);
  const sends = emulator.calls.sendPhoneOtp;
  for (const instance of instances) {
    const page = await signedIn.get(instance, '/profile');
    expect(page.status).toBe(503);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('Sign-in is temporarily unavailable');

    const json = await signedIn.get(instance, '/profile', { json: true });
    expect(json.status).toBe(503);
    expect(json.body.error.code).toBe('UNAVAILABLE');

    const send = await browser().postJson(instance, '/auth/otp', { phone: person('outage').phone });
    expect(send.status).toBe(503);
    expect(send.body.error.code).toBe('UNAVAILABLE');
  }
  // No counter could be checked, so no SMS went out.
  expect(emulator.calls.sendPhoneOtp).toBe(sends);

  const back = instances.map((instance) => instance.nextLine(/Redis at .* is back/));
  await redis.start();
  await Promise.all(back);
  // The test's redis-server keeps nothing on disk, so sign in again: A, B, C all serve.
  const again = browser();
  await signIn(again, person('outage').phone, app('A'), app('B'));
  const profile = await again.get(app('C'), '/profile');
  expect(profile.status).toBe(200);
  expect(profile.text).toContain(`>${person('outage').uid}<`);
});
