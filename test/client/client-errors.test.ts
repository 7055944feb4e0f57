/**
 * Every error kind of LoginRadiusClient, each with its stable code, and the
 * proof that no error's message, stack, cause or JSON holds the API key, a
 * token or a code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  LoginRadiusClient,
  LoginRadiusError,
  PasswordlessError,
  isPasswordlessError,
} from '../../src/index';
import { startClientFixture, type ClientFixture } from '../support/emulator';

const API_KEY = 'secret-api-key-1234567890';
const TOKEN = 'vtoken-secret-abcdefghijklmnop';
const OTP = '987654';

let f: ClientFixture;
beforeAll(async () => {
  f = await startClientFixture({ apiKey: API_KEY }, { timeout: 400 });
});
afterAll(async () => f.close());
afterEach(() => f.emulator.clearFaults());

const phone = () => f.emulator.accounts[0]!.phone!;

/** Everything an error could leak through: message, stack, cause chain, JSON, own properties. */
function everythingIn(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const e = current as Error & Record<string, unknown>;
    parts.push(
      String(e.message),
      String(e.stack),
      JSON.stringify(e),
      JSON.stringify(Object.entries(e)),
    );
    current = e.cause;
  }
  return parts.join('\n');
}

async function failureOf(promise: Promise<unknown>): Promise<PasswordlessError> {
  try {
    await promise;
  } catch (error) {
    expect(isPasswordlessError(error)).toBe(true);
    return error as PasswordlessError;
  }
  throw new Error('expected the call to fail');
}

const cases: [string, string, () => Promise<unknown>][] = [
  [
    'LR_ERROR for an invalid token',
    'LR_ERROR',
    () => f.client.verifyEmailToken({ verificationToken: TOKEN }),
  ],
  [
    'LR_ERROR for a wrong code',
    'LR_ERROR',
    () => f.client.verifyPhoneOtp({ phone: phone(), otp: OTP }),
  ],
  [
    'LR_RATE_LIMITED on 429',
    'LR_RATE_LIMITED',
    () => {
      f.emulator.inject({ type: 'rate_limit', retryAfter: 7, times: 1 });
      return f.client.verifyEmailToken({ verificationToken: TOKEN });
    },
  ],
  [
    'LR_TIMEOUT when the upstream hangs',
    'LR_TIMEOUT',
    () => {
      f.emulator.inject({ type: 'hang', times: 1 });
      return f.client.verifyPhoneOtp({ phone: phone(), otp: OTP });
    },
  ],
  [
    'LR_UNAVAILABLE on 503',
    'LR_UNAVAILABLE',
    () => {
      f.emulator.inject({ type: 'status', status: 503, times: 1 });
      return f.client.verifyEmailToken({ verificationToken: TOKEN });
    },
  ],
  [
    'LR_UNAVAILABLE on a connection reset mid-body',
    'LR_UNAVAILABLE',
    () => {
      f.emulator.inject({ type: 'reset', times: 1 });
      return f.client.verifyPhoneOtp({ phone: phone(), otp: OTP });
    },
  ],
  [
    'LR_BAD_RESPONSE on malformed JSON',
    'LR_BAD_RESPONSE',
    () => {
      f.emulator.inject({ type: 'malformed_json', times: 1 });
      return f.client.verifyEmailToken({ verificationToken: TOKEN });
    },
  ],
  [
    'LR_BAD_RESPONSE on a second-factor challenge',
    'LR_BAD_RESPONSE',
    () => {
      f.emulator.inject({ type: 'second_factor', times: 1 });
      return f.client.verifyPhoneOtp({ phone: phone(), otp: OTP });
    },
  ],
  [
    'INVALID_INPUT for a malformed code',
    'INVALID_INPUT',
    () => f.client.verifyPhoneOtp({ phone: phone(), otp: `${OTP}<script>` }),
  ],
  [
    'INVALID_INPUT for a malformed token',
    'INVALID_INPUT',
    () => f.client.verifyEmailToken({ verificationToken: `${TOKEN} x` }),
  ],
];

test.each(cases)('%s, with no secret anywhere in the error', async (_name, code, call) => {
  const error = await failureOf(call());
  expect(error.code).toBe(code);
  expect(error).toBeInstanceOf(PasswordlessError);
  const text = everythingIn(error);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(OTP);
});

test('LR_ERROR carries ErrorCode, Message, Description and the HTTP status', async () => {
  const error = await failureOf(f.client.sendEmailLink({ email: 'nobody@example.com' }));
  expect(error).toBeInstanceOf(LoginRadiusError);
  expect(error).toMatchObject({
    code: 'LR_ERROR',
    errorCode: 1023,
    upstreamMessage: 'Email address does not exist',
    statusCode: 403,
  });
  expect((error as LoginRadiusError).description).toMatch(/does not exist/);
});

test('LR_RATE_LIMITED carries Retry-After in seconds', async () => {
  f.emulator.inject({ type: 'rate_limit', retryAfter: 7, times: 1 });
  const error = await failureOf(f.client.sendPhoneOtp({ phone: phone() }));
  expect(error).toMatchObject({ code: 'LR_RATE_LIMITED', retryAfter: 7 });
});

test('a 200 without access_token is never a login', async () => {
  f.emulator.inject({ type: 'second_factor', times: 1 });
  const error = await failureOf(f.client.verifyEmailToken({ verificationToken: TOKEN }));
  expect(error).toMatchObject({ code: 'LR_BAD_RESPONSE', reason: 'second_factor_required' });
});

test('LR_UNAVAILABLE when nothing listens', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const client = new LoginRadiusClient({
    apiKey: API_KEY,
    baseUrl: `http://127.0.0.1:${port}`,
    breaker: false,
  });
  const error = await failureOf(client.verifyEmailToken({ verificationToken: TOKEN }));
  expect(error.code).toBe('LR_UNAVAILABLE');
  expect(everythingIn(error)).not.toContain(API_KEY);
  await client.close();
});

test('an upstream that echoes secrets in its error text has them redacted', async () => {
  let server: Server | undefined;
  try {
    server = createServer((req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ErrorCode: 1063,
          Message: `bad ${TOKEN} for ${API_KEY}`,
          Description: req.url,
        }),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new LoginRadiusClient({
      apiKey: API_KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      breaker: false,
    });
    const error = await failureOf(client.verifyEmailToken({ verificationToken: TOKEN }));
    expect(error.code).toBe('LR_ERROR');
    const text = everythingIn(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(API_KEY);
    await client.close();
  } finally {
    server?.close();
  }
});

test('errors are recognised across package copies through their Symbol.for brand', async () => {
  const error = await failureOf(f.client.sendEmailLink({ email: 'nobody@example.com' }));
  // A plain object carrying the brand, as another copy of the package would make.
  const foreign = Object.assign(Object.create(Error.prototype), { code: 'LR_ERROR' });
  Object.defineProperty(foreign, Symbol.for('passport-loginradius-passwordless.error'), {
    value: true,
  });
  expect(foreign).toBeInstanceOf(PasswordlessError);
  expect(foreign).toBeInstanceOf(LoginRadiusError);
  expect(error).toBeInstanceOf(LoginRadiusError);
  expect({ code: 'LR_ERROR' }).not.toBeInstanceOf(PasswordlessError);
});
