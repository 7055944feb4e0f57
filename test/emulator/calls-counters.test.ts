import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, login, postJson, putJson } from './helpers';

describe('call counters', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.resetCalls();
    emulator.clearFaults();
  });

  it('starts at zero for every operation', () => {
    expect(emulator.calls).toEqual({
      sendEmailLink: 0,
      verifyEmailToken: 0,
      verifyEmailOtp: 0,
      sendPhoneOtp: 0,
      verifyPhoneOtp: 0,
      validateAccessToken: 0,
      invalidateAccessToken: 0,
      getProfile: 0,
      total: 0,
    });
  });

  it('counts every operation, failed ones included', async () => {
    const token = await login(emulator); // one send, one verify
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    await call(emulator, PATHS.sendEmailLink, { email: 'nobody@example.com' }); // 1023
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    await call(emulator, PATHS.verifyPhoneOtp, {}, putJson({ phone: '+14155550101', otp: 'x' }));
    await call(emulator, PATHS.validateAccessToken, {}, auth);
    await call(emulator, PATHS.getProfile, {}, auth);
    await call(emulator, PATHS.invalidateAccessToken, {}, auth);
    await call(emulator, PATHS.getProfile, { apikey: 'wrong' });
    await call(emulator, PATHS.verifyEmailOtpByEmail, {}, postJson({ email: 'ada@example.com' }));
    await call(emulator, PATHS.verifyEmailOtpByUsername, {}, postJson({ username: 'ada' }));
    expect(emulator.calls).toEqual({
      sendEmailLink: 2,
      verifyEmailToken: 1,
      verifyEmailOtp: 2,
      sendPhoneOtp: 1,
      verifyPhoneOtp: 1,
      validateAccessToken: 1,
      invalidateAccessToken: 1,
      getProfile: 2,
      total: 11,
    });
  });

  it('counts faulted requests', async () => {
    emulator.inject({ type: 'status', status: 503, times: 2 });
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    expect(emulator.calls).toMatchObject({ sendEmailLink: 1, sendPhoneOtp: 1, total: 2 });
  });

  it('does not count unknown paths, wrong methods or the control API', async () => {
    await call(emulator, '/identity/v2/nothing');
    await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'POST' });
    await fetch(`${emulator.url}/emulator/calls`);
    expect(emulator.calls.total).toBe(0);
  });

  it('hands out snapshots, not a live object', async () => {
    const before = emulator.calls;
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    expect(before.sendEmailLink).toBe(0);
    expect(emulator.calls.sendEmailLink).toBe(1);
  });

  it('resetCalls() sets every counter back to zero', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    emulator.resetCalls();
    expect(emulator.calls.total).toBe(0);
  });
});
