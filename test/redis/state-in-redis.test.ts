/**
 * Two app instances share one Redis for sessions (connect-redis 9 + redis 5)
 * and for every counter (rate-limit-redis), as docs/scaling.md ("Running several
 * instances") shows: a code asked for on A is entered on B, wrong codes
 * on A and B count together, the resend cooldown holds across instances, and a
 * Redis that goes away gives 503s until it is back, with no restart.
 */
import { RedisStore as SessionStore } from 'connect-redis';
import session from 'express-session';
import { RedisStore as LimitStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import request from 'supertest';
import { guardSessionStore } from '../../src/index';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startRedis, type RedisServer } from '../support/redis-server';
import { startTestApp, type TestApp } from '../support/test-app';

let redisServer: RedisServer;
let emulator: Emulator;
const clients: ReturnType<typeof createClient>[] = [];
let a: TestApp;
let b: TestApp;

async function instance(): Promise<TestApp> {
  const redis = createClient({
    url: redisServer.url,
    // Fail fast while Redis is away (answer 503) rather than queue requests forever.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 500), connectTimeout: 1000 },
  });
  redis.on('error', () => undefined); // reconnects by itself; failures surface per request
  await redis.connect();
  clients.push(redis);
  const stores = () =>
    new LimitStore({
      sendCommand: (...args: string[]) => redis.sendCommand(args),
      prefix: 'plp:',
    });
  return startTestApp({
    emulatorInstance: emulator,
    strategy: { stores, maxOtpAttempts: 3 },
    requestRouter: { stores },
    verifyRouter: { stores },
    sessionMiddleware: session({
      secret: 'shared secret',
      resave: false,
      saveUninitialized: false,
      store: guardSessionStore(new SessionStore({ client: redis, prefix: 'plp:sess:' })),
    }),
  });
}

beforeAll(async () => {
  redisServer = await startRedis();
  emulator = await startEmulator({ quiet: true, sendLimits: false });
  a = await instance();
  b = await instance();
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  for (const client of clients) await client.quit().catch(() => client.destroy());
  await emulator?.close();
  await redisServer?.close();
});

/** Carries one browser's cookie from instance to instance. */
function browser() {
  let cookie = '';
  return async (app: TestApp, path: string, body?: object): Promise<request.Response> => {
    const req = body
      ? request(app.app).post(path).send(body)
      : request(app.app).get(path).set('Accept', 'application/json');
    if (cookie) req.set('Cookie', cookie);
    const res = await req;
    const set = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('connect.sid='));
    if (set) cookie = set.split(';')[0]!;
    return res;
  };
}

test('a code asked for on A is entered on B, and the session is read on A', async () => {
  const go = browser();
  const phone = emulator.accounts[0]!.phone!;
  expect((await go(a, '/auth/otp', { phone })).status).toBe(200);
  const otp = emulator.outbox.latest(phone)!.otp!;
  expect((await go(b, '/auth/otp/verify', { otp })).status).toBe(200);
  const me = await go(a, '/me');
  expect(me.status).toBe(200);
  expect(me.body.uid).toBe(emulator.accounts[0]!.uid);
});

test('wrong codes on A and B count together toward the lock', async () => {
  const go = browser();
  const phone = emulator.accounts[1]!.phone!;
  await go(a, '/auth/otp', { phone });
  const otp = emulator.outbox.latest(phone)!.otp!;
  const wrong = otp === '000000' ? '111111' : '000000';
  expect((await go(a, '/auth/otp/verify', { otp: wrong })).status).toBe(401);
  expect((await go(b, '/auth/otp/verify', { otp: wrong })).status).toBe(401);
  expect((await go(a, '/auth/otp/verify', { otp: wrong })).status).toBe(401);
  const calls = emulator.calls.verifyPhoneOtp;
  expect((await go(b, '/auth/otp/verify', { otp })).status).toBe(401);
  expect(emulator.calls.verifyPhoneOtp).toBe(calls);
});

test('the resend cooldown holds across instances', async () => {
  await request(a.app).post('/auth/link').send({ email: 'cooldown@example.com' }).expect(200);
  const again = await request(b.app).post('/auth/link').send({ email: 'cooldown@example.com' });
  expect(again.status).toBe(429);
  expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
});

test('stopping Redis gives 503s, starting it again restores service', async () => {
  await redisServer.stop();
  const down = await request(a.app).post('/auth/link').send({ email: 'redis-down@example.com' });
  expect(down.status).toBe(503);
  expect(down.body.error.code).toBe('UNAVAILABLE');
  await redisServer.start();
  // The clients reconnect by themselves; wait for that event rather than sleeping.
  await Promise.all(
    clients.map((c) =>
      c.isReady ? undefined : new Promise((resolve) => c.once('ready', resolve)),
    ),
  );
  await request(a.app).post('/auth/link').send({ email: 'redis-back@example.com' }).expect(200);
});
