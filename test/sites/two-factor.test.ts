/**
 * A LoginRadius site (or account) with two-factor authentication answers a
 * passwordless verify with HTTP 200 and a challenge: `SecondFactorAuthentication`,
 * `Profile: null`, the all-zero GUID as `access_token` and a year-1 expiry.
 * That is never a login: the client says `second_factor_required`, the browser
 * gets the uniform failure, the app an event saying two-factor is on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { LoginRadiusClient } from '../../src/index';
import { startClientFixture } from '../support/emulator';
import { latestOtp, latestToken, startTestApp } from '../support/test-app';

const CHALLENGE = {
  SecondFactorAuthentication: {
    SecondFactorAuthenticationToken: 'a6c2d2b8-0b5d-4a4e-9a1c-5b7f1f3f0c11',
    ExpireIn: '2030-01-01T00:00:00Z',
    QRCode: null,
    ManualEntryCode: null,
    IsGoogleAuthenticatorVerified: false,
    IsAuthenticatorVerified: false,
    IsOTPAuthenticatorVerified: false,
  },
  Profile: null,
  access_token: '00000000-0000-0000-0000-000000000000',
  expires_in: '0001-01-01T00:00:00',
};

test('the client rejects the challenge with LR_BAD_RESPONSE, reason second_factor_required', async () => {
  const f = await startClientFixture({
    accounts: [{ email: 'secure@example.com', phone: '+14155550160', twoFactor: true }],
  });
  try {
    await f.client.sendEmailLink({ email: 'secure@example.com' });
    const token = latestToken(f.emulator, 'secure@example.com');
    await expect(f.client.verifyEmailToken({ verificationToken: token })).rejects.toMatchObject({
      code: 'LR_BAD_RESPONSE',
      reason: 'second_factor_required',
    });
    await f.client.sendPhoneOtp({ phone: '+14155550160' });
    await expect(
      f.client.verifyPhoneOtp({
        phone: '+14155550160',
        otp: latestOtp(f.emulator, '+14155550160'),
      }),
    ).rejects.toMatchObject({ reason: 'second_factor_required' });
  } finally {
    await f.close();
  }
});

/** A stand-in LoginRadius that answers every verify with `body`. */
async function answering(body: unknown): Promise<{ client: LoginRadiusClient; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new LoginRadiusClient({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}` });
  return { client, server };
}

const PROFILE = { Uid: 'u1', Email: [{ Type: 'Primary', Value: 'a@b.example' }] };
const FUTURE = new Date(Date.now() + 900_000).toISOString();

test.each([
  [
    'the challenge with a Profile and a future expiry added',
    { ...CHALLENGE, Profile: PROFILE, expires_in: FUTURE },
    'second_factor_required',
  ],
  [
    'the all-zero GUID as the token',
    { Profile: PROFILE, access_token: CHALLENGE.access_token, expires_in: FUTURE },
    'missing_access_token',
  ],
  [
    'no Profile',
    { Profile: null, access_token: 'a029e8a7-2d6f-4e1c-9d7e-a5e721e1f358', expires_in: FUTURE },
    'unexpected_shape',
  ],
  [
    'an expiry in the past',
    {
      Profile: PROFILE,
      access_token: 'a029e8a7-2d6f-4e1c-9d7e-a5e721e1f358',
      expires_in: '0001-01-01T00:00:00',
    },
    'unexpected_shape',
  ],
])('never a login, whatever else the body holds: %s', async (_name, body, reason) => {
  const { client, server } = await answering(body);
  try {
    await expect(
      client.verifyEmailToken({ verificationToken: '0123456789abcdef0123456789abcdef' }),
    ).rejects.toMatchObject({ code: 'LR_BAD_RESPONSE', reason });
  } finally {
    await client.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('through the routers: the uniform failure for the browser, the reason for the app', async () => {
  const t = await startTestApp({
    emulator: {
      accounts: [{ email: 'secure@example.com', phone: '+14155550160', twoFactor: true }],
    },
  });
  try {
    const agent = request.agent(t.app);
    await agent.post('/auth/link').send({ email: 'secure@example.com' }).expect(200);
    const res = await agent
      .post('/auth/callback')
      .send({ vtoken: latestToken(t.emulator, 'secure@example.com') });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'VERIFY_FAILED' });
    const failed = t.events.at(-1)!;
    expect(failed).toMatchObject({ type: 'login_failed', reason: 'second_factor_required' });
    expect(failed.error?.message).toMatch(/two-factor authentication is on/);
    await agent.get('/me').set('Accept', 'application/json').expect(401);
  } finally {
    await t.close();
  }
});
