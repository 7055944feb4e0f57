import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, manualClock } from './helpers';

describe('send limits (request limit and disable period)', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      clock,
      sendLimits: { maxRequests: 3, windowSeconds: 60, disableSeconds: 300 },
    });
  });
  afterAll(() => emulator.close());

  const sendLink = (query: Record<string, string>) => call(emulator, PATHS.sendEmailLink, query);
  const sendOtp = (phone: string) => call(emulator, PATHS.sendPhoneOtp, { phone });

  it('refuses the email send past the limit with 1178 until the disable period ends', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await sendLink({ email: 'ada@example.com' })).status).toBe(200);
    }
    expectLoginRadiusError(await sendLink({ email: 'ada@example.com' }), 1178);
    // The account shares one budget however it is named.
    expectLoginRadiusError(await sendLink({ username: 'ada' }), 1178);
    clock.advance(300_000 - 1);
    expectLoginRadiusError(await sendLink({ email: 'ada@example.com' }), 1178);
    clock.advance(1);
    expect((await sendLink({ email: 'ada@example.com' })).status).toBe(200);
  });

  it('refuses the SMS send past the limit with 1179, separately from email', async () => {
    for (let i = 0; i < 3; i += 1) expect((await sendOtp('+442079460958')).status).toBe(200);
    expectLoginRadiusError(await sendOtp('+442079460958'), 1179);
    expect((await sendLink({ email: 'grace@example.com' })).status).toBe(200);
  });

  it('counts sends within the window only', async () => {
    const account = emulator.addAccount({ email: 'window@example.com' });
    for (let i = 0; i < 3; i += 1) {
      expect((await sendLink({ email: account.email })).status).toBe(200);
      clock.advance(30_000);
    }
    // The first send is now 90 s old, outside the 60 s window.
    expect((await sendLink({ email: account.email })).status).toBe(200);
  });

  it('keeps each account to its own budget', async () => {
    const other = emulator.addAccount({ email: 'other@example.com' });
    expect((await sendLink({ email: other.email })).status).toBe(200);
  });
});

describe('send limits off, and their defaults', () => {
  it('never refuses a send', async () => {
    const emulator = await startEmulator({ quiet: true, sendLimits: false });
    try {
      for (let i = 0; i < 30; i += 1) {
        expect(
          (await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status,
        ).toBe(200);
      }
    } finally {
      await emulator.close();
    }
  });

  it('is off by default, as a site without a request limit', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      for (let i = 0; i < 30; i += 1) {
        expect((await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' })).status).toBe(
          200,
        );
      }
    } finally {
      await emulator.close();
    }
  });

  it('with {} takes 10 sends per window', async () => {
    const emulator = await startEmulator({ quiet: true, sendLimits: {} });
    try {
      for (let i = 0; i < 10; i += 1) {
        expect((await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' })).status).toBe(
          200,
        );
      }
      expectLoginRadiusError(
        await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' }),
        1179,
      );
    } finally {
      await emulator.close();
    }
  });
});
