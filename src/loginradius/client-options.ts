import type { Dispatcher } from 'undici';
import {
  checkOptionNames,
  functionOption,
  numberOption,
  optionsError,
  requireOptions,
  type OptionNames,
} from '../option-checks';
import type { LoginRadiusClientOptions, UpstreamCallInfo } from './types';

const OWNER = 'LoginRadiusClient';

/** LoginRadius's API, the client's default `baseUrl`. */
export const DEFAULT_BASE_URL = 'https://api.loginradius.com';

/** The client's option names (`breaker.now` is a test clock, not documented). */
export const CLIENT_NAMES: OptionNames = {
  top: ['apiKey', 'baseUrl', 'timeout', 'dispatcher', 'breaker', 'onCall'],
  nested: { breaker: ['threshold', 'cooldownMs', 'now'] },
};

/** The client's options, checked and filled in. */
export interface ClientConfig {
  readonly apiKey: string;
  /** No trailing slash. */
  readonly baseUrl: string;
  readonly timeout: number;
  readonly dispatcher: Dispatcher | undefined;
  readonly breaker: { threshold: number; cooldownMs: number; now: () => number } | false;
  readonly onCall: ((info: UpstreamCallInfo) => void) | undefined;
}

export function parseClientOptions(input: LoginRadiusClientOptions): ClientConfig {
  const options = requireOptions(OWNER, input, '{ apiKey, baseUrl? }') as LoginRadiusClientOptions;
  checkOptionNames(OWNER, options, CLIENT_NAMES);
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw optionsError(
      OWNER,
      "`apiKey` is required (your LoginRadius site API key, or the emulator's key for development)",
    );
  }
  return {
    apiKey: apiKey.trim(),
    baseUrl: parseBaseUrl(options.baseUrl),
    timeout: numberOption(OWNER, 'timeout', options.timeout, 10_000, { min: 1, max: 120_000 }),
    dispatcher: parseDispatcher(options.dispatcher),
    breaker: parseBreaker(options.breaker),
    onCall: functionOption(OWNER, 'onCall', options.onCall),
  };
}

function parseBaseUrl(value: unknown): string {
  const text = value === undefined ? DEFAULT_BASE_URL : value;
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    throw optionsError(OWNER, `\`baseUrl\` must be an absolute URL, got "${String(text)}"`);
  }
  if (typeof text !== 'string' || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw optionsError(OWNER, '`baseUrl` must be an http or https URL');
  }
  return url.href.replace(/\/+$/, '');
}

function parseDispatcher(value: unknown): Dispatcher | undefined {
  if (value === undefined) return undefined;
  if (typeof (value as { dispatch?: unknown })?.dispatch !== 'function') {
    throw optionsError(OWNER, '`dispatcher` must be an undici Dispatcher (Agent, ProxyAgent…)');
  }
  return value as Dispatcher;
}

function parseBreaker(value: LoginRadiusClientOptions['breaker']): ClientConfig['breaker'] {
  if (value === false) return false;
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw optionsError(OWNER, '`breaker` must be an object or `false`');
  }
  const settings = (value ?? {}) as { threshold?: unknown; cooldownMs?: unknown; now?: unknown };
  return {
    threshold: numberOption(OWNER, 'breaker.threshold', settings.threshold, 5, {
      min: 1,
      max: 1_000_000,
      integer: true,
    }),
    cooldownMs: numberOption(OWNER, 'breaker.cooldownMs', settings.cooldownMs, 30_000, {
      min: 0,
      max: 86_400_000,
    }),
    // An injectable clock for tests (not part of the documented options).
    now: functionOption<() => number>(OWNER, 'breaker.now', settings.now) ?? Date.now,
  };
}
