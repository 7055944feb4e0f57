import { EmulatorOptionsError, startEmulator, type EmulatorOptions } from '../../src/emulator';

describe('emulator options', () => {
  it('listens on 127.0.0.1 and a free port by default, with a URL without trailing slash', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.ca).toBeUndefined();
    } finally {
      await emulator.close();
    }
  });

  it('accepts undefined the same as a missing option', async () => {
    const emulator = await startEmulator({ quiet: true, port: undefined, apiKey: undefined });
    await emulator.close();
  });

  it('accepts undefined for every site setting', async () => {
    const emulator = await startEmulator({
      quiet: true,
      accessTokenFormat: undefined,
      emailToken: undefined,
      emailTokenByTemplate: { magic: undefined as never },
      allowedDomains: undefined,
      botProtection: undefined,
      lockAfterWrongCodes: undefined,
      voiceOtp: undefined,
      allowedHosts: undefined,
    });
    try {
      const answer = await fetch(
        `${emulator.url}/identity/v2/auth/login/passwordlesslogin/email?apikey=${emulator.apiKey}&email=ada@example.com&passwordlesslogintemplate=magic&verificationurl=https://any.example/cb`,
      );
      expect(answer.status).toBe(200);
      expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');
    } finally {
      await emulator.close();
    }
  });

  it('takes its own API key', async () => {
    const emulator = await startEmulator({ quiet: true, apiKey: 'my-key' });
    try {
      expect(emulator.apiKey).toBe('my-key');
      const answer = await fetch(
        `${emulator.url}/identity/v2/auth/login/passwordlesslogin/email?apikey=my-key&email=ada@example.com`,
      );
      expect(answer.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('uses otpLength for generated codes', async () => {
    const emulator = await startEmulator({ quiet: true, otpLength: 8 });
    try {
      await fetch(
        `${emulator.url}/identity/v2/auth/login/passwordlesslogin/otp?apikey=${emulator.apiKey}&phone=%2B14155550101`,
      );
      expect(emulator.outbox.latest()?.otp).toMatch(/^\d{8}$/);
    } finally {
      await emulator.close();
    }
  });

  it('fails to start when the port is taken', async () => {
    const first = await startEmulator({ quiet: true });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulator({ quiet: true, port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it.each<[string, EmulatorOptions, RegExp]>([
    ['a typo', { otpLenght: 6 } as EmulatorOptions, /did you mean `otpLength`/],
    ['a typo of a new option', { botProtecton: true } as EmulatorOptions, /`botProtection`/],
    ['a singular allowedHost', { allowedHost: ['x'] } as EmulatorOptions, /`allowedHosts`/],
    ['a non-boolean botProtection', { botProtection: 'yes' as never }, /botProtection/],
    ['a non-boolean voiceOtp', { voiceOtp: 0 as never }, /voiceOtp/],
    ['a bad port', { port: 70000 }, /port/],
    ['an empty apiKey', { apiKey: '' }, /apiKey/],
    ['a short otpLength', { otpLength: 3 }, /otpLength/],
    ['a zero TTL', { otpTtlSeconds: 0 }, /otpTtlSeconds/],
    ['a relative default URL', { defaultVerificationUrl: '/cb' }, /absolute URL/],
    ['bad send limits', { sendLimits: { maxRequests: 0 } }, /maxRequests/],
    ['a bad test phone', { testPhones: { '555': '123456' } }, /E\.164/],
    ['a bad test code', { testPhones: { '+14155550100': 'abc' } }, /4 to 10 digits/],
    ['bad tls', { tls: { key: '' } as never }, /tls/],
    ['an unknown token format', { accessTokenFormat: 'jws' as never }, /'guid', 'jwt'/],
    ['an unknown email token mode', { emailToken: 'code' as never }, /'link', 'otp', 'both'/],
    [
      'an unknown mode for a template',
      { emailTokenByTemplate: { magic: 'sms' as never } },
      /emailTokenByTemplate\["magic"\]/,
    ],
    ['emailTokenByTemplate that is not an object', { emailTokenByTemplate: [] as never }, /object/],
    ['a lockout of 0 codes', { lockAfterWrongCodes: 0 }, /lockAfterWrongCodes/],
    ['a fractional lockout', { lockAfterWrongCodes: 2.5 }, /positive integer/],
    [
      'an allowed domain given as a URL',
      { allowedDomains: ['https://app.example'] },
      /bare hostnames/,
    ],
    ['an allowed domain with a port', { allowedDomains: ['app.example:3000'] }, /no scheme, port/],
    ['allowedDomains that is not an array', { allowedDomains: 'app.example' as never }, /array/],
    ['a non-function clock', { clock: 5 as never }, /clock/],
    ['accounts that are not an array', { accounts: {} as never }, /accounts/],
    ['an invalid account', { accounts: [{ email: 'x' }] }, /email/],
  ])('refuses %s at startup', async (_what, options, message) => {
    const attempt = startEmulator({ quiet: true, ...options });
    await expect(attempt).rejects.toThrow(EmulatorOptionsError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('gives option errors a stable code', async () => {
    await expect(startEmulator({ port: -1 })).rejects.toMatchObject({
      code: 'ERR_LR_EMULATOR_OPTIONS',
    });
  });
});
