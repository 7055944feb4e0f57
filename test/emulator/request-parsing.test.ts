import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { DEFAULT_EMULATOR_API_KEY, startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, sendLink } from './helpers';

describe('reading requests the way LoginRadius does', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, sendLimits: false });
  });
  afterAll(() => emulator.close());

  it('uses the documented development API key by default', () => {
    expect(emulator.apiKey).toBe(DEFAULT_EMULATOR_API_KEY);
    expect(DEFAULT_EMULATOR_API_KEY).toBe('00000000-0000-4000-8000-00000000e4a1');
  });

  it('answers 922 without an API key (or with an empty one) and 920 with a wrong one', async () => {
    const raw = (search: string) => fetch(`${emulator.url}${PATHS.sendEmailLink}?${search}`);
    const missing = await raw('email=ada@example.com');
    expectLoginRadiusError(
      { status: missing.status, body: await missing.json(), headers: missing.headers, text: '' },
      922,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { apikey: '', email: 'ada@example.com' }),
      922,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { apikey: 'nope', email: 'ada@example.com' }),
      920,
    );
  });

  it('checks the API key before anything else', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.verifyEmailToken, { apikey: 'nope' }), 920);
    expectLoginRadiusError(await call(emulator, PATHS.getProfile, { apikey: 'nope' }), 920);
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      { apikey: 'nope' },
      {
        method: 'PUT',
        body: '{not json',
      },
    );
    expectLoginRadiusError(answer, 920);
  });

  it.each([
    [
      'lowercase',
      {
        apikey: 'KEY',
        email: 'ada@example.com',
        verificationurl: 'https://a.example/cb',
        passwordlesslogintemplate: 't',
      },
    ],
    [
      'camelCase',
      {
        apiKey: 'KEY',
        email: 'ada@example.com',
        verificationUrl: 'https://a.example/cb',
        passwordLessLoginTemplate: 't',
      },
    ],
    [
      'PascalCase',
      {
        ApiKey: 'KEY',
        Email: 'ada@example.com',
        VerificationUrl: 'https://a.example/cb',
        PasswordLessLoginTemplate: 't',
      },
    ],
    [
      'UPPERCASE',
      {
        APIKEY: 'KEY',
        EMAIL: 'ada@example.com',
        VERIFICATIONURL: 'https://a.example/cb',
        PASSWORDLESSLOGINTEMPLATE: 't',
      },
    ],
  ])('matches %s query keys', async (_style, query) => {
    const withKey = Object.fromEntries(
      Object.entries(query).map(([key, value]) => [key, value === 'KEY' ? emulator.apiKey : value]),
    );
    const answer = await call(emulator, PATHS.sendEmailLink, withKey);
    expect(answer.body).toEqual({ IsPosted: true });
    expect(emulator.outbox.latest()).toMatchObject({
      template: 't',
      link: expect.stringMatching(/^https:\/\/a\.example\/cb\?vtype=oneclicksignin&vtoken=/),
    });
  });

  it('matches VerificationToken and Fields in any case', async () => {
    const token = await sendLink(emulator, 'ada@example.com');
    const answer = await call(emulator, PATHS.verifyEmailToken, {
      VerificationToken: token,
      Fields: 'Uid',
    });
    expect(Object.keys(answer.body.Profile)).toEqual(['Uid']);
  });

  it('treats empty values as not given (fields=, isVoiceOtp=, verificationUrl=)', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com', verificationUrl: '' });
    const message = emulator.outbox.latest();
    expect(message?.link).toMatch(/^http:\/\/localhost:3000\/auth\/callback\?vtype=/);
    const answer = await call(emulator, PATHS.verifyEmailToken, {
      verificationToken: message?.token ?? '',
      fields: '',
      welcomeEmailTemplate: '',
    });
    expect(Object.keys(answer.body.Profile).length).toBeGreaterThan(50);
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');

    await call(emulator, PATHS.sendPhoneOtp, {
      phone: '+14155550101',
      isVoiceOtp: '',
      smsTemplate: '',
    });
    expect(emulator.outbox.latest()).toMatchObject({ voice: false });
    expect(emulator.outbox.latest()).not.toHaveProperty('template');
  });

  it('uses the first of repeated query parameters', async () => {
    const search = `apikey=${emulator.apiKey}&email=grace@example.com&email=ada@example.com`;
    await fetch(`${emulator.url}${PATHS.sendEmailLink}?${search}`);
    expect(emulator.outbox.latest()?.to).toBe('grace@example.com');
  });

  it('accepts Content-Type: application/json on a GET with no body', async () => {
    const answer = await call(
      emulator,
      PATHS.sendEmailLink,
      { email: 'ada@example.com' },
      { headers: { 'Content-Type': 'application/json' } },
    );
    expect(answer.body).toEqual({ IsPosted: true });
  });

  it('ignores the case of the path and a trailing slash, as ASP.NET routing does', async () => {
    const answer = await call(emulator, `${PATHS.sendEmailLink.toUpperCase()}/`, {
      email: 'ada@example.com',
    });
    expect(answer.body).toEqual({ IsPosted: true });
  });

  it('answers 404 in LoginRadius shape for an unknown path', async () => {
    const answer = await call(emulator, '/identity/v2/auth/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      Description: expect.stringContaining('/identity/v2/auth/nothing-here'),
      ErrorCode: 404,
      Message: 'Resource not found',
      IsProviderError: false,
      ProviderErrorResponse: null,
    });
  });

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    const answer = await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('PUT');
    expect(answer.body).toMatchObject({ ErrorCode: 405, Message: 'Method not allowed' });
    const del = await call(emulator, PATHS.sendPhoneOtp, {}, { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 413 for a body over 64 KiB and keeps serving', async () => {
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      {
        method: 'PUT',
        body: JSON.stringify({ phone: '+14155550101', otp: 'x'.repeat(70_000) }),
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ ErrorCode: 413, IsProviderError: false });
    expect((await fetch(`${emulator.url}/emulator/health`)).status).toBe(200);
  });

  it('answers 413 to a chunked body that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${emulator.url}${PATHS.verifyPhoneOtp}?apikey=${emulator.apiKey}`,
        { method: 'PUT', headers: { 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i += 1) req.write('x'.repeat(10_000));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('survives odd methods and odd URLs', async () => {
    for (const method of ['OPTIONS', 'PATCH', 'HEAD']) {
      const res = await fetch(`${emulator.url}${PATHS.getProfile}`, { method });
      expect(res.status).toBe(405);
    }
    const weird = await fetch(`${emulator.url}/%zz?%zz=%%&apikey=%`);
    expect(weird.status).toBe(404);
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { apikey: emulator.apiKey, email: '%zz@%' }),
      1038,
    );
    expect((await fetch(`${emulator.url}/emulator/health`)).status).toBe(200);
  });

  it('refuses a request line that is not HTTP and keeps serving', async () => {
    const { port } = new URL(emulator.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('BREW /identity/v2/auth/account HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${emulator.url}/emulator/health`)).status).toBe(200);
  });
});

describe('a site with passwordless login switched off', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, passwordlessEnabled: false });
  });
  afterAll(() => emulator.close());

  it('answers 1059 to every passwordless call', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }),
      1059,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailToken, { verificationtoken: 'x' }),
      1059,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' }),
      1059,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'PUT', body: '{}' }),
      1059,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailOtpByEmail, {}, { method: 'POST', body: '{}' }),
      1059,
    );
    expectLoginRadiusError(
      await call(emulator, PATHS.verifyEmailOtpByUsername, {}, { method: 'POST', body: '{}' }),
      1059,
    );
  });

  it('still checks the API key first', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { apikey: 'nope' }), 920);
  });
});
