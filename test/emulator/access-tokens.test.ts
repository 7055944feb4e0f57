import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, expectLoginRadiusError, login, manualClock } from './helpers';

describe('access tokens', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, clock, accessTokenTtlSeconds: 900 });
  });
  afterAll(() => emulator.close());

  const bearer = (token: string): RequestInit => ({
    headers: { Authorization: `Bearer ${token}` },
  });

  it('validate answers the token, its refresh token and its ISO expiry', async () => {
    const token = await login(emulator);
    const answer = await call(emulator, PATHS.validateAccessToken, {}, bearer(token));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: token,
      refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expires_in: new Date(clock() + 900_000).toISOString(),
    });
  });

  it('takes the token from the access_token query parameter too', async () => {
    const token = await login(emulator);
    const answer = await call(emulator, PATHS.validateAccessToken, { access_token: token });
    expect(answer.body.access_token).toBe(token);
  });

  it('account answers the bare Profile, honouring fields', async () => {
    const token = await login(emulator);
    const ada = emulator.accounts.find((account) => account.email === 'ada@example.com');
    const full = await call(emulator, PATHS.getProfile, {}, bearer(token));
    expect(full.status).toBe(200);
    expect(full.body).toEqual(ada?.profile);
    const some = await call(emulator, PATHS.getProfile, { fields: 'uid,firstname' }, bearer(token));
    expect(some.body).toEqual({ Uid: ada?.uid, FirstName: 'Ada' });
  });

  it('invalidate answers IsPosted and the token is dead afterwards (905)', async () => {
    const token = await login(emulator);
    const answer = await call(
      emulator,
      PATHS.invalidateAccessToken,
      { preventRefresh: '' },
      bearer(token),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ IsPosted: true });
    expectLoginRadiusError(await call(emulator, PATHS.validateAccessToken, {}, bearer(token)), 905);
    expectLoginRadiusError(await call(emulator, PATHS.getProfile, {}, bearer(token)), 905);
    expectLoginRadiusError(
      await call(emulator, PATHS.invalidateAccessToken, {}, bearer(token)),
      905,
    );
  });

  it('invalidating one token leaves other sessions alone', async () => {
    const first = await login(emulator);
    const second = await login(emulator);
    await call(emulator, PATHS.invalidateAccessToken, {}, bearer(first));
    expect((await call(emulator, PATHS.validateAccessToken, {}, bearer(second))).status).toBe(200);
  });

  it('answers 906 once the token has expired', async () => {
    const token = await login(emulator);
    clock.advance(900_000 - 1);
    expect((await call(emulator, PATHS.validateAccessToken, {}, bearer(token))).status).toBe(200);
    clock.advance(1);
    expectLoginRadiusError(await call(emulator, PATHS.validateAccessToken, {}, bearer(token)), 906);
    expectLoginRadiusError(await call(emulator, PATHS.getProfile, {}, bearer(token)), 906);
  });

  it('answers 905 for an unknown token and 1060 for a missing one', async () => {
    expectLoginRadiusError(
      await call(
        emulator,
        PATHS.validateAccessToken,
        {},
        bearer('00000000-0000-4000-8000-000000000000'),
      ),
      905,
    );
    expectLoginRadiusError(await call(emulator, PATHS.validateAccessToken), 1060);
    expectLoginRadiusError(await call(emulator, PATHS.getProfile, { access_token: '' }), 1060);
    expectLoginRadiusError(
      await call(
        emulator,
        PATHS.invalidateAccessToken,
        {},
        { headers: { Authorization: 'Basic eDp5' } },
      ),
      1060,
    );
  });

  it('live 15 minutes unless told otherwise, as LoginRadius tokens do', async () => {
    const defaults = await startEmulator({ quiet: true, clock });
    try {
      const token = await login(defaults);
      const answer = await call(defaults, PATHS.validateAccessToken, {}, bearer(token));
      expect(answer.body.expires_in).toBe(new Date(clock() + 15 * 60_000).toISOString());
      clock.advance(15 * 60_000);
      expectLoginRadiusError(
        await call(defaults, PATHS.validateAccessToken, {}, bearer(token)),
        906,
      );
    } finally {
      await defaults.close();
    }
  });

  it('every login issues a different token', async () => {
    expect(await login(emulator)).not.toBe(await login(emulator));
  });
});
