import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, putJson } from './helpers';

const ADA = '+14155550101';

describe('codes by voice call (isvoiceotp=true)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, sendLimits: false });
  });
  afterAll(() => emulator.close());

  it('records the call on channel "voice", keeping voice: true for older readers', async () => {
    const answer = await call(emulator, PATHS.sendPhoneOtp, { phone: ADA, isvoiceotp: 'TRUE' });
    expect(answer.status).toBe(200);
    expect(emulator.outbox.latest()).toEqual({
      channel: 'voice',
      kind: 'passwordless_otp',
      to: ADA,
      otp: expect.stringMatching(/^\d{6}$/),
      voice: true,
      sentAt: expect.any(String),
    });
  });

  it('is verified by the same call as an SMS code, with or without isvoiceotp', async () => {
    await call(emulator, PATHS.sendPhoneOtp, { phone: ADA, isVoiceOtp: 'true' });
    const otp = emulator.outbox.latest(ADA)?.otp ?? '';
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      { isVoiceOtp: 'true' },
      putJson({ phone: ADA, otp }),
    );
    expect(answer.status).toBe(200);
    await call(emulator, PATHS.sendPhoneOtp, { phone: ADA, isVoiceOtp: 'true' });
    const next = emulator.outbox.latest(ADA)?.otp ?? '';
    const plain = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      putJson({ phone: ADA, otp: next }),
    );
    expect(plain.status).toBe(200);
  });

  it('shares one current code with SMS: a voice send replaces the SMS code', async () => {
    await call(emulator, PATHS.sendPhoneOtp, { phone: ADA });
    const sms = emulator.outbox.latest(ADA)?.otp ?? '';
    let voice = sms;
    while (voice === sms) {
      await call(emulator, PATHS.sendPhoneOtp, { phone: ADA, isVoiceOtp: 'true' });
      voice = emulator.outbox.latest(ADA)?.otp ?? '';
    }
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyPhoneOtp, {}, putJson({ phone: ADA, otp: sms })),
      1067,
    );
    expect(
      (await call(emulator, PATHS.verifyPhoneOtp, {}, putJson({ phone: ADA, otp: voice }))).status,
    ).toBe(200);
  });
});

describe('a site without voice OTP configured (voiceOtp: false)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, voiceOtp: false });
  });
  afterAll(() => emulator.close());

  it('answers 1281 to a voice send and sends nothing', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: ADA, isvoiceotp: 'true' }),
      1281,
    );
    expect(emulator.outbox).toHaveLength(0);
  });

  it('answers 1281 before looking at the phone: it is the site that is set up wrongly', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550199', isvoiceotp: 'true' }),
      1281,
    );
  });

  it('answers 1281 to a verify that asks for voice, and spends nothing', async () => {
    await call(emulator, PATHS.sendPhoneOtp, { phone: ADA });
    const otp = emulator.outbox.latest(ADA)?.otp ?? '';
    const body = putJson({ phone: ADA, otp });
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyPhoneOtp, { isvoiceotp: 'true' }, body),
      1281,
    );
    expect((await call(emulator, PATHS.verifyPhoneOtp, {}, body)).status).toBe(200);
  });

  it('still sends SMS codes (isvoiceotp absent, empty or false)', async () => {
    for (const isvoiceotp of [undefined, '', 'false']) {
      const query: Record<string, string> = { phone: ADA };
      if (isvoiceotp !== undefined) query.isvoiceotp = isvoiceotp;
      expect((await call(emulator, PATHS.sendPhoneOtp, query)).status).toBe(200);
      expect(emulator.outbox.latest()?.channel).toBe('sms');
    }
  });
});
