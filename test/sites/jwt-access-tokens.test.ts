/**
 * A LoginRadius site with JWT access tokens switched on hands out tokens of
 * several hundred characters (its sample is 643). Sign-in, the signed-in
 * request and logout all work with them, through the client and the routers.
 */
import request from 'supertest';
import { startClientFixture } from '../support/emulator';
import { latestToken, signInByLink, startTestApp } from '../support/test-app';

test('the client validates, reads the profile of and invalidates a JWT access token', async () => {
  const f = await startClientFixture({ accessTokenFormat: 'jwt' });
  try {
    await f.client.sendEmailLink({ email: 'ada@example.com' });
    const login = await f.client.verifyEmailToken({
      verificationToken: latestToken(f.emulator, 'ada@example.com'),
    });
    expect(login.accessToken.length).toBeGreaterThan(512);
    expect(login.accessToken.split('.')).toHaveLength(3);
    expect((await f.client.validateAccessToken(login.accessToken)).expiresAt).toEqual(
      login.expiresAt,
    );
    expect((await f.client.getProfile(login.accessToken)).Uid).toBe(login.profile.Uid);
    await expect(f.client.invalidateAccessToken(login.accessToken)).resolves.toMatchObject({
      sent: true,
    });
    await expect(f.client.validateAccessToken(login.accessToken)).rejects.toMatchObject({
      code: 'LR_ERROR',
      errorCode: 905,
    });
  } finally {
    await f.close();
  }
});

test('through the routers: sign in, a signed-in request, then logout ends the JWT', async () => {
  const t = await startTestApp({ emulator: { accessTokenFormat: 'jwt' } });
  try {
    const agent = request.agent(t.app);
    await signInByLink(agent, t.emulator, 'ada@example.com');
    const me = await agent.get('/me').set('Accept', 'application/json').expect(200);
    expect(me.body.uid).toBe(t.emulator.accounts[0]!.uid);
    await agent.post('/auth/logout').send({}).expect(200, { signedOut: true });
    expect(t.emulator.calls.invalidateAccessToken).toBe(1);
    expect(t.events.some((e) => e.reason === 'logout_invalidate_failed')).toBe(false);
    await agent.get('/me').set('Accept', 'application/json').expect(401);
  } finally {
    await t.close();
  }
});

test('an access token over 4096 characters is refused before any request', async () => {
  const f = await startClientFixture();
  try {
    const huge = `${'a'.repeat(3000)}.${'b'.repeat(1000)}.${'c'.repeat(200)}`;
    await expect(f.client.validateAccessToken(huge)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(f.emulator.calls.total).toBe(0);
  } finally {
    await f.close();
  }
});
