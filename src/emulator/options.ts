import { DEMO_ACCOUNTS } from './demo-accounts';
import { closest } from '../suggest';
import { EmulatorOptionsError } from './errors';
import { canonicalHostname } from './hostnames';
import { normalizePhone } from './identifiers';
import type { SendLimitConfig } from './send-limits';
import type {
  AccessTokenFormat,
  EmailTokenMode,
  EmulatorAccountInput,
  EmulatorOptions,
  EmulatorTlsOptions,
} from './types';

/** A development key: it only opens this emulator, never a real LoginRadius site. */
export const DEFAULT_EMULATOR_API_KEY = '00000000-0000-4000-8000-00000000e4a1';

/** Every option filled in and checked, so nothing downstream asks "was this set?". */
export interface Configuration {
  port: number;
  host: string;
  apiKey: string;
  accounts: readonly EmulatorAccountInput[];
  clock: () => number;
  linkTokenTtlMs: number;
  otpTtlMs: number;
  otpLength: number;
  emailToken: EmailTokenMode;
  /** Template name → what its email holds. */
  emailTokenByTemplate: ReadonlyMap<string, EmailTokenMode>;
  accessTokenTtlMs: number;
  accessTokenFormat: AccessTokenFormat;
  defaultVerificationUrl: string;
  /** Lowercase hostnames a verification URL may point at, or `'any'`. */
  allowedDomains: ReadonlySet<string> | 'any';
  passwordlessEnabled: boolean;
  voiceOtp: boolean;
  botProtection: boolean;
  /** `Infinity` when lockouts are off. */
  lockAfterWrongCodes: number;
  sendLimits: SendLimitConfig | false;
  /** E.164 phone → its fixed code. */
  testPhones: ReadonlyMap<string, string>;
  tls: EmulatorTlsOptions | 'self-signed' | false;
  /** Hostnames (canonical) the emulator answers to besides loopback and `host`. */
  allowedHosts: ReadonlySet<string>;
  quiet: boolean;
}

const OPTION_NAMES: readonly (keyof EmulatorOptions)[] = [
  'port',
  'host',
  'apiKey',
  'accounts',
  'clock',
  'linkTokenTtlSeconds',
  'otpTtlSeconds',
  'otpLength',
  'emailToken',
  'emailTokenByTemplate',
  'accessTokenTtlSeconds',
  'accessTokenFormat',
  'defaultVerificationUrl',
  'allowedDomains',
  'passwordlessEnabled',
  'voiceOtp',
  'botProtection',
  'lockAfterWrongCodes',
  'sendLimits',
  'testPhones',
  'tls',
  'allowedHosts',
  'quiet',
];

export function parseOptions(options: EmulatorOptions = {}): Configuration {
  if (options === null || typeof options !== 'object') {
    throw new EmulatorOptionsError('startEmulator(options) takes an object (or nothing).');
  }
  for (const name of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      const guess = closest(name, OPTION_NAMES);
      throw new EmulatorOptionsError(
        `Unknown emulator option \`${name}\`${guess ? `; did you mean \`${guess}\`?` : '.'}`,
      );
    }
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EmulatorOptionsError(`\`port\` must be an integer from 0 to 65535; got ${port}.`);
  }
  const host = nonEmptyString('host', options.host ?? '127.0.0.1');
  const apiKey = nonEmptyString('apiKey', options.apiKey ?? DEFAULT_EMULATOR_API_KEY);
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  if (!Array.isArray(accounts)) {
    throw new EmulatorOptionsError('`accounts` must be an array of account objects.');
  }
  const clock = options.clock ?? Date.now;
  if (typeof clock !== 'function') {
    throw new EmulatorOptionsError('`clock` must be a function returning ms since the epoch.');
  }
  const otpLength = options.otpLength ?? 6;
  if (!Number.isInteger(otpLength) || otpLength < 4 || otpLength > 10) {
    throw new EmulatorOptionsError(
      `\`otpLength\` must be an integer from 4 to 10; got ${otpLength}.`,
    );
  }
  const defaultVerificationUrl = nonEmptyString(
    'defaultVerificationUrl',
    options.defaultVerificationUrl ?? 'http://localhost:3000/auth/callback',
  );
  if (!URL.canParse(defaultVerificationUrl)) {
    throw new EmulatorOptionsError('`defaultVerificationUrl` must be an absolute URL.');
  }
  return {
    port,
    host,
    apiKey,
    accounts,
    clock,
    linkTokenTtlMs: seconds('linkTokenTtlSeconds', options.linkTokenTtlSeconds, 72 * 3600),
    otpTtlMs: seconds('otpTtlSeconds', options.otpTtlSeconds, 300),
    otpLength,
    emailToken: oneOf('emailToken', options.emailToken, EMAIL_TOKEN_MODES, 'link'),
    emailTokenByTemplate: parseEmailTokenByTemplate(options.emailTokenByTemplate ?? {}),
    accessTokenTtlMs: seconds('accessTokenTtlSeconds', options.accessTokenTtlSeconds, 900),
    accessTokenFormat: oneOf(
      'accessTokenFormat',
      options.accessTokenFormat,
      ['guid', 'jwt'],
      'guid',
    ),
    defaultVerificationUrl,
    allowedDomains:
      options.allowedDomains === undefined
        ? 'any'
        : hostnames('allowedDomains', options.allowedDomains),
    passwordlessEnabled: boolean('passwordlessEnabled', options.passwordlessEnabled, true),
    voiceOtp: boolean('voiceOtp', options.voiceOtp, true),
    botProtection: boolean('botProtection', options.botProtection, false),
    lockAfterWrongCodes: parseLockAfterWrongCodes(options.lockAfterWrongCodes),
    sendLimits: parseSendLimits(options.sendLimits),
    testPhones: parseTestPhones(options.testPhones ?? {}),
    tls: parseTls(options.tls ?? false),
    allowedHosts: hostnames('allowedHosts', options.allowedHosts ?? []),
    quiet: boolean('quiet', options.quiet, false),
  };
}

function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EmulatorOptionsError(`\`${name}\` must be a non-empty string.`);
  }
  return value;
}

function boolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new EmulatorOptionsError(`\`${name}\` must be a boolean.`);
  return value;
}

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new EmulatorOptionsError(
      `\`${name}\` must be one of ${allowed.map((item) => `'${item}'`).join(', ')}; got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}

/** A list of bare hostnames (`app.example`, `::1`), canonical; a URL or a port is refused with a hint. */
function hostnames(name: string, value: unknown): Set<string> {
  if (!Array.isArray(value)) {
    throw new EmulatorOptionsError(`\`${name}\` must be an array of hostnames like "app.example".`);
  }
  const names = new Set<string>();
  for (const entry of value) {
    const hostname = typeof entry === 'string' ? canonicalHostname(entry) : undefined;
    if (hostname === undefined) {
      throw new EmulatorOptionsError(
        `\`${name}\` takes bare hostnames like "app.example" (no scheme, port or path); got ${JSON.stringify(entry)}.`,
      );
    }
    names.add(hostname);
  }
  return names;
}

/** A positive number of seconds, returned in milliseconds. */
function seconds(name: string, value: number | undefined, fallback: number): number {
  const s = value ?? fallback;
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) {
    throw new EmulatorOptionsError(`\`${name}\` must be a positive number of seconds; got ${s}.`);
  }
  return s * 1000;
}

function parseSendLimits(value: EmulatorOptions['sendLimits']): SendLimitConfig | false {
  // Off unless asked for: the protocol gives no default, and a test suite that
  // sends to one demo account a dozen times a minute must not be locked out.
  if (value === false || value === undefined) return false;
  if (value === null || typeof value !== 'object') {
    throw new EmulatorOptionsError('`sendLimits` must be an object or `false`.');
  }
  const maxRequests = value.maxRequests ?? 10;
  if (!Number.isInteger(maxRequests) || maxRequests < 1) {
    throw new EmulatorOptionsError('`sendLimits.maxRequests` must be a positive integer.');
  }
  return {
    maxRequests,
    windowMs: seconds('sendLimits.windowSeconds', value.windowSeconds, 60),
    disableMs: seconds('sendLimits.disableSeconds', value.disableSeconds, 300),
  };
}

function parseLockAfterWrongCodes(value: unknown): number {
  if (value === undefined) return Infinity;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new EmulatorOptionsError(
      `\`lockAfterWrongCodes\` must be a positive integer (or left out for no lockout); got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

const EMAIL_TOKEN_MODES: readonly EmailTokenMode[] = ['link', 'otp', 'both'];

function parseEmailTokenByTemplate(
  value: Readonly<Record<string, EmailTokenMode>>,
): Map<string, EmailTokenMode> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EmulatorOptionsError(
      '`emailTokenByTemplate` must be an object of { "template name": "link" | "otp" | "both" }.',
    );
  }
  const modes = new Map<string, EmailTokenMode>();
  for (const [template, mode] of Object.entries(value)) {
    // An undefined entry is no entry: that template follows `emailToken`.
    if (mode === undefined) continue;
    const name = `emailTokenByTemplate[${JSON.stringify(template)}]`;
    modes.set(template, oneOf(name, mode, EMAIL_TOKEN_MODES, 'link'));
  }
  return modes;
}

function parseTestPhones(value: Readonly<Record<string, string>>): Map<string, string> {
  if (value === null || typeof value !== 'object') {
    throw new EmulatorOptionsError('`testPhones` must be an object of { "+E164": "code" }.');
  }
  const phones = new Map<string, string>();
  for (const [raw, code] of Object.entries(value)) {
    const phone = normalizePhone(raw);
    if (!phone) {
      throw new EmulatorOptionsError(`Test phone ${JSON.stringify(raw)} is not an E.164 number.`);
    }
    if (typeof code !== 'string' || !/^\d{4,10}$/.test(code)) {
      throw new EmulatorOptionsError(`The code of test phone ${phone} must be 4 to 10 digits.`);
    }
    phones.set(phone, code);
  }
  return phones;
}

function parseTls(value: boolean | EmulatorTlsOptions): Configuration['tls'] {
  if (value === false) return false;
  if (value === true) return 'self-signed';
  if (value && typeof value === 'object' && value.key && value.cert) {
    return { key: value.key, cert: value.cert };
  }
  throw new EmulatorOptionsError('`tls` must be `true` (self-signed) or `{ key, cert }` in PEM.');
}
