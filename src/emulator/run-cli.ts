import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEmulator } from './start';
import type { Emulator, EmulatorAccountInput, EmulatorOptions } from './types';

export const CLI_USAGE = `Usage: loginradius-emulator [options]

A local LoginRadius emulator (passwordless login and access tokens) for
development and tests. Sent links and codes are listed at GET /emulator/outbox.

Options:
  --port <n>               port to listen on (default 8787; 0 picks a free one)
  --host <host>            interface to listen on (default 127.0.0.1)
  --api-key <key>          API key to accept (default: the development key)
  --accounts <file.json>   JSON array of accounts to seed instead of the demo ones:
                           [{ "email", "username"?, "phone"?, "phoneVerified"?, "blocked"? }]
  --test-phones <file.json>  JSON object { "+14155550100": "123456", ... }: fixed codes
  --test-phone <+E164=code>  one fixed-code phone; repeatable
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
  };

  let emulator: Emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    throw new CliError(`Could not start the emulator: ${(error as Error).message}`);
  }
  printBanner(emulator, output);
  return emulator;
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

function printBanner(emulator: Emulator, output: CliOutput): void {
  output.out(`LoginRadius emulator listening on ${emulator.url}`);
  output.out(`API key: ${emulator.apiKey}  (development only)`);
  if (emulator.ca) output.out(`Self-signed certificate (trust it as a CA):\n${emulator.ca}`);
  output.out('Accounts:');
  for (const account of emulator.accounts) {
    const phone = account.phone
      ? `${account.phone} (${account.phoneVerified ? 'verified' : 'not verified'})`
      : '-';
    const blocked = account.blocked ? '  [blocked]' : '';
    output.out(
      `  ${account.email}  username: ${account.username ?? '-'}  phone: ${phone}${blocked}`,
    );
  }
  output.out(`Outbox: ${emulator.url}/emulator/outbox    Stop with Ctrl+C.`);
}
