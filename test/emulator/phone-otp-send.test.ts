import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError } from './helpers';

describe('sending an SMS code', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.outbox.clear());

  it('answers IsPosted with Twilio-style Data and puts the code in the outbox', async () => {
    const answer = await call(emulator, PATHS.sendPhoneOtp, {
      phone: '+14155550101',
      smstemplate: 'otp-sms',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      IsPosted: true,
      Data: {
        AccountSid: expect.stringMatching(/^AC[0-9a-f]{32}$/),
        Sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      },
    });
    expect(emulator.outbox).toEqual([
      {
        channel: 'sms',
        kind: 'passwordless_otp',
        to: '+14155550101',
        otp: expect.stringMatching(/^\d{6}$/),
        template: 'otp-sms',
        voice: false,
        sentAt: expect.any(String),
      },
    ]);
  });

  it('gives every message its own Sid under one AccountSid', async () => {
    const first = await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    const second = await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    expect(first.body.Data.AccountSid).toBe(second.body.Data.AccountSid);
    expect(first.body.Data.Sid).not.toBe(second.body.Data.Sid);
  });

  it('accepts POST as well as GET', async () => {
    const answer = await call(
      emulator,
      PATHS.sendPhoneOtp,
      { phone: '+442079460958' },
      { method: 'POST' },
    );
    expect(answer.status).toBe(200);
    expect(emulator.outbox.latest()?.to).toBe('+442079460958');
  });

  it('reads the phone from a JSON body on POST', async () => {
    const answer = await call(
      emulator,
      PATHS.sendPhoneOtp,
      {},
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ Phone: '+442079460958' }),
      },
    );
    expect(answer.status).toBe(200);
  });

  it('records a voice call on channel "voice" when isvoiceotp=true', async () => {
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101', isVoiceOtp: 'true' });
    expect(emulator.outbox.latest()).toMatchObject({ channel: 'voice', voice: true });
  });

  it('accepts spaces, dashes and a missing + in the number', async () => {
    const answer = await call(emulator, PATHS.sendPhoneOtp, { phone: '1 (415) 555-0101' });
    expect(answer.status).toBe(200);
    expect(emulator.outbox.latest()?.to).toBe('+14155550101');
  });

  it('answers 1076 without a phone, 1043 (invalid or unknown) for a malformed one', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.sendPhoneOtp), 1076);
    expectLoginRadiusError(await call(emulator, PATHS.sendPhoneOtp, { phone: 'call me' }), 1043);
    expectLoginRadiusError(await call(emulator, PATHS.sendPhoneOtp, { phone: '+12' }), 1043);
  });

  it('answers 1043 for a phone no account has', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550199' }),
      1043,
    );
  });

  it('answers 1066 for an unverified phone and 991 for a blocked account', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550103' }),
      1066,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550104' }),
      991,
    );
    expect(emulator.outbox).toHaveLength(0);
  });
});
