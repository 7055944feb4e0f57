/**
 * Someone floods the sign-in routes with requests that are refused (security.md
 * item 34): cross-site POSTs (403), malformed input (400), codes and links
 * without a sign-in in progress (401) and sends past the limits (429). Each came
 * without a session cookie, so each must leave no session behind: before the
 * fix, the example app stored one session row per refused POST (300 POSTs, 300 rows).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import {
  startExampleApp,
  type ExampleAppProcess,
} from '../example-app/support/example-app-process';

let app: ExampleAppProcess;
beforeAll(async () => {
  app = await startExampleApp({ RESEND_COOLDOWN_SECONDS: '60' });
});
afterAll(async () => app?.stop());

function storedSessions(): number {
  const db = new Database(join(app.dataDir, 'sessions.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS count FROM sessions').get() as { count: number }).count;
  } finally {
    db.close();
  }
}

test('300 refused POSTs without a cookie store no session', async () => {
  const before = storedSessions();
  const statuses = new Map<number, number>();
  const refusals: (() => request.Test)[] = [
    () =>
      request(app.url)
        .post('/auth/link')
        .set('Origin', 'https://evil.example')
        .type('form')
        .send({ email: 'ada@example.com' }),
    () => request(app.url).post('/auth/link').type('form').send({ email: 'not an email' }),
    () => request(app.url).post('/auth/otp').type('form').send({ phone: '12' }),
    () => request(app.url).post('/auth/otp/verify').type('form').send({ otp: '123456' }),
    () =>
      request(app.url)
        .post('/auth/callback')
        .type('form')
        .send({ vtoken: '0123456789abcdef0123456789abcdef' }),
    () =>
      request(app.url)
        .post('/auth/logout')
        .set('Sec-Fetch-Site', 'cross-site')
        .type('form')
        .send({}),
  ];
  for (let i = 0; i < 300; i += 1) {
    const res = await refusals[i % refusals.length]!().redirects(0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect(res.headers['set-cookie']).toBeUndefined();
  }
  // A send refused by the cooldown: the first send to a phone is accepted (and stores
  // its session), the next ones from fresh browsers are refused and store nothing.
  await request(app.url)
    .post('/auth/otp')
    .type('form')
    .send({ phone: '+14155550101' })
    .redirects(0);
  const afterFirstSend = storedSessions();
  for (let i = 0; i < 20; i += 1) {
    const res = await request(app.url)
      .post('/auth/otp')
      .type('form')
      .send({ phone: '+14155550101' })
      .redirects(0);
    expect(res.headers['set-cookie']).toBeUndefined();
  }
  expect(storedSessions()).toBe(afterFirstSend);
  expect(afterFirstSend).toBe(before + 1);
  // Every kind of refusal was met (forms are answered by redirects to the failure page).
  expect([...statuses.keys()].every((status) => status === 303 || status >= 400)).toBe(true);
});

test('the routers themselves store nothing for a refused request that came without a session', async () => {
  const { startReliabilityApp } = await import('../reliability/support/reliability-app');
  const t = await startReliabilityApp({ requestRouter: { limits: { perIp: 5 } } });
  try {
    const attempts = [
      () =>
        request(t.app)
          .post('/auth/link')
          .set('Origin', 'https://evil.example')
          .send({ email: 'ada@example.com' }),
      () => request(t.app).post('/auth/link').send({ email: 'nope' }),
      () => request(t.app).post('/auth/otp/verify').send({ otp: '123456' }),
      () => request(t.app).post('/auth/link/verify').send({ otp: '123456' }),
      () =>
        request(t.app).post('/auth/callback').send({ vtoken: '0123456789abcdef0123456789abcdef' }),
      () => request(t.app).get('/auth/callback?vtoken=0123456789abcdef0123456789abcdef'),
      () => request(t.app).post('/auth/otp').send({ phone: '+14155550177' }),
    ];
    for (let i = 0; i < 70; i += 1) await attempts[i % attempts.length]!();
    // The first send started a sign-in; the other sends met the cooldown (429) and the
    // per-IP limit, and like every other refusal stored nothing.
    expect(Object.keys(t.store.sessions)).toHaveLength(1);
  } finally {
    await t.close();
  }
});
