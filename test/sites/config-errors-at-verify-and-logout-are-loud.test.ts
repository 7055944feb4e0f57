/**
 * loginradius-api.md (Errors): configuration errors (920/922/901 API key, 1059,
 * 1249, 1281) mean the site is set up wrongly, and the developer must hear of
 * them loudly even though the browser's answer stays uniform. Sends reported
 * them as `config_error`; a verify (link or code) and a logout used to report
 * only `login_failed` (site_misconfigured, no `setting`) or `upstream_error`, and
 * each such code verify counted as a wrong code against the person.
 */
import request from 'supertest';
import { startTestApp } from '../support/test-app';
import { loginAnswer, lrError, startFakeLr } from '../support/fake-loginradius';

const VERIFY = '/identity/v2/auth/login/passwordlesslogin/email/verify';

test.each([
  [1059, /passwordless/i],
  [920, /API key/],
  [901, /API key/],
])('a link verify answered %i reports config_error naming the setting', async (code, setting) => {
  const fake = await startFakeLr((call) =>
    call.path === VERIFY
      ? lrError(code, code === 920 ? 400 : 403)
      : { status: 200, body: { IsPosted: true } },
  );
  const t = await startTestApp({ client: { baseUrl: fake.url } });
  try {
    const res = await request(t.app)
      .post('/auth/callback')
      .send({ vtoken: '0123456789abcdef0123456789abcdef' });
    expect(res.status).toBe(401); // the browser's answer stays uniform
    const loud = t.events.find((e) => e.type === 'config_error');
    expect(loud?.setting).toMatch(setting);
  } finally {
    await t.close();
    await fake.close();
  }
});

test('a code verify answered 1059 reports config_error', async () => {
  const fake = await startFakeLr((call) =>
    call.method === 'PUT'
      ? lrError(1059)
      : { status: 200, body: { Data: { AccountSid: 'a', Sid: 's' } } },
  );
  const t = await startTestApp({ client: { baseUrl: fake.url } });
  try {
    const agent = request.agent(t.app);
    await agent.post('/auth/otp').send({ phone: '+14155550101' }).expect(200);
    const res = await agent.post('/auth/otp/verify').send({ otp: '123456' });
    expect(res.status).toBe(401);
    expect(t.events.find((e) => e.type === 'config_error')?.setting).toMatch(/passwordless/i);
  } finally {
    await t.close();
    await fake.close();
  }
});

test('a logout whose invalidate is answered 920 (API key invalid) reports config_error', async () => {
  const fake = await startFakeLr((call) => {
    if (call.path === VERIFY) return loginAnswer();
    if (call.path.endsWith('/invalidate')) return lrError(920, 400);
    return { status: 200, body: { IsPosted: true } };
  });
  const t = await startTestApp({ client: { baseUrl: fake.url } });
  try {
    const agent = request.agent(t.app);
    await agent
      .post('/auth/callback')
      .send({ vtoken: '0123456789abcdef0123456789abcdef' })
      .expect(200);
    await agent.post('/auth/logout').send({}).expect(200);
    expect(t.events.find((e) => e.type === 'config_error')?.setting).toMatch(/API key/);
  } finally {
    await t.close();
    await fake.close();
  }
});
