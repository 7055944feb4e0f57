import { get as httpGet } from 'node:http';
import { EmulatorOptionsError, startEmulator, type Emulator } from '../../src/emulator';
import {
  PATHS,
  TWO_FACTOR_CHALLENGE,
  call,
  login,
  putJson,
  sendLink,
  sendOtp,
  waitFor,
} from './helpers';

describe('fault injection', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true, sendLimits: false });
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.clearFaults());

  const sendAda = () => call(emulator, PATHS.sendEmailLink, { email: 'ada@example.com' });

  it('latency: waits, then answers normally', async () => {
    emulator.inject({ type: 'latency', ms: 150, times: 1 });
    const started = Date.now();
    const answer = await sendAda();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.body).toEqual({ IsPosted: true });
  });

  it('hang: never answers, so the client times out', async () => {
    emulator.inject({ type: 'hang', times: 1 });
    await expect(
      fetch(
        `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`,
        {
          signal: AbortSignal.timeout(200),
        },
      ),
    ).rejects.toThrow();
    expect((await sendAda()).status).toBe(200);
  });

  it('status 500: a generic JSON body that is not a LoginRadius error', async () => {
    emulator.inject({ type: 'status', status: 500, times: 1 });
    const answer = await sendAda();
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ Message: 'An error has occurred.' });
  });

  it.each([502, 503, 504])('status %i: an HTML page', async (status) => {
    emulator.inject({ type: 'status', status, times: 1 });
    const answer = await sendAda();
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.body).toBeUndefined();
    expect(answer.text).toContain(String(status));
  });

  it('status with retryAfter sends Retry-After', async () => {
    emulator.inject({ type: 'status', status: 503, retryAfter: 30, times: 1 });
    expect((await sendAda()).headers.get('retry-after')).toBe('30');
  });

  it('rate_limit: 429 with Retry-After (default 1 s)', async () => {
    emulator.inject({ type: 'rate_limit', times: 1 });
    emulator.inject({ type: 'rate_limit', retryAfter: 7, times: 1 });
    const first = await sendAda();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await sendAda()).headers.get('retry-after')).toBe('7');
  });

  it('malformed_json: 200 application/json that does not parse', async () => {
    emulator.inject({ type: 'malformed_json', times: 1 });
    const response = await fetch(
      `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(response.json()).rejects.toThrow(/JSON/);
  });

  it('reset: headers and part of the body arrive, then the connection breaks', async () => {
    emulator.inject({ type: 'reset', times: 1 });
    const response = await fetch(
      `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`,
    );
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await sendAda()).status).toBe(200);
  });

  it('reset: a node:http client sees the socket reset mid-body', async () => {
    emulator.inject({ type: 'reset', times: 1 });
    const url = `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`;
    const outcome = await new Promise<string>((resolve) => {
      const req = httpGet(url, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve('complete'));
        res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(outcome).toMatch(/ECONNRESET|aborted/);
  });

  it('second_factor: a verify answers the two-factor challenge and spends nothing', async () => {
    emulator.inject({ type: 'second_factor', times: 1 });
    // A send does not consume it: only verifies have a second factor.
    const token = await sendLink(emulator, 'ada@example.com');
    const challenge = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(challenge.status).toBe(200);
    expect(challenge.body).toEqual(TWO_FACTOR_CHALLENGE);
    const real = await call(emulator, PATHS.verifyEmailToken, { verificationtoken: token });
    expect(real.body.access_token).not.toBe(TWO_FACTOR_CHALLENGE.access_token);
    expect(real.body.Profile.Email).toEqual([{ Type: 'Primary', Value: 'ada@example.com' }]);
  });

  it('a faulted verify spends neither the token nor the code', async () => {
    const otp = await sendOtp(emulator, '+14155550101');
    emulator.inject({ endpoint: 'verifyPhoneOtp', type: 'status', status: 502, times: 1 });
    const body = putJson({ phone: '+14155550101', otp });
    expect((await call(emulator, PATHS.verifyPhoneOtp, {}, body)).status).toBe(502);
    expect((await call(emulator, PATHS.verifyPhoneOtp, {}, body)).status).toBe(200);
  });

  it('targets one endpoint when asked', async () => {
    const token = await login(emulator);
    emulator.inject({ endpoint: 'getProfile', type: 'status', status: 503 });
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    expect((await call(emulator, PATHS.validateAccessToken, {}, auth)).status).toBe(200);
    expect((await call(emulator, PATHS.getProfile, {}, auth)).status).toBe(503);
    expect((await call(emulator, PATHS.getProfile, {}, auth)).status).toBe(503);
  });

  it('applies `times` and then stops; without `times` lasts until cleared', async () => {
    emulator.inject({ type: 'status', status: 500, times: 2 });
    expect((await sendAda()).status).toBe(500);
    expect((await sendAda()).status).toBe(500);
    expect((await sendAda()).status).toBe(200);

    emulator.inject({ type: 'rate_limit' });
    for (let i = 0; i < 5; i += 1) expect((await sendAda()).status).toBe(429);
    emulator.clearFaults();
    expect((await sendAda()).status).toBe(200);
  });

  it('consumes faults in the order they were injected', async () => {
    emulator.inject({ type: 'status', status: 502, times: 1 });
    emulator.inject({ type: 'status', status: 503, times: 1 });
    expect((await sendAda()).status).toBe(502);
    expect((await sendAda()).status).toBe(503);
  });

  it('refuses a fault it does not understand', () => {
    expect(() => emulator.inject({ type: 'explode' as never })).toThrow(EmulatorOptionsError);
    expect(() => emulator.inject({ type: 'latency' })).toThrow(/ms/);
    expect(() => emulator.inject({ type: 'status', status: 200 })).toThrow(/400 to 599/);
    expect(() => emulator.inject({ type: 'hang', endpoint: 'nope' as never })).toThrow(/endpoint/);
    expect(() => emulator.inject({ type: 'hang', times: 0 })).toThrow(/times/);
    expect(() => emulator.inject({ type: 'second_factor', endpoint: 'getProfile' })).toThrow(
      /only applies to verify/,
    );
  });
});

describe('closing with requests in flight', () => {
  it('close() ends hung requests and idle keep-alive sockets', async () => {
    const emulator = await startEmulator({ quiet: true });
    await fetch(`${emulator.url}/emulator/health`); // leaves an idle keep-alive socket
    emulator.inject({ type: 'hang' });
    const hung = fetch(
      `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`,
    ).then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => emulator.calls.sendEmailLink === 1);
    await emulator.close();
    expect(await hung).toBe('failed');
  });

  it('close() cancels a latency fault in progress', async () => {
    const emulator = await startEmulator({ quiet: true });
    emulator.inject({ type: 'latency', ms: 60_000 });
    const slow = fetch(
      `${emulator.url}${PATHS.sendEmailLink}?apikey=${emulator.apiKey}&email=ada@example.com`,
    ).then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => emulator.calls.sendEmailLink === 1);
    const started = Date.now();
    await emulator.close();
    expect(await slow).toBe('failed');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('close() can be called twice', async () => {
    const emulator = await startEmulator({ quiet: true });
    await Promise.all([emulator.close(), emulator.close()]);
  });
});
