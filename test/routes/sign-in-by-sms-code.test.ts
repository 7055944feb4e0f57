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

test("a test account on a reserved number (LoginRadius's sample +1 555 123 4567) signs in", async () => {
  // libphonenumber calls these numbers possible but not assigned; LoginRadius
  // decides which numbers are accounts, so the package sends and verifies them.
  const local = await startTestApp({ requestRouter: { allowedCallingCodes: ['1', '44'] } });
  try {
    for (const phone of ['+15551234567', '+447700900123']) {
      const account = local.emulator.addAccount({ email: `reserved-${phone}@example.com`, phone });
      const agent = request.agent(local.app);
      await agent.post('/auth/otp').send({ phone }).expect(200);
      const signedIn = await agent
        .post('/auth/otp/verify')
        .send({ otp: latestOtp(local.emulator, phone) });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ signedIn: true, user: { uid: account.uid } });
    }
    // The client takes them too, for apps that call it directly.
    await expect(local.client.sendPhoneOtp({ phone: '+15551234567' })).resolves.toBeDefined();
    // Neither a number too short for its country nor one with no country code is possible.
    await request(local.app).post('/auth/otp').send({ phone: '+1555123' }).expect(400);
    await request(local.app).post('/auth/otp').send({ phone: '5551234567' }).expect(400);
  } finally {
    await local.close();
  }
});

test('allowedCountries refuses a reserved number: its digits name no country', async () => {
  const local = await startTestApp({ requestRouter: { allowedCountries: ['US'] } });
  try {
    local.emulator.addAccount({ email: 'reserved-us@example.com', phone: '+15551234567' });
    const refused = await request(local.app).post('/auth/otp').send({ phone: '+15551234567' });
    expect(refused.status).toBe(400);
    expect(local.emulator.calls.sendPhoneOtp).toBe(0);
  } finally {
    await local.close();
  }
});
