import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError } from './helpers';

describe("a site's allowed domains for login links (allowedDomains)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      sendLimits: false,
      allowedDomains: ['app.example', 'Auth.Example.COM'],
      emailTokenByTemplate: { code: 'otp' },
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.outbox.clear());

  const send = (verificationurl?: string, extra: Record<string, string> = {}) =>
    call(emulator, PATHS.sendEmailLink, {
      email: 'ada@example.com',
      ...(verificationurl !== undefined && { verificationurl }),
      ...extra,
    });

  it('sends a link to a listed host, matched ignoring case, on any port or path', async () => {
    expect((await send('https://app.example/auth/callback')).status).toBe(200);
    expect((await send('http://APP.example:3000/cb?x=1')).status).toBe(200);
    expect((await send('https://auth.example.com/cb')).status).toBe(200);
    expect(emulator.outbox).toHaveLength(3);
  });

  it('answers 1249 for a host it does not list, and sends nothing', async () => {
    expectLoginRadiusError(await send('https://evil.example/cb'), 1249);
    // Subdomains and look-alikes are other hosts.
    expectLoginRadiusError(await send('https://www.app.example/cb'), 1249);
    expectLoginRadiusError(await send('https://app.example.evil.example/cb'), 1249);
    expectLoginRadiusError(await send('https://app.example@evil.example/cb'), 1249);
    expect(emulator.outbox).toHaveLength(0);
  });

  it('answers 1249 for a verification URL that is not a URL', async () => {
    expectLoginRadiusError(await send('/auth/callback'), 1249);
  });

  it('checks the default verification URL when none is given', async () => {
    // The default, http://localhost:3000/auth/callback, is not listed.
    expectLoginRadiusError(await send(), 1249);
  });

  it('answers 1249 before looking the account up: it is the site that is set up wrongly', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, {
        email: 'nobody@example.com',
        verificationurl: 'https://evil.example/cb',
      }),
      1249,
    );
  });

  it('does not check the URL of an email that holds only a code', async () => {
    const answer = await send('https://evil.example/cb', { passwordlesslogintemplate: 'code' });
    expect(answer.status).toBe(200);
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_otp');
  });
});

describe('allowedDomains left out (the default)', () => {
  it('sends links to any host', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      const answer = await call(emulator, PATHS.sendEmailLink, {
        email: 'ada@example.com',
        verificationurl: 'https://anything.example/cb',
      });
      expect(answer.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

describe('allowedDomains with the default URL listed', () => {
  it('sends to the default verification URL', async () => {
    const emulator = await startEmulator({ quiet: true, allowedDomains: ['localhost'] });
    try {
      expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
        200,
      );
    } finally {
      await emulator.close();
    }
  });
});
