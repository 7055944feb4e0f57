import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, postJson, putJson } from './helpers';

describe('a site with Bot Protection on the sends (botProtection: true)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, botProtection: true, sendLimits: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.outbox.clear());

  it('refuses an email send without g-recaptcha-response with 982, and sends nothing', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }),
      982,
    );
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { username: 'ada' }), 982);
    expect(emulator.outbox).toHaveLength(0);
  });

  it('refuses an SMS or voice send without one (GET and POST) with 982', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' }),
      982,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101', isvoiceotp: 'true' }),
      982,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, {}, postJson({ phone: '+14155550101' })),
      982,
    );
    expect(emulator.outbox).toHaveLength(0);
  });

  it('refuses an empty one', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, {
        email: 'ada@example.com',
        'g-recaptcha-response': '',
      }),
      982,
    );
  });

  it('refuses before looking the account up, so unknown and known accounts look alike', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'nobody@example.com' }),
      982,
    );
  });

  it('accepts any non-empty answer in the query, in any case of the name', async () => {
    for (const name of ['g-recaptcha-response', 'G-Recaptcha-Response', 'G-RECAPTCHA-RESPONSE']) {
      const answer = await call(emulator, PATHS.sendEmailLink, {
        email: 'ada@example.com',
        [name]: 'anything',
      });
      expect(answer.body).toEqual({ IsPosted: true });
    }
    const sms = await call(emulator, PATHS.sendPhoneOtp, {
      phone: '+14155550101',
      'g-recaptcha-response': '03AGdBq24',
    });
    expect(sms.status).toBe(200);
    expect(emulator.outbox).toHaveLength(4);
  });

  it('accepts it in the JSON body of the POST OTP send', async () => {
    const answer = await call(
      emulator,
      PATHS.sendPhoneOtp,
      {},
      postJson({ phone: '+14155550101', 'G-Recaptcha-Response': '03AGdBq24' }),
    );
    expect(answer.status).toBe(200);
  });

  it('leaves the verifies alone', async () => {
    await call(emulator, PATHS.sendPhoneOtp, {
      phone: '+14155550101',
      'g-recaptcha-response': 'x',
    });
    const otp = emulator.outbox.latest()?.otp ?? '';
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      putJson({ phone: '+14155550101', otp }),
    );
    expect(answer.status).toBe(200);
  });
});

describe('a site without Bot Protection (the default)', () => {
  it('sends without a captcha', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
        200,
      );
    } finally {
      await emulator.close();
    }
  });
});
