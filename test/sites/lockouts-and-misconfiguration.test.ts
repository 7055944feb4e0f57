/**
 * LoginRadius's blocked and locked ErrorCodes mean one `locked` reason; a site
 * that is set up wrongly (API key, passwordless login off, verification URL
 * not on the allowed domains, voice codes not set up) must not vanish into the
 * uniform "sent": the browser's answer stays the same, the app gets a
 * `config_error` event naming the setting to fix.
 */
import request from 'supertest';
import { reasonForErrorCode } from '../../src/loginradius/error-reasons';
import { latestOtp, startTestApp } from '../support/test-app';

test.each([991, 1164, 1132, 1148, 1198, 1264])('ErrorCode %i is the locked reason', (code) => {
  expect(reasonForErrorCode(code)).toBe('locked');
});

test('an account LoginRadius locked after wrong codes: uniform 401, reason locked', async () => {
  const t = await startTestApp({
    emulator: { lockAfterWrongCodes: 2, sendLimits: false },
    requestRouter: { limits: { cooldownSeconds: 1 } },
  });
  try {
    const phone = t.emulator.accounts[0]!.phone!;
    const agent = request.agent(t.app);
    await agent.post('/auth/otp').send({ phone }).expect(200);
    const otp = latestOtp(t.emulator, phone);
    const wrong = otp === '000000' ? '111111' : '000000';
    await agent.post('/auth/otp/verify').send({ otp: wrong }).expect(401);
    await agent.post('/auth/otp/verify').send({ otp: wrong }).expect(401);
    const right = await agent.post('/auth/otp/verify').send({ otp });
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('VERIFY_FAILED');
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'locked' });
  } finally {
    await t.close();
  }
});

test.each([
  [
    'passwordless login switched off (1059)',
    { passwordlessEnabled: false },
    {},
    '/auth/link',
    { email: 'ada@example.com' },
    /passwordless login is not enabled/,
  ],
  [
    'the callback URL not on the allowed domains (1249)',
    { allowedDomains: ['elsewhere.example'] },
    {},
    '/auth/link',
    { email: 'ada@example.com' },
    /allowed domains/,
  ],
  [
    'voice codes not set up (1281)',
    { voiceOtp: false },
    {},
    '/auth/otp',
    { phone: '+14155550101', voice: '1' },
    /voice codes/,
  ],
  [
    'a wrong API key (920)',
    {},
    { apiKey: 'not-the-key' },
    '/auth/link',
    { email: 'ada@example.com' },
    /API key is invalid/,
  ],
] as const)(
  '%s: "sent" for the browser, config_error for the app',
  async (_name, emulator, client, route, body, setting) => {
    const t = await startTestApp({ emulator, client });
    try {
      const res = await request(t.app).post(route).send(body);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { sent: true } });
      const event = t.events.at(-1)!;
      expect(event.type).toBe('config_error');
      expect(event.setting).toMatch(setting);
    } finally {
      await t.close();
    }
  },
);

test('a misconfigured verify fails uniformly and still reports the setting', async () => {
  const t = await startTestApp({ emulator: { passwordlessEnabled: false } });
  try {
    const res = await request(t.app)
      .post('/auth/callback')
      .send({ vtoken: '0123456789abcdef0123456789abcdef' });
    expect(res.status).toBe(401);
    expect(t.events.at(-1)).toMatchObject({ type: 'login_failed', reason: 'site_misconfigured' });
  } finally {
    await t.close();
  }
});
