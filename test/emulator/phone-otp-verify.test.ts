import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, manualClock, putJson, sendOtp } from './helpers';

const ADA = '+14155550101';

describe('verifying an SMS code', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      clock,
      otpTtlSeconds: 120,
      sendLimits: false,
      testPhones: { '+14155550142': '424242' },
    });
  });
  afterAll(() => emulator.close());

  const verify = (body: unknown, query: Record<string, string> = {}) =>
    call(emulator, PATHS.verifyPhoneOtp, query, putJson(body));

  it('answers the login response for the current code', async () => {
    const otp = await sendOtp(emulator, ADA);
    const answer = await verify({ phone: ADA, otp });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      Profile: expect.objectContaining({ PhoneId: ADA, Uid: expect.any(String) }),
      access_token: expect.any(String),
      expires_in: new Date(clock() + 900_000).toISOString(),
      refresh_token: expect.any(String),
    });
  });

  it('honours fields', async () => {
    const otp = await sendOtp(emulator, ADA);
    const answer = await verify({ phone: ADA, otp }, { fields: 'Uid,FullName' });
    expect(answer.body.Profile).toEqual({ Uid: expect.any(String), FullName: 'Ada Lovelace' });
  });

  it('matches body keys case-insensitively and takes a numeric code', async () => {
    await sendOtp(emulator, '+14155550142');
    const answer = await verify({ Phone: '+14155550142', OTP: 424242 });
    expect(answer.status).toBe(200);
  });

  it('answers 1068 when the current code is used again', async () => {
    const otp = await sendOtp(emulator, ADA);
    expect((await verify({ phone: ADA, otp })).status).toBe(200);
    expectLoginRadiusError(await verify({ phone: ADA, otp }), 1068);
  });

  it('answers 1067 for a wrong code, without spending the right one', async () => {
    const otp = await sendOtp(emulator, ADA);
    const wrong = otp === '000000' ? '000001' : '000000';
    expectLoginRadiusError(await verify({ phone: ADA, otp: wrong }), 1067);
    expectLoginRadiusError(await verify({ phone: ADA, otp: `${otp}0` }), 1067);
    expect((await verify({ phone: ADA, otp })).status).toBe(200);
  });

  it('answers 1069 once the code has expired, and not a moment before', async () => {
    const otp = await sendOtp(emulator, ADA);
    clock.advance(120_000 - 1);
    const stillValid = await sendOtp(emulator, '+442079460958');
    clock.advance(1);
    expectLoginRadiusError(await verify({ phone: ADA, otp }), 1069);
    expect((await verify({ phone: '+442079460958', otp: stillValid })).status).toBe(200);
  });

  it('replaces the old code with a new send', async () => {
    const old = await sendOtp(emulator, ADA);
    let fresh = await sendOtp(emulator, ADA);
    while (fresh === old) fresh = await sendOtp(emulator, ADA);
    expectLoginRadiusError(await verify({ phone: ADA, otp: old }), 1067);
    expect((await verify({ phone: ADA, otp: fresh })).status).toBe(200);
  });

  it('answers 1067 when no code was ever sent to the phone', async () => {
    expectLoginRadiusError(await verify({ phone: '+442079460958', otp: '123456' }), 1067);
  });

  it('answers 1076 without a phone and 908 without a code', async () => {
    expectLoginRadiusError(await verify({ otp: '123456' }), 1076);
    expectLoginRadiusError(await verify({ phone: ADA }), 908);
    expectLoginRadiusError(await verify({ phone: ADA, otp: '' }), 908);
  });

  it('does not read the phone from the query string', async () => {
    expectLoginRadiusError(await verify({ otp: '123456' }, { phone: ADA }), 1076);
  });

  it('answers 1043, 1043, 1066 and 991 for bad, unknown, unverified and blocked phones', async () => {
    expectLoginRadiusError(await verify({ phone: 'nope', otp: '1' }), 1043);
    expectLoginRadiusError(await verify({ phone: '+14155550199', otp: '1' }), 1043);
    expectLoginRadiusError(await verify({ phone: '+14155550103', otp: '1' }), 1066);
    expectLoginRadiusError(await verify({ phone: '+14155550104', otp: '1' }), 991);
  });

  it('answers 908 for invalid JSON, a non-object body or an object where a string belongs', async () => {
    const raw = (body: string) =>
      call(
        emulator,
        PATHS.verifyPhoneOtp,
        {},
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body,
        },
      );
    expectLoginRadiusError(await raw('{"phone":'), 908);
    expectLoginRadiusError(await raw('["+14155550101"]'), 908);
    expectLoginRadiusError(await raw('{"phone":{"$ne":null},"otp":"1"}'), 908);
  });

  it('answers 1076 for an empty body', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'PUT' }), 1076);
  });
});
