import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call } from './helpers';

describe('the /emulator control API', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, sendLimits: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.outbox.clear();
    emulator.clearFaults();
    emulator.resetCalls();
  });

  const control = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${emulator.url}/emulator/${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  const postJson = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('GET health answers ok without an API key', async () => {
    expect(await control('health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('GET outbox lists messages oldest first, filtered by ?to= case-insensitively', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    await call(emulator, PATHS.sendEmailLink, { email: 'grace@example.com' });
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    const all = await control('outbox');
    expect(all.body.map((message: { to: string }) => message.to)).toEqual([
      'ada@example.com',
      'grace@example.com',
      '+14155550101',
    ]);
    expect(all.body).toEqual(JSON.parse(JSON.stringify(emulator.outbox)));
    const ada = await control('outbox?to=ADA@example.com');
    expect(ada.body).toHaveLength(1);
    expect(ada.body[0].token).toBe(emulator.outbox[0]?.token);
    const phone = await control(`outbox?to=${encodeURIComponent('+14155550101')}`);
    expect(phone.body[0].otp).toMatch(/^\d{6}$/);
  });

  it('DELETE outbox clears it', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    expect((await control('outbox', { method: 'DELETE' })).status).toBe(200);
    expect(emulator.outbox).toHaveLength(0);
  });

  it('GET calls is the counter snapshot; DELETE resets it', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    expect((await control('calls')).body).toEqual(emulator.calls);
    expect((await control('calls')).body.sendEmailLink).toBe(1);
    await control('calls', { method: 'DELETE' });
    expect(emulator.calls.total).toBe(0);
  });

  it('POST faults injects one; DELETE faults clears them', async () => {
    const created = await control(
      'faults',
      postJson({ endpoint: 'sendEmailLink', type: 'status', status: 502 }),
    );
    expect(created.status).toBe(201);
    expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
      502,
    );
    await control('faults', { method: 'DELETE' });
    expect((await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' })).status).toBe(
      200,
    );
  });

  it('POST faults refuses a bad fault with 400 and a reason', async () => {
    const answer = await control('faults', postJson({ type: 'explode' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/Unknown fault type/);
    const broken = await control('faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(broken.status).toBe(400);
  });

  it('GET accounts lists accounts without their profiles', async () => {
    const answer = await control('accounts');
    expect(answer.body[0]).toEqual({
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      email: 'ada@example.com',
      username: 'ada',
      phone: '+14155550101',
      phoneVerified: true,
      blocked: false,
      locked: false,
      twoFactor: false,
    });
    expect(answer.body[0]).not.toHaveProperty('profile');
  });

  it('POST accounts adds one that can log in; a duplicate is 409, a bad one 400', async () => {
    const created = await control(
      'accounts',
      postJson({ email: 'new@example.com', phone: '+14155550177' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'new@example.com',
      phone: '+14155550177',
      phoneVerified: true,
    });
    expect((await call(emulator, PATHS.sendEmailLink, { email: 'new@example.com' })).status).toBe(
      200,
    );
    expect((await control('accounts', postJson({ email: 'NEW@example.com' }))).status).toBe(409);
    expect((await control('accounts', postJson({ email: 'not-an-email' }))).status).toBe(400);
  });

  it('answers 404 for an unknown control path and 405 for a wrong method', async () => {
    expect((await control('nothing')).status).toBe(404);
    expect((await control('__proto__')).status).toBe(404);
    const wrong = await control('health', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
