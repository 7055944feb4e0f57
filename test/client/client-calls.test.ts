/**
 * LoginRadiusClient against the emulator: every call of the passwordless API
 * with its optional parameters, and the typed results.
 */
import { startClientFixture, type ClientFixture } from '../support/emulator';

let f: ClientFixture;
beforeAll(async () => {
  f = await startClientFixture();
});
afterAll(async () => f.close());
beforeEach(() => f.emulator.outbox.clear());

const ada = () => f.emulator.accounts[0]!;

function tokenFrom(link: string): string {
  return new URL(link).searchParams.get('vtoken')!;
}

test('sendEmailLink by email sends a link to the verification URL with the template', async () => {
  const result = await f.client.sendEmailLink(
    { email: ada().email },
    { verificationUrl: 'https://app.example/auth/callback', passwordlessLoginTemplate: 'login-v2' },
  );
  expect(result.sent).toBe(true);
  const message = f.emulator.outbox.latest(ada().email)!;
  expect(message.channel).toBe('email');
  expect(message.template).toBe('login-v2');
  expect(message.link).toMatch(
    /^https:\/\/app\.example\/auth\/callback\?vtype=oneclicksignin&vtoken=/,
  );
});

test('sendEmailLink by username reaches the account owning the username', async () => {
  await f.client.sendEmailLink({ username: ada().username! });
  expect(f.emulator.outbox.latest(ada().email)?.kind).toBe('passwordless_link');
});

test('verifyEmailToken resolves to a LoginResult with a Date expiry', async () => {
  await f.client.sendEmailLink({ email: ada().email });
  const token = tokenFrom(f.emulator.outbox.latest(ada().email)!.link!);
  const login = await f.client.verifyEmailToken(
    { verificationToken: token },
    { welcomeEmailTemplate: 'hello' },
  );
  expect(login.profile.Uid).toBe(ada().uid);
  expect(login.profile.Email?.[0]?.Value).toBe(ada().email);
  expect(typeof login.accessToken).toBe('string');
  expect(login.expiresAt).toBeInstanceOf(Date);
  expect(login.expiresAt.getTime()).toBeGreaterThan(Date.now());
  expect(login.raw.access_token).toBe(login.accessToken);
});

test('fields projects the Profile and always keeps Uid', async () => {
  await f.client.sendEmailLink({ email: ada().email });
  const token = tokenFrom(f.emulator.outbox.latest(ada().email)!.link!);
  const login = await f.client.verifyEmailToken(
    { verificationToken: token },
    { fields: ['FirstName', 'Email'] },
  );
  expect(Object.keys(login.profile).sort()).toEqual(['Email', 'FirstName', 'Uid']);
});

test('sendPhoneOtp then verifyPhoneOtp signs the phone owner in', async () => {
  const phone = ada().phone!;
  const sent = await f.client.sendPhoneOtp({ phone }, { smsTemplate: 'otp-sms' });
  expect(sent.sent).toBe(true);
  const message = f.emulator.outbox.latest(phone)!;
  expect(message.template).toBe('otp-sms');
  const login = await f.client.verifyPhoneOtp(
    { phone, otp: message.otp! },
    { fields: ['PhoneId'] },
  );
  expect(login.profile.Uid).toBe(ada().uid);
  expect(login.profile.PhoneId).toBe(phone);
});

test('phone numbers typed with spaces and punctuation are sent in E.164', async () => {
  const phone = ada().phone!; // +14155550101
  await f.client.sendPhoneOtp({ phone: '+1 (415) 555-0101' });
  expect(f.emulator.outbox.latest(phone)?.to).toBe(phone);
});

test('access tokens validate, read the profile and invalidate', async () => {
  const phone = ada().phone!;
  await f.client.sendPhoneOtp({ phone });
  const login = await f.client.verifyPhoneOtp({
    phone,
    otp: f.emulator.outbox.latest(phone)!.otp!,
  });
  const info = await f.client.validateAccessToken(login.accessToken);
  expect(info.expiresAt).toBeInstanceOf(Date);
  const profile = await f.client.getProfile(login.accessToken, { fields: ['FirstName'] });
  expect(profile).toEqual({ Uid: ada().uid, FirstName: ada().profile.FirstName });
  await expect(f.client.invalidateAccessToken(login.accessToken)).resolves.toMatchObject({
    sent: true,
  });
  await expect(f.client.getProfile(login.accessToken)).rejects.toMatchObject({
    code: 'LR_ERROR',
    errorCode: 905,
  });
});
