/**
 * Cross-device sign-in behind a load balancer: device A asks on one instance,
 * device B opens the link and types the number on another, and A's poll on a
 * third picks the sign-in up. The flow record lives where every instance sees
 * it (the session store, Redis here) and the one-try and one-pickup counters
 * in Redis too, so no instance can allow what another refused.
 */
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startRedis, type RedisServer } from '../support/redis-server';
import { startInstance, type AppInstance } from './support/app-instance';
import { Browser } from './support/browser';

const APP_ORIGIN = 'http://localhost:8080';
const COOKIE_NAME = 'example.sid';

let redis: RedisServer;
let emulator: Emulator;
const instances: AppInstance[] = [];

beforeAll(async () => {
  redis = await startRedis();
  emulator = await startEmulator({
    quiet: true,
    sendLimits: false,
    accounts: [{ email: 'far@example.com' }, { email: 'wrong@example.com' }],
  });
  const env = {
    APP_ORIGIN,
    SESSION_SECRET: 'one secret shared by every instance, 32+ characters',
    REDIS_URL: redis.url,
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
  };
  const started = await Promise.allSettled(['A', 'B', 'C'].map((name) => startInstance(name, env)));
  for (const result of started) if (result.status === 'fulfilled') instances.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await emulator?.close();
  await redis?.close();
});

function linkTo(email: string): URL {
  const link = emulator.outbox.latest(email)?.link;
  if (!link) throw new Error(`no link was sent to ${email}`);
  return new URL(link);
}

test('asked on A, finished on B, picked up on C', async () => {
  const [a, b, c] = instances as [AppInstance, AppInstance, AppInstance];
  const laptop = new Browser(APP_ORIGIN, COOKIE_NAME);
  const phone = new Browser(APP_ORIGIN, COOKIE_NAME);
  const sent = await laptop.postJson(a, '/auth/link', { email: 'far@example.com' });
  expect(sent.body).toEqual({ sent: true, match: expect.stringMatching(/^\d\d$/) });
  const link = linkTo('far@example.com');

  const offer = await phone.get(b, `/auth/callback${link.search}`);
  expect(offer.status).toBe(200);
  const finished = await phone.postJson(b, '/auth/callback', {
    vtoken: link.searchParams.get('vtoken'),
    flow: link.searchParams.get('flow'),
    match: sent.body.match,
  });
  expect(finished.body).toEqual({ signedIn: false, completedOn: 'other-device' });
  expect(phone.cookie).toBeUndefined();

  const pickup = await laptop.get(c, '/auth/link/status', { json: true });
  expect(pickup.body).toEqual({ status: 'signed_in', returnTo: '/profile' });
  const profile = await laptop.get(a, '/profile');
  expect(profile.status).toBe(200);
  expect(profile.text).toContain('far@example.com');
  // Picked up once, whichever instance is asked next.
  expect((await laptop.get(b, '/auth/link/status', { json: true })).body).toEqual({
    status: 'none',
  });
});

test('a wrong number typed on B ends the path for every instance', async () => {
  const [a, b, c] = instances as [AppInstance, AppInstance, AppInstance];
  emulator.resetCalls();
  const laptop = new Browser(APP_ORIGIN, COOKIE_NAME);
  const sent = await laptop.postJson(a, '/auth/link', { email: 'wrong@example.com' });
  const link = linkTo('wrong@example.com');
  const fields = { vtoken: link.searchParams.get('vtoken'), flow: link.searchParams.get('flow') };
  const wrongNumber = sent.body.match === '42' ? '43' : '42';
  expect(
    (
      await new Browser(APP_ORIGIN, COOKIE_NAME).postJson(b, '/auth/callback', {
        ...fields,
        match: wrongNumber,
      })
    ).status,
  ).toBe(401);
  // The right number, on yet another instance, is refused: one try for the whole site.
  expect(
    (
      await new Browser(APP_ORIGIN, COOKIE_NAME).postJson(c, '/auth/callback', {
        ...fields,
        match: sent.body.match,
      })
    ).status,
  ).toBe(401);
  expect((await laptop.get(b, '/auth/link/status', { json: true })).body).toEqual({
    status: 'expired',
  });
  expect(emulator.calls.verifyEmailToken).toBe(0);
});
