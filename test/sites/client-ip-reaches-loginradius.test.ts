/**
 * LoginRadius reads the person's IP from `X-Origin-IP`; without it everyone
 * seems to come from the app's server (and its limits and logs see one IP).
 * The client sends `originIp`; the routers pass `req.ip` on every send,
 * verify and logout unless `forwardClientIp: false`.
 */
import request from 'supertest';
import { startClientFixture } from '../support/emulator';
import { latestOtp, latestToken, startTestApp } from '../support/test-app';

test('the client sends originIp as X-Origin-IP on every kind of call', async () => {
  const f = await startClientFixture();
  try {
    await f.client.sendEmailLink({ email: 'ada@example.com' }, { originIp: '203.0.113.7' });
    const login = await f.client.verifyEmailToken(
      { verificationToken: latestToken(f.emulator, 'ada@example.com') },
      { originIp: '2001:db8::7' },
    );
    await f.client.getProfile(login.accessToken, { originIp: '203.0.113.8' });
    expect(f.emulator.requests.map((r) => r.originIp)).toEqual([
      '203.0.113.7',
      '2001:db8::7',
      '203.0.113.8',
    ]);
    await expect(
      f.client.sendEmailLink({ email: 'ada@example.com' }, { originIp: '1.2.3.4\r\nX-Evil: 1' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  } finally {
    await f.close();
  }
});

test("the routers pass the person's IP (req.ip, with trust proxy) on sends and verifies", async () => {
  const t = await startTestApp();
  t.app.set('trust proxy', 1);
  try {
    const agent = request.agent(t.app);
    const phone = t.emulator.accounts[0]!.phone!;
    await agent.post('/auth/otp').set('X-Forwarded-For', '198.51.100.23').send({ phone });
    await agent
      .post('/auth/otp/verify')
      .set('X-Forwarded-For', '198.51.100.23')
      .send({ otp: latestOtp(t.emulator, phone) })
      .expect(200);
    await agent.post('/auth/logout').set('X-Forwarded-For', '198.51.100.23').send({}).expect(200);
    expect(t.emulator.requests.map((r) => [r.endpoint, r.originIp])).toEqual([
      ['sendPhoneOtp', '198.51.100.23'],
      ['verifyPhoneOtp', '198.51.100.23'],
      ['invalidateAccessToken', '198.51.100.23'],
    ]);
  } finally {
    await t.close();
  }
});

test('forwardClientIp: false sends no X-Origin-IP', async () => {
  const t = await startTestApp({
    requestRouter: { forwardClientIp: false },
    verifyRouter: { forwardClientIp: false },
  });
  try {
    const agent = request.agent(t.app);
    await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
    await agent
      .post('/auth/callback')
      .send({ vtoken: latestToken(t.emulator, 'ada@example.com') })
      .expect(200);
    expect(t.emulator.requests.map((r) => r.originIp)).toEqual([undefined, undefined]);
  } finally {
    await t.close();
  }
});
