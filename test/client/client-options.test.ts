/**
 * Constructing LoginRadiusClient: required and default options, the one
 * deadline per call, connection reuse, a caller's own undici dispatcher, and
 * redacted call logs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { LoginRadiusClient, type UpstreamCallInfo } from '../../src/index';
import { DEFAULT_BASE_URL } from '../../src/loginradius/client-options';
import { startClientFixture } from '../support/emulator';

test('apiKey is required, with a TypeError that says what to pass', () => {
  expect(() => new LoginRadiusClient({} as never)).toThrow(TypeError);
  expect(() => new LoginRadiusClient({ apiKey: '' })).toThrow(/apiKey/);
  expect(() => new LoginRadiusClient(undefined as never)).toThrow(/options object/);
});

test('baseUrl defaults to LoginRadius and must be an http(s) URL', () => {
  expect(new LoginRadiusClient({ apiKey: 'k' }).baseUrl).toBe(DEFAULT_BASE_URL);
  expect(new LoginRadiusClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/' }).baseUrl).toBe(
    'http://127.0.0.1:9',
  );
  expect(() => new LoginRadiusClient({ apiKey: 'k', baseUrl: 'ftp://x' })).toThrow(/http/);
  expect(() => new LoginRadiusClient({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(
    /absolute URL/,
  );
});

test('timeout defaults to 10 s and is bounded', () => {
  expect(new LoginRadiusClient({ apiKey: 'k' }).timeout).toBe(10_000);
  expect(() => new LoginRadiusClient({ apiKey: 'k', timeout: 0 })).toThrow(/timeout/);
  expect(() => new LoginRadiusClient({ apiKey: 'k', timeout: Number.NaN })).toThrow(/timeout/);
});

test('the API key never shows when the client is logged or serialized', () => {
  const client = new LoginRadiusClient({ apiKey: 'very-secret-key' });
  expect(JSON.stringify(client)).not.toContain('very-secret-key');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('node:util').inspect(client, { depth: 5 })).not.toContain('very-secret-key');
});

test('a hung upstream fails with LR_TIMEOUT within the deadline, body included', async () => {
  // Headers arrive at once, the body never ends: the deadline must cover the body too.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"IsPosted":');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new LoginRadiusClient({
    apiKey: 'k',
    baseUrl: `http://127.0.0.1:${port}`,
    timeout: 300,
    breaker: false,
  });
  const started = Date.now();
  await expect(client.sendEmailLink({ email: 'a@example.com' })).rejects.toMatchObject({
    code: 'LR_TIMEOUT',
    timeoutMs: 300,
  });
  expect(Date.now() - started).toBeLessThan(300 + 1000);
  await client.close();
  server.closeAllConnections();
  server.close();
});

test('a 503 is seen upstream exactly once: no retry', async () => {
  const f = await startClientFixture();
  f.emulator.inject({ endpoint: 'verifyPhoneOtp', type: 'status', status: 503 });
  const phone = f.emulator.accounts[0]!.phone!;
  await expect(f.client.verifyPhoneOtp({ phone, otp: '123456' })).rejects.toMatchObject({
    code: 'LR_UNAVAILABLE',
    statusCode: 503,
  });
  f.emulator.inject({ endpoint: 'sendEmailLink', type: 'status', status: 503 });
  await expect(f.client.sendEmailLink({ email: 'a@example.com' })).rejects.toMatchObject({
    code: 'LR_UNAVAILABLE',
  });
  expect(f.emulator.calls.verifyPhoneOtp).toBe(1);
  expect(f.emulator.calls.sendEmailLink).toBe(1);
  await f.close();
});

test('connections are reused between calls (keep-alive)', async () => {
  const sockets = new Set<unknown>();
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"IsPosted":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new LoginRadiusClient({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}` });
  for (let i = 0; i < 10; i += 1) await client.sendEmailLink({ email: `u${i}@example.com` });
  // undici may open a second socket while the first is being released; never one per call.
  expect(sockets.size).toBeLessThanOrEqual(2);
  await client.close();
  server.close();
});

test('a caller-supplied undici dispatcher (MockAgent) carries the calls', async () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://api.loginradius.com')
    .intercept({
      path: (path) => path.startsWith('/identity/v2/auth/login/passwordlesslogin/email?'),
      method: 'GET',
    })
    .reply(200, { IsPosted: true });
  const client = new LoginRadiusClient({ apiKey: 'k', dispatcher: agent });
  await expect(client.sendEmailLink({ email: 'a@example.com' })).resolves.toMatchObject({
    sent: true,
  });
  await client.close(); // does not close a dispatcher it does not own
  await agent.close();
});

test('onCall reports each call with the API key, token and code redacted', async () => {
  const calls: UpstreamCallInfo[] = [];
  const f = await startClientFixture({}, { onCall: (info) => calls.push(info) });
  const account = f.emulator.accounts[0]!;
  await f.client.sendPhoneOtp({ phone: account.phone! });
  const otp = f.emulator.outbox.latest(account.phone!)!.otp!;
  const login = await f.client.verifyPhoneOtp({ phone: account.phone!, otp });
  await f.client.sendEmailLink({ email: account.email });
  const token = new URL(f.emulator.outbox.latest(account.email)!.link!).searchParams.get('vtoken')!;
  await f.client.verifyEmailToken({ verificationToken: token }).catch(() => undefined);
  await f.client.getProfile(login.accessToken);
  const text = JSON.stringify(calls);
  expect(calls.map((c) => c.operation)).toEqual([
    'sendPhoneOtp',
    'verifyPhoneOtp',
    'sendEmailLink',
    'verifyEmailToken',
    'getProfile',
  ]);
  expect(calls[0]!.url).toContain('apikey=[redacted]');
  for (const secret of [f.emulator.apiKey, otp, token, login.accessToken])
    expect(text).not.toContain(secret);
  await f.close();
});

test('a deadline ends the call even when aborting its request throws (no hang, no crash)', async () => {
  // A dispatcher that accepts the request, hands over an abort that throws, and never answers.
  const aborts: unknown[] = [];
  const silent = {
    dispatch(_options: unknown, handler: { onConnect?(abort: (reason: Error) => void): void }) {
      handler.onConnect?.((reason) => {
        aborts.push(reason);
        throw new Error('abort failed');
      });
      return true;
    },
    close: async () => undefined,
  };
  const client = new LoginRadiusClient({ apiKey: 'k', timeout: 20, dispatcher: silent as never });
  await expect(client.sendEmailLink({ email: 'a@example.com' })).rejects.toMatchObject({
    code: 'LR_TIMEOUT',
  });
  expect(aborts).toHaveLength(1);
});

test('a signal that is not an AbortSignal fails the call before it starts (nothing left to time out)', async () => {
  const dispatched: unknown[] = [];
  const recorder = {
    dispatch: (options: unknown) => dispatched.push(options),
    close: async () => undefined,
  };
  const client = new LoginRadiusClient({ apiKey: 'k', timeout: 20, dispatcher: recorder as never });
  for (const signal of [{ aborted: false }, 'abort', null]) {
    await expect(
      client.sendEmailLink({ email: 'a@example.com' }, { signal: signal as never }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'signal' });
  }
  expect(dispatched).toHaveLength(0);
  // A real one still works (aborted at once here).
  await expect(
    client.sendEmailLink({ email: 'a@example.com' }, { signal: AbortSignal.abort() }),
  ).rejects.toMatchObject({ code: 'LR_UNAVAILABLE' });
});
