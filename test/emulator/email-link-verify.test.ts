import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, manualClock, sendLink } from './helpers';

describe('verifying a login link', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, clock, linkTokenTtlSeconds: 600 });
  });
  afterAll(() => emulator.close());

  it('answers the login response: Profile, access token, ISO expiry and refresh token', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    const answer = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(answer.status).toBe(200);
    const ada = emulator.accounts.find((account) => account.email === 'ada@example.com');
    expect(answer.body).toEqual({
      Profile: ada?.profile,
      access_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expires_in: new Date(clock() + 900_000).toISOString(),
      refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(answer.body.Profile).toMatchObject({
      Uid: ada?.uid,
      Email: [{ Type: 'Primary', Value: 'ada@example.com' }],
      PhoneId: '+14155550101',
      FullName: 'Ada Lovelace',
    });
  });

  it('answers only the Profile keys named in fields, in their canonical spelling', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    const answer = await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: token,
      fields: 'uid, EMAIL,phoneid,NoSuchKey',
    });
    expect(Object.keys(answer.body.Profile).sort()).toEqual(['Email', 'PhoneId', 'Uid']);
  });

  it('answers 1062 when the token was already used', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token })).status,
    ).toBe(200);
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token }),
      1062,
    );
  });

  it('answers 1063 for an unknown or missing token', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: 'f'.repeat(64) }),
      1063,
    );
    expectLoginRadiusError(await call(emulator, PATHS.verifyEmailToken), 1063);
  });

  it('answers 975 once the token has outlived its lifetime, and not before', async () => {
    const early = await sendLink(emulator, 'ada@example.com');
    const late = await sendLink(emulator, 'ada@example.com');
    clock.advance(600_000 - 1);
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: early })).status,
    ).toBe(200);
    clock.advance(1);
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: late }),
      975,
    );
  });

  it('keeps older links working when a new one is sent', async () => {
    const first = await sendLink(emulator, 'ada@example.com');
    await sendLink(emulator, 'ada@example.com');
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: first })).status,
    ).toBe(200);
  });

  it('answers 991 when the account was blocked after the link was sent, and leaves the token unspent', async () => {
    const token = await sendLink(emulator, 'grace@example.com');
    emulator.blockAccount('grace@example.com');
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token }),
      991,
    );
    emulator.blockAccount('grace@example.com', false);
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token })).status,
    ).toBe(200);
  });

  it('sends a welcome email when a welcome template is named', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: token,
      welcomeemailtemplate: 'hello',
    });
    expect(emulator.outbox.latest()).toEqual({
      channel: 'email',
      kind: 'welcome',
      to: 'ada@example.com',
      template: 'hello',
      sentAt: new Date(clock()).toISOString(),
    });
  });

  it('sends no welcome email without a template', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');
  });
});
