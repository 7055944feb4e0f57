/**
 * The emulator answers as LoginRadius documents it by default: access tokens
 * live 15 minutes, and ErrorCode 908 (a parameter not formatted correctly) is
 * HTTP 403.
 */
import { startClientFixture } from '../support/emulator';
import { latestToken } from '../support/test-app';

test('a login through the client expires 15 minutes after it was made', async () => {
  const f = await startClientFixture();
  try {
    await f.client.sendEmailLink({ email: 'ada@example.com' });
    const before = Date.now();
    const login = await f.client.verifyEmailToken({
      verificationToken: latestToken(f.emulator, 'ada@example.com'),
    });
    const lifetime = login.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(899_000);
    expect(lifetime).toBeLessThanOrEqual(901_000);
  } finally {
    await f.close();
  }
});

test('ErrorCode 908 answers HTTP 403', async () => {
  const f = await startClientFixture();
  try {
    const res = await fetch(
      `${f.emulator.url}/identity/v2/auth/login/passwordlesslogin/otp/verify?apikey=${f.emulator.apiKey}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"phone":"+14155550101"}',
      },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { ErrorCode: number }).ErrorCode).toBe(908);
  } finally {
    await f.close();
  }
});
