import { startEmulator, type Emulator } from '../../src/emulator';
import {
  PATHS,
  TWO_FACTOR_CHALLENGE,
  call,
  expectLoginRadiusError,
  manualClock,
  postJson,
  sendEmailOtp,
  sendLink,
} from './helpers';

const ADA = 'ada@example.com';

describe('verifying an emailed code (…/email/verifyotp and …/username/verifyotp)', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      clock,
      sendLimits: false,
      otpTtlSeconds: 120,
      emailToken: 'both',
    });
  });
  afterAll(() => emulator.close());

  const byEmail = (body: unknown, query: Record<string, string> = {}) =>
    call(emulator, PATHS.verifyEmailOtpByEmail, query, postJson(body));
  const byUsername = (body: unknown, query: Record<string, string> = {}) =>
    call(emulator, PATHS.verifyEmailOtpByUsername, query, postJson(body));

  it('by email answers the standard login response', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    const answer = await byEmail({ email: ADA, otp });
    expect(answer.status).toBe(200);
    const ada = emulator.accounts.find((account) => account.email === ADA);
    expect(answer.body).toEqual({
      Profile: ada?.profile,
      access_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expires_in: new Date(clock() + 900_000).toISOString(),
      refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const validated = await call(emulator, PATHS.validateAccessToken, {
      access_token: answer.body.access_token,
    });
    expect(validated.status).toBe(200);
  });

  it('by username answers the login response, projected by fields', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    const answer = await byUsername({ username: 'ADA', otp }, { fields: 'uid,Email' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.Profile).sort()).toEqual(['Email', 'Uid']);
  });

  it('matches body and query keys case-insensitively and takes a numeric code', async () => {
    let otp = await sendEmailOtp(emulator, ADA);
    // A number cannot carry a leading zero.
    while (otp.startsWith('0')) otp = await sendEmailOtp(emulator, ADA);
    const answer = await byEmail({ EMAIL: 'Ada@Example.com', Otp: Number(otp) }, { FIELDS: 'Uid' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.Profile)).toEqual(['Uid']);
  });

  it('sends a welcome email when the body names a template', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    await byEmail({ email: ADA, otp, welcomeemailtemplate: 'hello' });
    expect(emulator.outbox.latest()).toMatchObject({ kind: 'welcome', template: 'hello', to: ADA });
  });

  it('answers 1068 when the code is used again', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    expect((await byEmail({ email: ADA, otp })).status).toBe(200);
    expectLoginRadiusError(await byEmail({ email: ADA, otp }), 1068);
    expectLoginRadiusError(await byUsername({ username: 'ada', otp }), 1068);
  });

  it('answers 1067 for a wrong code, without spending the right one', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    const wrong = otp === '000000' ? '000001' : '000000';
    expectLoginRadiusError(await byEmail({ email: ADA, otp: wrong }), 1067);
    expect((await byEmail({ email: ADA, otp })).status).toBe(200);
  });

  it('answers 1069 once the code has expired (otpTtlSeconds), and not before', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    clock.advance(120_000 - 1);
    const grace = await sendEmailOtp(emulator, 'grace@example.com');
    clock.advance(1);
    expectLoginRadiusError(await byEmail({ email: ADA, otp }), 1069);
    expect((await byUsername({ username: 'grace', otp: grace })).status).toBe(200);
  });

  it('replaces the old code with a new send, while the old link stays valid', async () => {
    const old = await sendEmailOtp(emulator, ADA);
    const oldLink = emulator.outbox.latest(ADA)?.token ?? '';
    let fresh = await sendEmailOtp(emulator, ADA);
    while (fresh === old) fresh = await sendEmailOtp(emulator, ADA);
    expectLoginRadiusError(await byEmail({ email: ADA, otp: old }), 1067);
    expect((await byEmail({ email: ADA, otp: fresh })).status).toBe(200);
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: oldLink })).status,
    ).toBe(200);
  });

  it("does not take one account's code for another, nor an SMS code", async () => {
    const adaCode = await sendEmailOtp(emulator, ADA);
    expectLoginRadiusError(await byUsername({ username: 'grace', otp: adaCode }), 1067);
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+442079460958' });
    const smsCode = emulator.outbox.latest('+442079460958')?.otp ?? '';
    expectLoginRadiusError(await byUsername({ username: 'grace', otp: smsCode }), 1067);
  });

  it('answers 1067 when no code was ever emailed', async () => {
    const fresh = emulator.addAccount({ email: 'never@example.com' });
    expectLoginRadiusError(await byEmail({ email: fresh.email, otp: '123456' }), 1067);
  });

  it('answers 1141 without an identifier, 1038 for a malformed email, 908 without a code', async () => {
    expectLoginRadiusError(await byEmail({ otp: '123456' }), 1141);
    expectLoginRadiusError(await byUsername({ otp: '123456' }), 1141);
    expectLoginRadiusError(await byEmail({ email: 'ada@', otp: '123456' }), 1038);
    expectLoginRadiusError(await byEmail({ email: ADA }), 908);
    expectLoginRadiusError(await byUsername({ username: 'ada', otp: '' }), 908);
    expectLoginRadiusError(await byEmail({ email: { $ne: null }, otp: '1' }), 908);
  });

  it('does not read the email or the code from the query string', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    expectLoginRadiusError(await byEmail({}, { email: ADA, otp }), 1141);
  });

  it('answers 1023 and 1022 for unknown accounts, 991 for a blocked one', async () => {
    expectLoginRadiusError(await byEmail({ email: 'nobody@example.com', otp: '1' }), 1023);
    expectLoginRadiusError(await byUsername({ username: 'nobody', otp: '1' }), 1022);
    expectLoginRadiusError(await byUsername({ username: 'mallory', otp: '1' }), 991);
  });

  it('answers 405 to GET and PUT', async () => {
    const answer = await call(emulator, PATHS.verifyEmailOtpByEmail, {}, { method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('is a verify for second_factor faults, which spend nothing', async () => {
    const otp = await sendEmailOtp(emulator, ADA);
    emulator.inject({ endpoint: 'verifyEmailOtp', type: 'second_factor', times: 1 });
    expect((await byEmail({ email: ADA, otp })).body).toEqual(TWO_FACTOR_CHALLENGE);
    expect((await byEmail({ email: ADA, otp })).status).toBe(200);
  });

  it('answers the two-factor challenge for a twoFactor account, spending the code', async () => {
    const secure = emulator.addAccount({ email: 'mfa@example.com', twoFactor: true });
    const otp = await sendEmailOtp(emulator, secure.email);
    expect((await byEmail({ email: secure.email, otp })).body).toEqual(TWO_FACTOR_CHALLENGE);
    expectLoginRadiusError(await byEmail({ email: secure.email, otp }), 1068);
  });

  it('leaves link logins of the same email working', async () => {
    const token = await sendLink(emulator, ADA);
    expect(
      (await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token })).status,
    ).toBe(200);
  });
});
