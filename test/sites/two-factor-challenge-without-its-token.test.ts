/**
 * loginradius-api.md, the login response: with two-factor on, a login answers
 * HTTP 200 with a null Profile, the all-zero GUID as access_token and a year-1
 * expiry, and that is a refusal saying two-factor is required. Without the
 * nested SecondFactorAuthenticationToken the same shape used to be taken for
 * LoginRadius failing (LR_BAD_RESPONSE missing_access_token): the browser got 503
 * instead of the uniform failure, the app an upstream_error, and the link's
 * single-use claim was given back although LoginRadius had spent the token.
 */
import request from 'supertest';
import { LoginRadiusClient } from '../../src/index';
import { startTestApp } from '../support/test-app';
import { startFakeLr } from '../support/fake-loginradius';

const CHALLENGE_WITHOUT_TOKEN = {
  Profile: null,
  access_token: '00000000-0000-0000-0000-000000000000',
  expires_in: '0001-01-01T00:00:00',
};

test('the client calls the zero-GUID / null-Profile / year-1 answer second_factor_required', async () => {
  const fake = await startFakeLr(() => ({ status: 200, body: CHALLENGE_WITHOUT_TOKEN }));
  const client = new LoginRadiusClient({ apiKey: 'k-123456', baseUrl: fake.url });
  try {
    await expect(
      client.verifyEmailToken({ verificationToken: '0123456789abcdef0123456789abcdef' }),
    ).rejects.toMatchObject({ code: 'LR_BAD_RESPONSE', reason: 'second_factor_required' });
  } finally {
    await client.close();
    await fake.close();
  }
});

test('through the routers: the uniform 401 and login_failed/second_factor_required', async () => {
  const fake = await startFakeLr(() => ({ status: 200, body: CHALLENGE_WITHOUT_TOKEN }));
  const t = await startTestApp({ client: { baseUrl: fake.url } });
  try {
    const res = await request(t.app)
      .post('/auth/callback')
      .send({ vtoken: '0123456789abcdef0123456789abcdef' });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({
      status: 401,
      code: 'VERIFY_FAILED',
    });
    expect(t.events.at(-1)).toMatchObject({
      type: 'login_failed',
      reason: 'second_factor_required',
    });
  } finally {
    await t.close();
    await fake.close();
  }
});
