import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEmulator } from './start';
import type {
  AccessTokenFormat,
  EmailTokenMode,
  Emulator,
  EmulatorAccountInput,
  EmulatorOptions,
} from './types';

export const CLI_USAGE = `Usage: loginradius-emulator [options]

A local LoginRadius emulator (passwordless login and access tokens) for
development and tests. Sent links and codes are listed at GET /emulator/outbox.

Options:
  --port <n>               port to listen on (default 8787; 0 picks a free one)
  --host <host>            interface to listen on (default 127.0.0.1)
  --allowed-host <name>    another name clients use in the Host header, e.g. a
                           container name (loopback names and --host always work);
                           repeatable
  --api-key <key>          API key to accept (default: the development key)
  --accounts <file.json>   JSON array of accounts to seed instead of the demo ones:
                           [{ "email", "username"?, "phone"?, "phoneVerified"?,
                              "blocked"?, "locked"?, "twoFactor"? }]
  --test-phones <file.json>  JSON object { "+14155550100": "123456", ... }: fixed codes
  --test-phone <+E164=code>  one fixed-code phone; repeatable

Site settings:
  --access-token-format <guid|jwt>   access tokens as GUIDs (default) or signed JWTs
  --email-token <link|otp|both>      what the passwordless email holds (default link)
  --template-email-token <name=link|otp|both>
                           the same for one passwordlesslogintemplate; repeatable
  --allowed-domain <host>  a host login links may point at (default: any); repeatable
  --bot-protection         sends need a g-recaptcha-response (else ErrorCode 982)
  --lock-after-wrong-codes <n>  lock an account after n wrong codes in a row (1198)
  --no-voice-otp           voice OTP not configured (isvoiceotp=true answers 1281)

  --tls                    serve HTTPS with a fresh self-signed certificate (needs openssl)
  --quiet                  do not log each message sent (they stay in the outbox)
  -h, --help               show this help
`;

/** A usage mistake; the bin prints its message and exits with 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliOutput {
  out(line: string): void;
}

/**
 * Parses `argv` (without `node` and the script), starts the emulator and prints
 * how to reach it. Resolves to the running emulator, or `undefined` for `--help`.
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput,
): Promise<Emulator | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        accounts: { type: 'string' },
        'test-phones': { type: 'string' },
        'test-phone': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'access-token-format': { type: 'string' },
        'email-token': { type: 'string' },
        'template-email-token': { type: 'string', multiple: true },
        'allowed-domain': { type: 'string', multiple: true },
        'bot-protection': { type: 'boolean' },
        'lock-after-wrong-codes': { type: 'string' },
        'no-voice-otp': { type: 'boolean' },
        tls: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${CLI_USAGE}`);
  }
  if (values.help) {
    output.out(CLI_USAGE);
    return undefined;
  }

  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a number from 0 to 65535; got ${values.port}.`);
  }
  const testPhones: Record<string, string> = values['test-phones']
    ? await readJson<Record<string, string>>(values['test-phones'], '--test-phones')
    : {};
  for (const pair of values['test-phone'] ?? []) {
    const [phone, code] = pair.split('=');
    if (!phone || !code) throw new CliError(`--test-phone takes +E164=code; got "${pair}".`);
    testPhones[phone] = code;
  }
  const options: EmulatorOptions = {
    port,
    host: values.host ?? '127.0.0.1',
    testPhones,
    tls: values.tls ?? false,
    quiet: values.quiet ?? false,
    ...(values['api-key'] !== undefined && { apiKey: values['api-key'] }),
    ...(values.accounts !== undefined && {
      accounts: await readJson<EmulatorAccountInput[]>(values.accounts, '--accounts'),
    }),
    ...siteSettings(values),
  };

  let emulator: Emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    throw new CliError(`Could not start the emulator: ${(error as Error).message}`);
  }
  printBanner(emulator, describeSettings(options), output);
  return emulator;
}

/** The site-setting flags as options; values are checked by startEmulator, like any option. */
function siteSettings(values: {
  'allowed-host'?: string[];
  'access-token-format'?: string;
  'email-token'?: string;
  'template-email-token'?: string[];
  'allowed-domain'?: string[];
  'bot-protection'?: boolean;
  'lock-after-wrong-codes'?: string;
  'no-voice-otp'?: boolean;
}): EmulatorOptions {
  const options: EmulatorOptions = {};
  if (values['allowed-host']) options.allowedHosts = values['allowed-host'];
  if (values['access-token-format'] !== undefined) {
    options.accessTokenFormat = values['access-token-format'] as AccessTokenFormat;
  }
  if (values['email-token'] !== undefined) {
    options.emailToken = values['email-token'] as EmailTokenMode;
  }
  if (values['template-email-token']) {
    const byTemplate: Record<string, EmailTokenMode> = {};
    for (const pair of values['template-email-token']) {
      const at = pair.lastIndexOf('=');
      if (at <= 0) {
        throw new CliError(`--template-email-token takes name=link|otp|both; got "${pair}".`);
      }
      byTemplate[pair.slice(0, at)] = pair.slice(at + 1) as EmailTokenMode;
    }
    options.emailTokenByTemplate = byTemplate;
  }
  if (values['allowed-domain']) options.allowedDomains = values['allowed-domain'];
  if (values['bot-protection']) options.botProtection = true;
  if (values['lock-after-wrong-codes'] !== undefined) {
    const raw = values['lock-after-wrong-codes'];
    const count = Number(raw);
    if (!/^\d+$/.test(raw) || count < 1) {
      throw new CliError(`--lock-after-wrong-codes must be a whole number from 1; got ${raw}.`);
    }
    options.lockAfterWrongCodes = count;
  }
  if (values['no-voice-otp']) options.voiceOtp = false;
  return options;
}

async function readJson<T>(file: string, flag: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${flag}: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CliError(`${flag}: ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The site settings that differ from the defaults, for the banner. */
function describeSettings(options: EmulatorOptions): string {
  return [
    options.accessTokenFormat === 'jwt' && 'JWT access tokens',
    options.emailToken !== undefined && `emails hold ${options.emailToken}`,
    options.emailTokenByTemplate &&
      `per template: ${Object.entries(options.emailTokenByTemplate)
        .map(([name, mode]) => `${name}=${mode}`)
        .join(', ')}`,
    options.allowedDomains && `links only to ${options.allowedDomains.join(', ')}`,
    options.botProtection && 'bot protection on',
    options.lockAfterWrongCodes !== undefined &&
      `lock after ${options.lockAfterWrongCodes} wrong codes`,
    options.voiceOtp === false && 'no voice OTP',
    options.allowedHosts && `also answers ${options.allowedHosts.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
}

function printBanner(emulator: Emulator, settings: string, output: CliOutput): void {
  output.out(`LoginRadius emulator listening on ${emulator.url}`);
  output.out(`API key: ${emulator.apiKey}  (development only)`);
  if (emulator.ca) output.out(`Self-signed certificate (trust it as a CA):\n${emulator.ca}`);
  output.out('Accounts:');
  for (const account of emulator.accounts) {
    const phone = account.phone
      ? `${account.phone} (${account.phoneVerified ? 'verified' : 'not verified'})`
      : '-';
    const states = [
      account.blocked && '[blocked]',
      account.locked && '[locked]',
      account.twoFactor && '[two-factor]',
    ].filter(Boolean);
    const flags = states.length ? `  ${states.join(' ')}` : '';
    output.out(`  ${account.email}  username: ${account.username ?? '-'}  phone: ${phone}${flags}`);
  }
  if (settings) output.out(`Site settings: ${settings}`);
  output.out(`Outbox: ${emulator.url}/emulator/outbox    Stop with Ctrl+C.`);
}
