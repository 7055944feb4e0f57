/**
 * Every factory and constructor parses its options by the same rules, once:
 * `undefined` is the same as leaving an option out, at the top and inside
 * nested options; a misspelled option is refused at setup with a TypeError
 * whose code is ERR_PASSWORDLESS_OPTIONS and whose message names the closest
 * real option, including one that belongs one level down.
 */
import {
  LoginRadiusClient,
  PasswordlessStrategy,
  createRequestRouter,
  createVerifyRouter,
  errorHandler,
  requireLogin,
} from '../../src/index';
import { CLIENT_NAMES, parseClientOptions } from '../../src/loginradius/client-options';
import type { OptionNames } from '../../src/option-checks';
import { parseRequestRouterOptions, REQUEST_NAMES } from '../../src/routes/request-config';
import { parseVerifyRouterOptions, VERIFY_NAMES } from '../../src/routes/verify-config';
import { parseStrategyOptions, STRATEGY_NAMES } from '../../src/strategy-options';

const client = new LoginRadiusClient({ apiKey: 'k' });
const verify = async (): Promise<string> => 'user';
const callbackUrl = 'https://app.example/auth/callback';

/** A configuration with functions and class instances reduced to comparable descriptions. */
function comparable(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[deep]';
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (value instanceof Set) return [...value].sort();
  if (value instanceof Map) return [...value.entries()];
  if (Array.isArray(value)) return value.map((item) => comparable(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    if (prototype && prototype !== Object.prototype) return `[${prototype.constructor?.name}]`;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, comparable(inner, depth + 1)]),
    );
  }
  return value;
}

/** Each option of a factory, set to `undefined`, parses exactly as when left out. */
function expectUndefinedIsAbsent(
  parse: (options: Record<string, unknown>) => unknown,
  base: Record<string, unknown>,
  { top, nested = {} }: OptionNames,
): void {
  const plain = comparable(parse(base));
  // The parsers' own name lists: an option added later is covered by itself.
  expect(top.length).toBeGreaterThan(Object.keys(base).length);
  for (const name of top) {
    if (name in base) continue;
    expect([name, comparable(parse({ ...base, [name]: undefined }))]).toEqual([name, plain]);
  }
  for (const [parent, inner] of Object.entries(nested)) {
    for (const name of inner) {
      const options = { ...base, [parent]: { [name]: undefined } };
      expect([`${parent}.${name}`, comparable(parse(options))]).toEqual([
        `${parent}.${name}`,
        plain,
      ]);
    }
  }
}

describe('undefined means absent, for every option', () => {
  test('createRequestRouter, channels and limits included', () => {
    expectUndefinedIsAbsent(
      (o) => parseRequestRouterOptions(o as never),
      { client, callbackUrl },
      REQUEST_NAMES,
    );
  });

  test('channels: { email: undefined } keeps email on (the README rule)', () => {
    const config = parseRequestRouterOptions({
      client,
      callbackUrl,
      channels: { email: undefined },
    });
    expect(config.channels).toEqual({ email: true, username: true, phone: true, voice: true });
  });

  test('createVerifyRouter', () => {
    expectUndefinedIsAbsent((o) => parseVerifyRouterOptions(o as never), { client }, VERIFY_NAMES);
  });

  test('PasswordlessStrategy', () => {
    expectUndefinedIsAbsent(
      (o) => parseStrategyOptions(o as never, verify),
      { client },
      STRATEGY_NAMES,
    );
  });

  test('LoginRadiusClient, breaker included', () => {
    expectUndefinedIsAbsent((o) => parseClientOptions(o as never), { apiKey: 'k' }, CLIENT_NAMES);
  });

  test('requireLogin and errorHandler', () => {
    expect(() =>
      requireLogin({
        redirectTo: undefined,
        idleTimeoutMs: undefined,
        absoluteTimeoutMs: undefined,
        locales: undefined,
      }),
    ).not.toThrow();
    expect(() => errorHandler({ locales: undefined })).not.toThrow();
  });
});

describe('a misspelled option is refused with the closest real one', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'createRequestRouter limit',
      () => createRequestRouter({ client, callbackUrl, limit: {} } as never),
      /`limits`/,
    ],
    [
      'createRequestRouter trustedOrigin',
      () => createRequestRouter({ client, callbackUrl, trustedOrigin: [] } as never),
      /`trustedOrigins`/,
    ],
    [
      'createRequestRouter cooldownSecond at the top level',
      () => createRequestRouter({ client, callbackUrl, cooldownSecond: 30 } as never),
      /`limits\.cooldownSeconds`/,
    ],
    [
      'createRequestRouter limits.cooldownSecond',
      () => createRequestRouter({ client, callbackUrl, limits: { cooldownSecond: 30 } } as never),
      /`limits\.cooldownSeconds`/,
    ],
    [
      'createRequestRouter channels.emial',
      () => createRequestRouter({ client, callbackUrl, channels: { emial: false } } as never),
      /`channels\.email`/,
    ],
    [
      'createVerifyRouter sucessRedirect',
      () => createVerifyRouter({ client, sucessRedirect: '/' } as never),
      /`successRedirect`/,
    ],
    [
      'createVerifyRouter trustedOrigin',
      () => createVerifyRouter({ client, trustedOrigin: [] } as never),
      /`trustedOrigins`/,
    ],
    [
      'PasswordlessStrategy maxOtpAttempt',
      () => new PasswordlessStrategy({ client, maxOtpAttempt: 3 } as never, verify),
      /`maxOtpAttempts`/,
    ],
    [
      'LoginRadiusClient timeOut',
      () => new LoginRadiusClient({ apiKey: 'k', timeOut: 5 } as never),
      /`timeout`/,
    ],
    [
      'LoginRadiusClient breaker.treshold',
      () => new LoginRadiusClient({ apiKey: 'k', breaker: { treshold: 3 } } as never),
      /`breaker\.threshold`/,
    ],
    ['requireLogin redirectto', () => requireLogin({ redirectto: '/' } as never), /`redirectTo`/],
    ['errorHandler locale', () => errorHandler({ locale: {} } as never), /`locales`/],
  ];

  test.each(cases)('%s', (_name, build, suggestion) => {
    let thrown: unknown;
    try {
      build();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as { code?: string }).code).toBe('ERR_PASSWORDLESS_OPTIONS');
    expect((thrown as Error).message).toMatch(suggestion);
  });

  test('a name nothing resembles lists the real options', () => {
    expect(() => createVerifyRouter({ client, zzzzzzzzzz: 1 } as never)).toThrow(
      /unknown option `zzzzzzzzzz`; the options are .*`successRedirect`/,
    );
  });
});
