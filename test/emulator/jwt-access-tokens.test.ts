import { startEmulator, type Emulator } from '../../src/emulator';
import {
  PATHS,
  call,
  expectLoginRadiusError,
  login,
  manualClock,
  putJson,
  sendOtp,
} from './helpers';

const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
}

/** The token with one character of `segment` (0 header, 1 payload, 2 signature) changed. */
function tamper(token: string, segment: number): string {
  const parts = token.split('.');
  const part = parts[segment] ?? '';
  const at = Math.floor(part.length / 2);
  const swapped = part[at] === 'A' ? 'B' : 'A';
  parts[segment] = `${part.slice(0, at)}${swapped}${part.slice(at + 1)}`;
  return parts.join('.');
}

describe('JWT access tokens (accessTokenFormat: "jwt")', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, clock, accessTokenFormat: 'jwt' });
  });
  afterAll(() => emulator.close());

  const bearer = (token: string): RequestInit => ({
    headers: { Authorization: `Bearer ${token}` },
  });

  it('issues three base64url segments with an HS256 JWT header', async () => {
    const token = await login(emulator);
    const segments = token.split('.');
    expect(segments).toHaveLength(3);
    for (const segment of segments) expect(segment).toMatch(BASE64URL_SEGMENT);
    expect(decodeSegment(segments[0])).toEqual({ alg: 'HS256', typ: 'JWT' });
    // HMAC-SHA256: 32 bytes, 43 base64url characters.
    expect(segments[2]).toHaveLength(43);
  });

  it('carries realistic claims: sub is the Uid, exp is iat plus the lifetime', async () => {
    const token = await login(emulator);
    const ada = emulator.accounts.find((account) => account.email === 'ada@example.com');
    const claims = decodeSegment(token.split('.')[1]);
    const iat = Math.floor(clock() / 1000);
    expect(claims).toMatchObject({
      iss: emulator.url,
      sub: ada?.uid,
      aud: emulator.apiKey,
      iat,
      exp: iat + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token_type: 'access_token',
    });
  });

  it('is about as long as LoginRadius JWTs: access ~650, refresh ~760 characters', async () => {
    const answer = await call(emulator, PATHS.verifyEmailToken, {
      verificationtoken: await sendLinkToken(emulator),
    });
    const access: string = answer.body.access_token;
    const refresh: string = answer.body.refresh_token;
    expect(access.length).toBeGreaterThanOrEqual(600);
    expect(access.length).toBeLessThanOrEqual(700);
    expect(refresh.split('.')).toHaveLength(3);
    expect(refresh.length).toBeGreaterThanOrEqual(720);
    expect(refresh.length).toBeLessThanOrEqual(800);
    expect(decodeSegment(refresh.split('.')[1])).toMatchObject({ token_type: 'refresh_token' });
  });

  it('signs every token differently', async () => {
    const first = await login(emulator);
    const second = await login(emulator);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('validate, profile and invalidate take it as a Bearer header or as access_token', async () => {
    const token = await login(emulator);
    const validated = await call(emulator, PATHS.validateAccessToken, {}, bearer(token));
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({
      access_token: token,
      expires_in: new Date(clock() + 900_000).toISOString(),
    });
    const byQuery = await call(emulator, PATHS.getProfile, {
      access_token: token,
      fields: 'Email',
    });
    expect(byQuery.body).toEqual({ Email: [{ Type: 'Primary', Value: 'ada@example.com' }] });
    expect((await call(emulator, PATHS.invalidateAccessToken, {}, bearer(token))).body).toEqual({
      IsPosted: true,
    });
    expectLoginRadiusError(await call(emulator, PATHS.validateAccessToken, {}, bearer(token)), 905);
  });

  it('comes from a phone login too', async () => {
    const otp = await sendOtp(emulator, '+14155550101');
    const answer = await call(
      emulator,
      PATHS.verifyPhoneOtp,
      {},
      putJson({ phone: '+14155550101', otp }),
    );
    expect((answer.body.access_token as string).split('.')).toHaveLength(3);
  });

  it.each([
    ['header', 0],
    ['payload', 1],
    ['signature', 2],
  ])('refuses a token with one character of its %s changed (905)', async (_part, segment) => {
    const token = await login(emulator);
    const forged = tamper(token, segment);
    expect(forged).not.toBe(token);
    expectLoginRadiusError(
      await call(emulator, PATHS.validateAccessToken, {}, bearer(forged)),
      905,
    );
    expectLoginRadiusError(await call(emulator, PATHS.getProfile, { access_token: forged }), 905);
    // The real one still works: the forgery did not spend it.
    expect((await call(emulator, PATHS.validateAccessToken, {}, bearer(token))).status).toBe(200);
  });

  it('refuses a token signed with another secret (905)', async () => {
    const other = await startEmulator({ quiet: true, clock, accessTokenFormat: 'jwt' });
    try {
      const foreign = await login(other);
      expectLoginRadiusError(
        await call(emulator, PATHS.validateAccessToken, {}, bearer(foreign)),
        905,
      );
    } finally {
      await other.close();
    }
  });

  it('answers 906 once it has expired', async () => {
    const token = await login(emulator);
    clock.advance(900_000);
    expectLoginRadiusError(await call(emulator, PATHS.validateAccessToken, {}, bearer(token)), 906);
  });
});

describe('access tokens by default', () => {
  it('are GUIDs', async () => {
    const emulator = await startEmulator({ quiet: true });
    try {
      expect(await login(emulator)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      await emulator.close();
    }
  });
});

async function sendLinkToken(emulator: Emulator): Promise<string> {
  await call(emulator, PATHS.sendEmailLink, { email: 'grace@example.com' });
  return emulator.outbox.latest('grace@example.com')?.token ?? '';
}
