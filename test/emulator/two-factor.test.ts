import { startEmulator, type Emulator } from '../../src/emulator';
import {
  PATHS,
  TWO_FACTOR_CHALLENGE,
  call,
  expectLoginRadiusError,
  manualClock,
  putJson,
  sendLink,
  sendOtp,
} from './helpers';

const SECURE = { email: 'secure@example.com', username: 'secure', phone: '+14155550160' };

describe('accounts with two-factor login (twoFactor: true)', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      clock,
      sendLimits: false,
      accounts: [
        { email: 'ada@example.com', phone: '+14155550101' },
        { ...SECURE, twoFactor: true },
      ],
    });
  });
  afterAll(() => emulator.close());

  it('a link login answers the challenge, exactly, with HTTP 200', async () => {
    const token = await sendLink(emulator, SECURE.email);
    const answer = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(TWO_FACTOR_CHALLENGE);
    expect(answer.body.SecondFactorAuthentication.ExpireIn).toBe(
      new Date(clock() + 10 * 60_000).toISOString(),
    );
  });

  it('spends the link, as LoginRadius consumed it (1062 the second time)', async () => {
    const token = await sendLink(emulator, SECURE.email);
    await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token }),
      1062,
    );
  });

  it('an SMS code login answers the challenge and spends the code (1068 the second time)', async () => {
    const otp = await sendOtp(emulator, SECURE.phone);
    const body = putJson({ phone: SECURE.phone, otp });
    const answer = await call(emulator, PATHS.verifyPhoneOtp, {}, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(TWO_FACTOR_CHALLENGE);
    expectLoginRadiusError(await call(emulator, PATHS.verifyPhoneOtp, {}, body), 1068);
  });

  it('issues no access token and sends no welcome email', async () => {
    const token = await sendLink(emulator, SECURE.email);
    await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: token,
      welcomeemailtemplate: 'welcome',
    });
    expect(emulator.outbox.latest(SECURE.email)?.kind).toBe('passwordless_link');
    expectLoginRadiusError(
      await call(emulator, PATHS.validateAccessToken, {
        access_token: TWO_FACTOR_CHALLENGE.access_token,
      }),
      905,
    );
  });

  it('gives every challenge its own token', async () => {
    const first = await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: await sendLink(emulator, SECURE.email),
    });
    const second = await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: await sendLink(emulator, SECURE.email),
    });
    expect(first.body.SecondFactorAuthentication.SecondFactorAuthenticationToken).not.toBe(
      second.body.SecondFactorAuthentication.SecondFactorAuthenticationToken,
    );
  });

  it('leaves other accounts logging in normally', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    const answer = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(answer.body.Profile.Email).toEqual([{ Type: 'Primary', Value: 'ada@example.com' }]);
  });

  it('is shown on the account and in the control API, and can be set there', async () => {
    expect(emulator.accounts.find((account) => account.email === SECURE.email)?.twoFactor).toBe(
      true,
    );
    const listed = (await (await fetch(`${emulator.url}/emulator/accounts`)).json()) as {
      twoFactor: boolean;
    }[];
    expect(listed.map((account) => account.twoFactor)).toEqual([false, true]);
    const created = await fetch(`${emulator.url}/emulator/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'mfa@example.com', twoFactor: true }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: 'mfa@example.com', twoFactor: true });
    const token = await sendLink(emulator, 'mfa@example.com');
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token })).body,
    ).toEqual(TWO_FACTOR_CHALLENGE);
  });

  it('refuses a twoFactor that is not a boolean', () => {
    expect(() =>
      emulator.addAccount({ email: 'x@example.com', twoFactor: 'yes' as never }),
    ).toThrow(/`twoFactor` of x@example.com must be a boolean/);
  });
});
