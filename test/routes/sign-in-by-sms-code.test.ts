/**
 * A person signs in with a one-time code by SMS: send → outbox → enter the code
 * (the phone comes from the session) → signed in → protected route → logout.
 */
import request from 'supertest';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const ada = () => t.emulator.accounts[0]!;

test('a person asks for a code, enters it and reaches a protected route', async () => {
  const agent = request.agent(t.app);
  const sent = await agent.post('/auth/otp').send({ phone: ada().phone });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ sent: true });
  const otp = latestOtp(t.emulator, ada().phone!);

  const signedIn = await agent.post('/auth/otp/verify').send({ otp });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body).toMatchObject({ signedIn: true, user: { uid: ada().uid } });
  expect(JSON.stringify(signedIn.body)).not.toContain(otp);

  const me = await agent.get('/me').set('Accept', 'application/json');
  expect(me.body.uid).toBe(ada().uid);
  await agent.post('/auth/logout').set('Accept', 'application/json').expect(200);
  await agent.get('/me').set('Accept', 'application/json').expect(401);
});

test('the HTML forms redirect to the enter-code page, then to returnTo', async () => {
  const agent = request.agent(t.app);
  const grace = t.emulator.accounts[1]!;
  const sent = await agent
    .post('/auth/otp')
    .type('form')
    .send({ phone: grace.phone!, returnTo: '/settings?tab=2' });
  expect(sent.status).toBe(303);
  expect(sent.headers.location).toBe('/auth/otp/sent');
  const page = await agent.get('/auth/otp/sent');
  expect(page.status).toBe(200);
  expect(page.text).toContain('action="/auth/otp/verify"');
  expect(page.text).toContain('autocomplete="one-time-code"');

  const signedIn = await agent
    .post('/auth/otp/verify')
    .type('form')
    .send({ otp: latestOtp(t.emulator, grace.phone!) });
  expect(signedIn.status).toBe(303);
  expect(signedIn.headers.location).toBe('/settings?tab=2');
});

test('a code typed with spaces works, and a national number with defaultCountry', async () => {
  const local = await startTestApp({ requestRouter: { defaultCountry: 'US' } });
  try {
    const agent = request.agent(local.app);
    const phone = local.emulator.accounts[0]!.phone!; // +14155550101
    await agent.post('/auth/otp').send({ phone: '(415) 555-0101' }).expect(200);
    const otp = latestOtp(local.emulator, phone);
    const spaced = `${otp.slice(0, 3)} ${otp.slice(3)}`;
    const signedIn = await agent.post('/auth/otp/verify').send({ otp: spaced });
    expect(signedIn.status).toBe(200);
  } finally {
    await local.close();
  }
});

test('resend=1 sends a new code to the pending phone after the cooldown', async () => {
  const local = await startTestApp({ requestRouter: { limits: { cooldownSeconds: 1 } } });
  try {
    const agent = request.agent(local.app);
    const phone = local.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').send({ phone }).expect(200);
    const first = latestOtp(local.emulator, phone);
    const tooSoon = await agent.post('/auth/otp').send({ resend: '1' });
    expect(tooSoon.status).toBe(429);
    expect(local.emulator.calls.sendPhoneOtp).toBe(1);
    // Without a pending flow there is nothing to resend.
    await request(local.app).post('/auth/otp').send({ resend: '1' }).expect(400);
    expect(first).toMatch(/^\d{6}$/);
  } finally {
    await local.close();
  }
});
