/**
 * Attack: an operator switches sign-in by username off (docs/security.md's
 * advice against mail-bombing by username), but a browser that began a sign-in
 * by username before keeps its cookie and presses "send me a new one"
 * (`resend=1`) every cooldown. A resend goes out only on a channel that is on,
 * like a new send; with email links off altogether it is a 400, never a 500.
 */
import session from 'express-session';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps.reverse()) await app.close();
});

/** Two deployments of one site, before and after the switch, sharing sessions and LoginRadius. */
async function beforeAndAfter(after: Parameters<typeof startTestApp>[0]) {
  const store = new session.MemoryStore();
  const sessionMiddleware = session({
    store,
    secret: 'switched-off channel test',
    resave: false,
    saveUninitialized: false,
  });
  const before = await startTestApp({ sessionMiddleware });
  apps.push(before);
  const later = await startTestApp({
    ...after,
    emulatorInstance: before.emulator,
    sessionMiddleware,
  });
  apps.push(later);
  return { before, after: later };
}

function cookieOf(res: request.Response): string {
  const set = res.headers['set-cookie'] as unknown as string[];
  return set.map((c) => c.split(';')[0]).join('; ');
}

test('usernames switched off: a session that began by username gets no new link', async () => {
  const { before, after } = await beforeAndAfter({
    requestRouter: { channels: { username: false } },
  });
  const ada = before.emulator.accounts[0]!;
  const started = await request(before.app)
    .post('/auth/link')
    .send({ username: ada.username })
    .expect(200);
  const sends = before.emulator.calls.sendEmailLink;
  expect(sends).toBe(1);

  const resend = await request(after.app)
    .post('/auth/link')
    .set('Cookie', cookieOf(started))
    .send({ resend: '1' });
  expect(resend.status).toBe(400);
  expect(resend.body.error).toMatchObject({ code: 'INVALID_INPUT' });
  expect(before.emulator.calls.sendEmailLink).toBe(sends);
  // Email links are still on: the same person can start again by email.
  await request(after.app).post('/auth/link').send({ email: ada.email }).expect(200);
});

test('email links switched off altogether: a resend of an email sign-in is a 400, not a 500', async () => {
  const { before, after } = await beforeAndAfter({
    requestRouter: { channels: { email: false, username: false }, callbackUrl: undefined },
  });
  const ada = before.emulator.accounts[0]!;
  const started = await request(before.app)
    .post('/auth/link')
    .send({ email: ada.email })
    .expect(200);
  const sends = before.emulator.calls.sendEmailLink;

  const resend = await request(after.app)
    .post('/auth/link')
    .set('Cookie', cookieOf(started))
    .set('Accept', 'text/html')
    .type('form')
    .send({ resend: '1' });
  expect(resend.status).toBe(400);
  expect(resend.text).not.toMatch(/TypeError|at .*\.ts:\d+/);
  expect(before.emulator.calls.sendEmailLink).toBe(sends);
});
