import { resolve } from 'node:path';

/**
 * The example app's settings, read once from environment variables. Every
 * problem is collected and reported together, with what to do about it, so a
 * misconfigured deployment fails at start instead of on someone's first login.
 */

export const DEFAULT_LOGINRADIUS_BASE_URL = 'https://api.loginradius.com';

/** Thrown when the environment cannot run the app; `message` lists every problem. */
export class ConfigError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(
      `The example app cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * @typedef {object} ExampleAppConfig
 * @property {boolean} production NODE_ENV is "production".
 * @property {number} port Where to listen; 0 picks a free port.
 * @property {string} host The interface to listen on.
 * @property {string | undefined} appOrigin The origin users open; unset means http://localhost:<port>.
 * @property {string | undefined} sessionSecret Unset in development: a secret kept in dataDir is used.
 * @property {string} dataDir Where the SQLite session store (and the development secret) live.
 * @property {{ apiKey: string, baseUrl: string } | undefined} loginradius Unset: the embedded emulator.
 * @property {string | undefined} emailTemplate Passwordless email template name.
 * @property {string | undefined} smsTemplate SMS template name.
 * @property {number} emulatorPort Port of the embedded emulator; 0 picks a free one.
 * @property {boolean} devMailbox Show a separately started emulator's outbox at /dev/mailbox.
 * @property {string | undefined} redisUrl Keep sessions and the package's counters in Redis (redis:// or rediss://).
 * @property {number} resendCooldownSeconds Seconds before the same email, username or phone can be sent to again.
 * @property {string[]} smsCountries Countries (ISO 3166-1 alpha-2) SMS may go to.
 * @property {string[] | undefined} smsCallingCodes Country calling codes SMS may go to, when set.
 * @property {boolean} devMailboxForAnyone Serve the dev mailbox to non-loopback clients too.
 * @property {boolean | undefined} emailCode The passwordless email carries a code; unset: only
 *   with the embedded emulator (which sends a link and a code).
 * @property {boolean} voiceCalls Offer "Call me instead" (LoginRadius voice codes).
 * @property {'warn' | 'same-browser'} linkBinding A link opened in another browser than the one
 *   that asked: warn and ask for a deliberate choice, or refuse it.
 * @property {number | false} trustProxy Proxy hops to trust for the client IP and https.
 */

/**
 * Reads and checks the environment.
 * @param {Record<string, string | undefined>} env
 * @returns {ExampleAppConfig}
 */
export function loadConfig(env = process.env) {
  const problems = [];
  const read = (name) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const flag = (name) => {
    const text = read(name)?.toLowerCase();
    if (text === undefined) return undefined;
    if (['1', 'true', 'yes'].includes(text)) return true;
    if (['0', 'false', 'no'].includes(text)) return false;
    problems.push(`${name} must be 1 or 0 (or true or false), got "${read(name)}".`);
    return undefined;
  };
  const integer = (name, fallback, min, max) => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${text}".`);
      return fallback;
    }
    return value;
  };

  const production = read('NODE_ENV') === 'production';
  const port = integer('PORT', 3000, 0, 65535);
  const appOrigin = readOrigin(read('APP_ORIGIN'), problems);
  const sessionSecret = read('SESSION_SECRET');
  const apiKey = read('LOGINRADIUS_API_KEY');
  const baseUrlText = read('LOGINRADIUS_API_BASE_URL');
  const baseUrl = readBaseUrl(baseUrlText, problems);
  const devMailbox = ['1', 'true', 'yes'].includes((read('DEV_MAILBOX') ?? '').toLowerCase());
  const https = appOrigin?.startsWith('https:') ?? false;

  if (baseUrlText !== undefined && apiKey === undefined) {
    problems.push(
      'LOGINRADIUS_API_BASE_URL is set but LOGINRADIUS_API_KEY is not: set the API key of that ' +
        'site (a loginradius-emulator prints its key at start), or unset both to use the embedded emulator.',
    );
  }
  if (production) {
    if (sessionSecret === undefined) {
      problems.push(
        'SESSION_SECRET is not set. With NODE_ENV=production the session cookie must be signed ' +
          'with a secret you keep and share between instances (at least 32 random characters, ' +
          'for example from `openssl rand -hex 32`).',
      );
    } else if (sessionSecret.length < 32) {
      problems.push(
        'SESSION_SECRET is shorter than 32 characters: a short secret can be guessed, and with it ' +
          'anyone can forge session cookies. Use `openssl rand -hex 32`.',
      );
    }
    if (!https) {
      problems.push(
        `APP_ORIGIN must be the https:// address people open (for example https://app.example.com), ` +
          `got ${appOrigin ? `"${appOrigin}"` : 'nothing'}. With NODE_ENV=production session ` +
          'cookies are Secure (sent over https only) and sign-in links must not travel over http.',
      );
    }
    if (apiKey === undefined) {
      problems.push(
        'LOGINRADIUS_API_KEY is not set. The embedded LoginRadius emulator and its dev mailbox ' +
          'are for development only: with NODE_ENV=production set your LoginRadius API key.',
      );
    }
  }
  // The embedded emulator always has its mailbox; DEV_MAILBOX is for a separate one.
  if (devMailbox && apiKey !== undefined && (production || !isLoopbackUrl(baseUrl))) {
    problems.push(
      'DEV_MAILBOX=1 shows the outbox of a loginradius-emulator on this machine: it needs ' +
        'LOGINRADIUS_API_BASE_URL on 127.0.0.1, localhost or ::1, and NODE_ENV other than production.',
    );
  }

  const config = {
    production,
    port,
    host: read('HOST') ?? '127.0.0.1',
    appOrigin,
    sessionSecret,
    dataDir: resolve(read('DATA_DIR') ?? '.example-app-data'),
    loginradius:
      apiKey === undefined
        ? undefined
        : { apiKey, baseUrl: baseUrl ?? DEFAULT_LOGINRADIUS_BASE_URL },
    emailTemplate: read('LOGINRADIUS_EMAIL_TEMPLATE'),
    smsTemplate: read('LOGINRADIUS_SMS_TEMPLATE'),
    emulatorPort: integer('EMULATOR_PORT', 0, 0, 65535),
    devMailbox: devMailbox && apiKey !== undefined,
    redisUrl: readRedisUrl(read('REDIS_URL'), problems),
    resendCooldownSeconds: integer('RESEND_COOLDOWN_SECONDS', 60, 1, 3600),
    smsCountries: list(read('SMS_COUNTRIES') ?? 'US,GB').map((code) => code.toUpperCase()),
    smsCallingCodes:
      read('SMS_CALLING_CODES') === undefined
        ? undefined
        : list(read('SMS_CALLING_CODES')).map((code) => code.replace(/^\+/, '')),
    devMailboxForAnyone: ['1', 'true', 'yes'].includes(
      (read('DEV_MAILBOX_FOR_ANYONE') ?? '').toLowerCase(),
    ),
    trustProxy: integer('TRUST_PROXY', https ? 1 : 0, 0, 10),
    emailCode: flag('EMAIL_CODE'),
    voiceCalls: flag('VOICE_CALLS') ?? true,
    linkBinding: read('LINK_BINDING') ?? 'warn',
  };
  if (!['warn', 'same-browser'].includes(config.linkBinding)) {
    problems.push(`LINK_BINDING must be "warn" or "same-browser", got "${config.linkBinding}".`);
  }
  if (config.smsCountries.some((code) => !/^[A-Z]{2}$/.test(code))) {
    problems.push(
      'SMS_COUNTRIES must be ISO 3166-1 country codes separated by commas, such as "US,GB".',
    );
  }
  if (config.smsCallingCodes?.some((code) => !/^\d{1,4}$/.test(code))) {
    problems.push(
      'SMS_CALLING_CODES must be country calling codes separated by commas, such as "1,44".',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, trustProxy: config.trustProxy === 0 ? false : config.trustProxy };
}

/** A comma-separated list, trimmed, without empty entries. */
function list(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An origin such as https://app.example.com (no path), or a problem. */
function readOrigin(text, problems) {
  if (text === undefined) return undefined;
  let url;
  try {
    url = new URL(text);
  } catch {
    problems.push(`APP_ORIGIN must be an origin such as https://app.example.com, got "${text}".`);
    return undefined;
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    problems.push(
      `APP_ORIGIN must be just the scheme, host and port, such as https://app.example.com, got "${text}".`,
    );
    return undefined;
  }
  return url.origin;
}

/** A redis:// or rediss:// (TLS) URL, or a problem; the message never repeats a password. */
function readRedisUrl(text, problems) {
  if (text === undefined) return undefined;
  let protocol;
  try {
    protocol = new URL(text).protocol;
  } catch {
    // reported below
  }
  if (protocol === 'redis:' || protocol === 'rediss:') return text;
  problems.push(
    'REDIS_URL must be a redis:// URL, or rediss:// for TLS, such as ' +
      'rediss://:password@redis.internal:6380 (the value set is not one).',
  );
  return undefined;
}

function readBaseUrl(text, problems) {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`LOGINRADIUS_API_BASE_URL must be an http(s) URL, got "${text}".`);
  return undefined;
}

/** True for URLs on this machine: only those may be an emulator whose outbox we show. */
export function isLoopbackUrl(text) {
  if (text === undefined) return false;
  const host = new URL(text).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
