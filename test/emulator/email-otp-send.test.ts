import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call } from './helpers';

describe('what the passwordless email holds (emailToken, emailTokenByTemplate)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quiet: true,
      sendLimits: false,
      otpLength: 8,
      emailTokenByTemplate: { 'code-only': 'otp', 'link-and-code': 'both', 'magic-link': 'link' },
    });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.outbox.clear());

  const send = (query: Record<string, string>) => call(emulator, PATHS.sendEmailLink, query);

  it('holds a link by default, and no code', async () => {
    await send({ email: 'ada@example.com' });
    const message = emulator.outbox.latest();
    expect(message).toMatchObject({ channel: 'email', kind: 'passwordless_link' });
    expect(message?.link).toContain(`vtoken=${message?.token}`);
    expect(message).not.toHaveProperty('otp');
  });

  it('holds only a code for a template set to "otp": kind passwordless_otp, channel email', async () => {
    const answer = await send({ email: 'ada@example.com', passwordlesslogintemplate: 'code-only' });
    expect(answer.body).toEqual({ IsPosted: true });
    expect(emulator.outbox).toEqual([
      {
        channel: 'email',
        kind: 'passwordless_otp',
        to: 'ada@example.com',
        otp: expect.stringMatching(/^\d{8}$/),
        template: 'code-only',
        sentAt: expect.any(String),
      },
    ]);
  });

  it('holds a link and a code for a template set to "both"', async () => {
    await send({ username: 'grace', PasswordLessLoginTemplate: 'link-and-code' });
    expect(emulator.outbox.latest()).toEqual({
      channel: 'email',
      kind: 'passwordless_link',
      to: 'grace@example.com',
      link: expect.stringMatching(/vtype=oneclicksignin&vtoken=[0-9a-f]{64}$/),
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      otp: expect.stringMatching(/^\d{8}$/),
      template: 'link-and-code',
      sentAt: expect.any(String),
    });
  });

  it('matches template names exactly; an unlisted one follows emailToken', async () => {
    await send({ email: 'ada@example.com', passwordlesslogintemplate: 'CODE-ONLY' });
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');
    await send({ email: 'ada@example.com', passwordlesslogintemplate: 'other' });
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');
  });

  it('makes a fresh code for every send', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      await send({ email: 'ada@example.com', passwordlesslogintemplate: 'code-only' });
      codes.add(emulator.outbox.latest()?.otp ?? '');
    }
    expect(codes.size).toBeGreaterThan(1);
  });
});

describe('a site whose emails hold codes (emailToken: "otp")', () => {
  it('sends a code for every template unless one says otherwise', async () => {
    const emulator = await startEmulator({
      quiet: true,
      emailToken: 'otp',
      emailTokenByTemplate: { 'magic-link': 'link' },
    });
    try {
      await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
      expect(emulator.outbox.latest()).toMatchObject({
        kind: 'passwordless_otp',
        channel: 'email',
      });
      expect(emulator.outbox.latest()?.otp).toMatch(/^\d{6}$/);
      expect(emulator.outbox.latest()).not.toHaveProperty('token');
      await call(emulator, PATHS.sendEmailLink, {
        email: 'ada@example.com',
        passwordlesslogintemplate: 'magic-link',
      });
      expect(emulator.outbox.latest()).toMatchObject({ kind: 'passwordless_link' });
      expect(emulator.outbox.latest()).not.toHaveProperty('otp');
    } finally {
      await emulator.close();
    }
  });
});
