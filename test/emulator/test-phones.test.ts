import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, putJson } from './helpers';

describe('test phones with fixed codes (for load tests)', () => {
  const phones = Object.fromEntries(
    Array.from({ length: 200 }, (_, i) => [`+1555000${String(i).padStart(4, '0')}`, '123456']),
  );
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      testPhones: { ...phones, '+14155550101': '654321' },
    });
  });
  afterAll(() => emulator.close());

  it('creates a verified account for every test phone no account has', () => {
    const account = emulator.accounts.find((candidate) => candidate.phone === '+15550000042');
    expect(account).toMatchObject({
      email: 'test-15550000042@emulator.test',
      phoneVerified: true,
      blocked: false,
    });
    expect(emulator.accounts).toHaveLength(4 + 200);
  });

  it('keeps the existing account of a test phone', () => {
    const owners = emulator.accounts.filter((account) => account.phone === '+14155550101');
    expect(owners.map((account) => account.email)).toEqual(['ada@example.com']);
  });

  it('always sends the fixed code, and it logs in', async () => {
    const phone = '+15550000007';
    await call(emulator, PATHS.sendPhoneOtp, { phone });
    expect(emulator.outbox.latest(phone)?.otp).toBe('123456');
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      putJson({ phone, otp: '123456' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.Profile.PhoneId).toBe(phone);
  });

  it('uses the fixed code for a seeded account too', async () => {
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    expect(emulator.outbox.latest('+14155550101')?.otp).toBe('654321');
  });

  it('serves many users logging in at once', async () => {
    const logins = Object.keys(phones)
      .slice(0, 100)
      .map(async (phone) => {
        await call(emulator, PATHS.sendPhoneOtp, { phone });
        return call(emulator, PATHS.verifyPhoneOtp, {}, putJson({ phone, otp: '123456' }));
      });
    const answers = await Promise.all(logins);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.body.access_token)).size).toBe(100);
  });
});
