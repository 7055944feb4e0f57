/**
 * Drives LoginRadius's official Node SDK (loginradius-sdk@11.7.0) against the
 * emulator: if the SDK's exact requests work here, the emulator speaks the same
 * dialect as LoginRadius. The SDK only speaks HTTPS to port 443 through
 * Node's global agent, so the emulator runs with TLS and this process swaps in
 * an agent that trusts its certificate and connects to its port.
 */
import https from 'node:https';
import { startEmulator, type Emulator } from '../../src/emulator';

// The SDK is untyped JavaScript; its answers are the JSON bodies the emulator sent.
type SdkBody = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface LoginRadiusSdk {
  passwordLessLoginApi: {
    passwordlessLoginByEmail(email: string, template?: string, url?: string): Promise<SdkBody>;
    passwordlessLoginByUserName(
      username: string,
      template?: string,
      url?: string,
    ): Promise<SdkBody>;
    passwordlessLoginByPhone(
      phone: string,
      smsTemplate?: string,
      isVoiceOtp?: boolean,
    ): Promise<SdkBody>;
    passwordlessLoginVerification(
      token: string,
      fields?: string,
      welcomeTemplate?: string,
    ): Promise<SdkBody>;
    passwordlessLoginPhoneVerification(
      body: { phone: string; otp: string },
      fields?: string,
      smsTemplate?: string,
      isVoiceOtp?: boolean,
    ): Promise<SdkBody>;
    passwordlessLoginVerificationByEmailAndOTP(
      body: { email: string; otp: string; welcomeemailtemplate?: string },
      fields?: string,
    ): Promise<SdkBody>;
    passwordlessLoginVerificationByUserNameAndOTP(
      body: { username: string; otp: string; welcomeemailtemplate?: string },
      fields?: string,
    ): Promise<SdkBody>;
  };
  authenticationApi: {
    authValidateAccessToken(token: string): Promise<SdkBody>;
    authInValidateAccessToken(token: string, preventRefresh?: boolean): Promise<SdkBody>;
    getProfileByAccessToken(token: string, fields?: string): Promise<SdkBody>;
  };
}

describe('the official LoginRadius Node SDK against the emulator', () => {
  let emulator: Emulator;
  let lr: LoginRadiusSdk;
  const originalAgent = https.globalAgent;
  let agent: https.Agent;

  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      tls: true,
      sendLimits: false,
      emailTokenByTemplate: { 'email-code': 'otp' },
    });
    const port = Number(new URL(emulator.url).port);
    // The agent's own options override the request's, port 443 included.
    agent = new https.Agent({ ca: emulator.ca, port, keepAlive: false });
    https.globalAgent = agent;
    const createSdk = jest.requireActual<(config: object) => LoginRadiusSdk>('loginradius-sdk');
    lr = createSdk({ apiKey: emulator.apiKey, apiSecret: 'not-used', apiDomain: '127.0.0.1' });
  });
  afterAll(async () => {
    https.globalAgent = originalAgent;
    agent.destroy();
    await emulator.close();
  });

  it('logs in by email link: send, verify with fields, validate, profile, invalidate', async () => {
    const sent = await lr.passwordLessLoginApi.passwordlessLoginByEmail(
      'ada@example.com',
      'magic',
      'https://app.example/auth/callback',
    );
    expect(sent).toEqual({ IsPosted: true });
    const message = emulator.outbox.latest('ada@example.com');
    expect(message).toMatchObject({ template: 'magic' });
    expect(message?.link).toMatch(
      /^https:\/\/app\.example\/auth\/callback\?vtype=oneclicksignin&vtoken=/,
    );

    const login = await lr.passwordLessLoginApi.passwordlessLoginVerification(
      message?.token ?? '',
      'Uid,Email',
      'welcome',
    );
    expect(Object.keys(login.Profile).sort()).toEqual(['Email', 'Uid']);
    expect(emulator.outbox.latest()).toMatchObject({ kind: 'welcome', template: 'welcome' });
    const token: string = login.access_token;

    const validated = await lr.authenticationApi.authValidateAccessToken(token);
    expect(validated).toMatchObject({ access_token: token, expires_in: login.expires_in });

    const profile = await lr.authenticationApi.getProfileByAccessToken(token, 'FullName');
    expect(profile).toEqual({ FullName: 'Ada Lovelace' });

    // The SDK sends `preventRefresh=` (empty) here: "not given".
    expect(await lr.authenticationApi.authInValidateAccessToken(token)).toEqual({ IsPosted: true });
    await expect(lr.authenticationApi.authValidateAccessToken(token)).rejects.toMatchObject({
      ErrorCode: 905,
    });
  });

  it('logs in by username link', async () => {
    expect(await lr.passwordLessLoginApi.passwordlessLoginByUserName('grace')).toEqual({
      IsPosted: true,
    });
    const token = emulator.outbox.latest('grace@example.com')?.token ?? '';
    const login = await lr.passwordLessLoginApi.passwordlessLoginVerification(token);
    expect(login.Profile.Email).toEqual([{ Type: 'Primary', Value: 'grace@example.com' }]);
  });

  it('logs in by SMS code (the SDK sends `isVoiceOtp=` and a PUT body)', async () => {
    const sent = await lr.passwordLessLoginApi.passwordlessLoginByPhone('+14155550101');
    expect(sent).toEqual({
      IsPosted: true,
      Data: { AccountSid: expect.any(String), Sid: expect.any(String) },
    });
    const message = emulator.outbox.latest('+14155550101');
    expect(message?.voice).toBe(false);
    const login = await lr.passwordLessLoginApi.passwordlessLoginPhoneVerification(
      { phone: '+14155550101', otp: message?.otp ?? '' },
      'Uid,PhoneId',
    );
    expect(login.Profile).toEqual({ Uid: expect.any(String), PhoneId: '+14155550101' });
    expect(typeof login.access_token).toBe('string');
  });

  it('logs in by emailed code, by email (POST …/email/verifyotp, JSON body)', async () => {
    await lr.passwordLessLoginApi.passwordlessLoginByEmail('ada@example.com', 'email-code');
    const message = emulator.outbox.latest('ada@example.com');
    expect(message).toMatchObject({ channel: 'email', kind: 'passwordless_otp' });
    const login = await lr.passwordLessLoginApi.passwordlessLoginVerificationByEmailAndOTP(
      { email: 'ada@example.com', otp: message?.otp ?? '', welcomeemailtemplate: 'welcome' },
      'Uid,FullName',
    );
    expect(login.Profile).toEqual({ Uid: expect.any(String), FullName: 'Ada Lovelace' });
    expect(emulator.outbox.latest()).toMatchObject({ kind: 'welcome', template: 'welcome' });
    const validated = await lr.authenticationApi.authValidateAccessToken(login.access_token);
    expect(validated).toMatchObject({ access_token: login.access_token });
  });

  it('logs in by emailed code, by username (POST …/username/verifyotp)', async () => {
    await lr.passwordLessLoginApi.passwordlessLoginByUserName('grace', 'email-code');
    const otp = emulator.outbox.latest('grace@example.com')?.otp ?? '';
    const login = await lr.passwordLessLoginApi.passwordlessLoginVerificationByUserNameAndOTP({
      username: 'grace',
      otp,
    });
    expect(login.Profile.Email).toEqual([{ Type: 'Primary', Value: 'grace@example.com' }]);
    expect(typeof login.access_token).toBe('string');
    await expect(
      lr.passwordLessLoginApi.passwordlessLoginVerificationByUserNameAndOTP({
        username: 'grace',
        otp,
      }),
    ).rejects.toMatchObject({ ErrorCode: 1068 });
  });

  it('passes its originIp as X-Origin-IP, which the emulator records', async () => {
    const createSdk = jest.requireActual<(config: object) => LoginRadiusSdk>('loginradius-sdk');
    const withIp = createSdk({
      apiKey: emulator.apiKey,
      apiSecret: 'not-used',
      apiDomain: '127.0.0.1',
      originIp: '203.0.113.42',
    });
    emulator.clearRequests();
    await withIp.passwordLessLoginApi.passwordlessLoginByEmail('ada@example.com');
    expect(emulator.requests).toEqual([
      expect.objectContaining({ endpoint: 'sendEmailLink', originIp: '203.0.113.42' }),
    ]);
  });

  it('rejects with 1023 for an unknown email', async () => {
    await expect(
      lr.passwordLessLoginApi.passwordlessLoginByEmail('nobody@example.com'),
    ).rejects.toMatchObject({ ErrorCode: 1023, Message: 'Email address does not exist' });
  });

  it('rejects with 1062 for a used link', async () => {
    await lr.passwordLessLoginApi.passwordlessLoginByEmail('ada@example.com');
    const token = emulator.outbox.latest('ada@example.com')?.token ?? '';
    await lr.passwordLessLoginApi.passwordlessLoginVerification(token);
    await expect(
      lr.passwordLessLoginApi.passwordlessLoginVerification(token),
    ).rejects.toMatchObject({
      ErrorCode: 1062,
    });
  });

  it('rejects with 1067 for a wrong code', async () => {
    await lr.passwordLessLoginApi.passwordlessLoginByPhone('+442079460958');
    const otp = emulator.outbox.latest('+442079460958')?.otp ?? '';
    const wrong = otp === '111111' ? '222222' : '111111';
    await expect(
      lr.passwordLessLoginApi.passwordlessLoginPhoneVerification({
        phone: '+442079460958',
        otp: wrong,
      }),
    ).rejects.toMatchObject({
      ErrorCode: 1067,
      IsProviderError: false,
      ProviderErrorResponse: null,
    });
  });

  it('sees a platform 429 as the SDK synthesises it', async () => {
    emulator.inject({ type: 'rate_limit', times: 1 });
    await expect(
      lr.passwordLessLoginApi.passwordlessLoginByEmail('ada@example.com'),
    ).rejects.toMatchObject({ ErrorCode: 429 });
  });
});
