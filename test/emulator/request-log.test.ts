import { startEmulator, type Emulator } from '../../src/emulator';
import { PATHS, call, manualClock, postJson, putJson } from './helpers';

describe('the log of API requests (emulator.requests, GET /emulator/requests)', () => {
  const clock = manualClock();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, clock, sendLimits: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.clearRequests();
    emulator.clearFaults();
  });

  const fromIp = (ip: string): RequestInit => ({ headers: { 'X-Origin-IP': ip } });

  it("records the end user's IP from X-Origin-IP, with endpoint, method, captcha and time", async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }, fromIp('203.0.113.7'));
    expect(emulator.requests).toEqual([
      {
        endpoint: 'sendEmailLink',
        method: 'GET',
        originIp: '203.0.113.7',
        captcha: false,
        at: new Date(clock()).toISOString(),
      },
    ]);
  });

  it('leaves originIp out when the header is absent or empty', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }, fromIp(' '));
    for (const request of emulator.requests) expect(request).not.toHaveProperty('originIp');
  });

  it('keeps an IPv6 address as it came', async () => {
    await call(emulator, PATHS.getProfile, {}, fromIp('2001:db8::1'));
    expect(emulator.requests[0]?.originIp).toBe('2001:db8::1');
  });

  it('says whether a captcha answer came, in the query or in a JSON body', async () => {
    await call(emulator, PATHS.sendEmailLink, {
      email: 'ada@example.com',
      'g-recaptcha-response': 'x',
    });
    await call(
      emulator,
      PATHS.sendPhoneOtp,
      {},
      postJson({ phone: '+14155550101', 'g-recaptcha-response': 'y' }),
    );
    await call(emulator, PATHS.sendPhoneOtp, { phone: '+14155550101' });
    await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'PUT', body: '{broken' });
    expect(emulator.requests.map((request) => [request.method, request.captcha])).toEqual([
      ['GET', true],
      ['POST', true],
      ['GET', false],
      ['PUT', false],
    ]);
  });

  it('records failed, refused and faulted requests, oldest first', async () => {
    emulator.inject({ type: 'status', status: 503, times: 1 });
    await call(emulator, PATHS.validateAccessToken, {}, fromIp('198.51.100.1'));
    await call(emulator, PATHS.sendEmailLink, { apikey: 'wrong' }, fromIp('198.51.100.2'));
    await call(emulator, PATHS.verifyPhoneOtp, {}, { ...putJson({}), ...fromIp('198.51.100.3') });
    expect(emulator.requests.map((request) => [request.endpoint, request.originIp])).toEqual([
      ['validateAccessToken', '198.51.100.1'],
      ['sendEmailLink', '198.51.100.2'],
      ['verifyPhoneOtp', '198.51.100.3'],
    ]);
  });

  it('does not record unknown paths, wrong methods or the control API', async () => {
    await call(emulator, '/identity/v2/nothing');
    await call(emulator, PATHS.verifyPhoneOtp, {}, { method: 'GET' });
    await fetch(`${emulator.url}/emulator/requests`);
    expect(emulator.requests).toEqual([]);
  });

  it('keeps the last 1,000 only', async () => {
    for (let i = 0; i < 1005; i += 1) {
      await call(
        emulator,
        PATHS.validateAccessToken,
        {},
        fromIp(`10.0.${Math.floor(i / 256)}.${i % 256}`),
      );
    }
    const requests = emulator.requests;
    expect(requests).toHaveLength(1000);
    expect(requests[0]?.originIp).toBe('10.0.0.5');
    expect(requests.at(-1)?.originIp).toBe('10.0.3.236');
  });

  it('hands out a frozen snapshot', async () => {
    await call(emulator, PATHS.getProfile);
    const snapshot = emulator.requests;
    await call(emulator, PATHS.getProfile);
    expect(snapshot).toHaveLength(1);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot[0])).toBe(true);
    expect(emulator.requests).toHaveLength(2);
  });

  it('caps a huge X-Origin-IP at 256 characters', async () => {
    await call(emulator, PATHS.getProfile, {}, fromIp('1'.repeat(5000)));
    expect(emulator.requests[0]?.originIp).toHaveLength(256);
  });

  it('GET /emulator/requests lists the log; DELETE clears it', async () => {
    await call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' }, fromIp('192.0.2.9'));
    const listed = await fetch(`${emulator.url}/emulator/requests`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual(JSON.parse(JSON.stringify(emulator.requests)));
    const cleared = await fetch(`${emulator.url}/emulator/requests`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(emulator.requests).toEqual([]);
  });
});
