import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError } from './helpers';

describe('sending a login link by email or username', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.outbox.clear());

  it('answers {"IsPosted": true} and puts a link email in the outbox', async () => {
    const answer = await call(emulator, PATHS.sendEmailLink, {
      email: 'ada@example.com',
      passwordlesslogintemplate: 'magic-link',
      verificationurl: 'https://app.example/auth/callback',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ IsPosted: true });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);

    expect(emulator.outbox).toHaveLength(1);
    const message = emulator.outbox[0];
    expect(message).toEqual({
      channel: 'email',
      kind: 'passwordless_link',
      to: 'ada@example.com',
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      link: `https://app.example/auth/callback?vtype=oneclicksignin&vtoken=${message?.token}`,
      template: 'magic-link',
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('finds the account by username, case-insensitively', async () => {
    const answer = await call(emulator, PATHS.sendEmailLink, { username: 'GRACE' });
    expect(answer.body).toEqual({ IsPosted: true });
    expect(emulator.outbox.latest()?.to).toBe('grace@example.com');
  });

  it('finds the account by email case-insensitively and sends to the stored address', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'Ada@EXAMPLE.com' });
    expect(emulator.outbox.latest()?.to).toBe('ada@example.com');
  });

  it('uses the default verification URL when none is given', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    const message = emulator.outbox.latest();
    expect(message?.link).toBe(
      `http://localhost:3000/auth/callback?vtype=oneclicksignin&vtoken=${message?.token}`,
    );
    expect(message).not.toHaveProperty('template');
  });

  it('joins the token with & when the verification URL already has a query string', async () => {
    await call(emulator, PATHS.sendEmailLink, {
      email: 'ada@example.com',
      verificationurl: 'https://app.example/cb?returnTo=%2Fhome',
    });
    const message = emulator.outbox.latest();
    expect(message?.link).toBe(
      `https://app.example/cb?returnTo=%2Fhome&vtype=oneclicksignin&vtoken=${message?.token}`,
    );
  });

  it('makes a fresh token for every send', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    const [first, second] = emulator.outbox.for('ada@example.com');
    expect(first?.token).not.toBe(second?.token);
  });

  it('answers 1141 when neither email nor username is given', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink), 1141);
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { email: '' }), 1141);
  });

  it('answers 1038 for a malformed email', async () => {
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { email: 'ada@' }), 1038);
  });

  it('answers 1023 for an unknown email and 1022 for an unknown username', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'nobody@example.com' }),
      1023,
    );
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { username: 'nobody' }), 1022);
  });

  it('answers 991 for a blocked account, by email and by username', async () => {
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: 'mallory@example.com' }),
      991,
    );
    expectLoginRadiusError(await call(emulator, PATHS.sendEmailLink, { username: 'mallory' }), 991);
  });

  it('sends nothing when it refuses', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'nobody@example.com' });
    await call(emulator, PATHS.sendEmailLink, { email: 'mallory@example.com' });
    expect(emulator.outbox).toHaveLength(0);
  });
});
