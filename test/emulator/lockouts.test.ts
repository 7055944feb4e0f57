import { startEmulator, type Emulator, type EmulatorAccount } from '../../src/emulator';
import {
  PATHS,
  call,
  expectLoginRadiusError,
  manualClock,
  postJson,
  putJson,
  sendEmailOtp,
  sendOtp,
} from './helpers';

/** A code that is not `otp`. */
const wrongFor = (otp: string): string => (otp === '000000' ? '000001' : '000000');

describe('locking an account after wrong codes (lockAfterWrongCodes)', () => {
  const clock = manualClock();
  let emulator: Emulator;
  let person: EmulatorAccount;
  let phone: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      clock,
      sendLimits: false,
      lockAfterWrongCodes: 3,
      emailToken: 'both',
    });
  });
  afterAll(() => emulator.close());
  let next = 0;
  beforeEach(() => {
    next += 1;
    phone = `+1415555${String(1000 + next)}`;
    person = emulator.addAccount({
      email: `person${next}@example.com`,
      username: `p${next}`,
      phone,
    });
  });

  const verifySms = (otp: string) =>
    call(emulator, PATHS.verifyPhoneOtp, {}, putJson({ phone, otp }));
  const verifyEmailCode = (otp: string) =>
    call(emulator, PATHS.verifyEmailOtpByEmail, {}, postJson({ email: person.email, otp }));

  it('locks after the third wrong code in a row; the third still answers 1067', async () => {
    const otp = await sendOtp(emulator, phone);
    expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
    expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
    expect(person.locked).toBe(false);
    expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
    expect(person.locked).toBe(true);
    // Guessing past the lockout: even the right code is refused now.
    expectLoginRadiusError(await verifySms(otp), 1198);
  });

  it('refuses every send and verify of a locked account with 1198', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: person.email });
    const link = emulator.outbox.latest(person.email);
    emulator.lockAccount(person.email);
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: person.email }),
      1198,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { username: person.username ?? '' }),
      1198,
    );
    expectLoginRadiusError(await call(emulator, PATHS.sendPhoneOtp, { phone }), 1198);
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: link?.token ?? '' }),
      1198,
    );
    expectLoginRadiusError(await verifyEmailCode(link?.otp ?? ''), 1198);
    expectLoginRadiusError(
      await call(
        emulator,
        PATHS.verifyEmailOtpByUsername,
        {},
        postJson({ username: person.username, otp: link?.otp }),
      ),
      1198,
    );
    expectLoginRadiusError(await verifySms('123456'), 1198);
  });

  it('counts SMS, voice and emailed codes together', async () => {
    const sms = await sendOtp(emulator, phone);
    expectLoginRadiusError(await verifySms(wrongFor(sms)), 1067);
    await call(emulator, PATHS.sendPhoneOtp, { phone, isvoiceotp: 'true' });
    const voice = emulator.outbox.latest(phone)?.otp ?? '';
    expectLoginRadiusError(await verifySms(wrongFor(voice)), 1067);
    const emailed = await sendEmailOtp(emulator, person.email);
    expectLoginRadiusError(await verifyEmailCode(wrongFor(emailed)), 1067);
    expect(person.locked).toBe(true);
    expectLoginRadiusError(await verifyEmailCode(emailed), 1198);
  });

  it('a right code sets the count back to zero', async () => {
    for (let round = 0; round < 3; round += 1) {
      const otp = await sendOtp(emulator, phone);
      expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
      expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
      expect((await verifySms(otp)).status).toBe(200);
    }
    expect(person.locked).toBe(false);
  });

  it('does not count a used or an expired code as a guess', async () => {
    const used = await sendOtp(emulator, phone);
    expect((await verifySms(used)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expectLoginRadiusError(await verifySms(used), 1068);
    const late = await sendOtp(emulator, phone);
    clock.advance(300_000);
    for (let i = 0; i < 3; i += 1) expectLoginRadiusError(await verifySms(late), 1069);
    expect(person.locked).toBe(false);
  });

  it('keeps every account to its own count', async () => {
    const other = emulator.addAccount({ email: `other${next}@example.com`, phone: '+14155559999' });
    const otp = await sendOtp(emulator, phone);
    for (let i = 0; i < 3; i += 1) expectLoginRadiusError(await verifySms(wrongFor(otp)), 1067);
    expect(person.locked).toBe(true);
    expect(other.locked).toBe(false);
    const theirs = await sendOtp(emulator, '+14155559999');
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      putJson({ phone: '+14155559999', otp: theirs }),
    );
    expect(answer.status).toBe(200);
  });

  it('lockAccount(…, false) unlocks, with a fresh count', async () => {
    const otp = await sendOtp(emulator, phone);
    for (let i = 0; i < 3; i += 1) await verifySms(wrongFor(otp));
    expect(emulator.lockAccount(person.uid, false).locked).toBe(false);
    const fresh = await sendOtp(emulator, phone);
    expectLoginRadiusError(await verifySms(wrongFor(fresh)), 1067);
    expectLoginRadiusError(await verifySms(wrongFor(fresh)), 1067);
    expect(person.locked).toBe(false);
    expect((await verifySms(fresh)).status).toBe(200);
  });

  it('shows the lock in the control API', async () => {
    emulator.lockAccount(person.email);
    const listed = (await (await fetch(`${emulator.url}/emulator/accounts`)).json()) as {
      email: string;
      locked: boolean;
    }[];
    expect(listed.find((account) => account.email === person.email)?.locked).toBe(true);
  });
});

describe('accounts created locked, and lockAccount', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      accounts: [
        { email: 'ada@example.com', phone: '+14155550101' },
        { email: 'locked@example.com', phone: '+14155550102', locked: true },
      ],
    });
  });
  afterAll(() => emulator.close());

  it('answers 1198 to an account created with locked: true', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'locked@example.com' }),
      1198,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550102' }),
      1198,
    );
  });

  it('takes locked in POST /emulator/accounts', async () => {
    const created = await fetch(`${emulator.url}/emulator/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'posted@example.com', locked: true }),
    });
    expect(await created.json()).toMatchObject({ email: 'posted@example.com', locked: true });
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'posted@example.com' }),
      1198,
    );
  });

  it('lockAccount locks by email or uid, and unlocks with false', async () => {
    const ada = emulator.accounts[0];
    emulator.lockAccount('ADA@example.com');
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }),
      1198,
    );
    emulator.lockAccount(ada?.uid ?? '', false);
    expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
      200,
    );
    expect(() => emulator.lockAccount('ghost@example.com')).toThrow(/No account/);
  });

  it('keeps blocked (991) apart from locked (1198); blocked wins when both', async () => {
    emulator.blockAccount('locked@example.com');
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'locked@example.com' }),
      991,
    );
    emulator.blockAccount('locked@example.com', false);
  });

  it('refuses a locked that is not a boolean', () => {
    expect(() => emulator.addAccount({ email: 'x@example.com', locked: 1 as never })).toThrow(
      /`locked` of x@example.com must be a boolean/,
    );
  });
});

describe('without lockAfterWrongCodes (the default)', () => {
  it('never locks, however many wrong codes', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      const otp = await sendOtp(emulator, '+14155550101');
      for (let i = 0; i < 20; i += 1) {
        expectLoginRadiusError(
          await call(
            emulator,
            PATHS.verifyPhoneOtp,
            {},
            putJson({ phone: '+14155550101', otp: wrongFor(otp) }),
          ),
          1067,
        );
      }
      const answer = await call(
        emulator,
        PATHS.verifyPhoneOtp,
        {},
        putJson({ phone: '+14155550101', otp }),
      );
      expect(answer.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
