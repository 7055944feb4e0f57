import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { CLI_USAGE, CliError, runCli } from '../../src/emulator/run-cli';

describe('runCli (the loginradius-emulator bin)', () => {
  let dir: string;
  const started: Emulator[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emulator-cli-test-'));
  });
  afterAll(async () => {
    await Promise.all(started.map((emulator) => emulator.close()));
    await rm(dir, { recursive: true, force: true });
  });

  async function run(argv: string[]): Promise<{ emulator: Emulator | undefined; output: string }> {
    const lines: string[] = [];
    const emulator = await runCli([...argv, '--quiet'], { out: (line) => lines.push(line) });
    if (emulator) started.push(emulator);
    return { emulator, output: lines.join('\n') };
  }

  it('--help prints the usage and starts nothing', async () => {
    const { emulator, output } = await run(['--help']);
    expect(emulator).toBeUndefined();
    expect(output).toBe(CLI_USAGE);
    for (const flag of [
      '--port',
      '--host',
      '--api-key',
      '--accounts',
      '--test-phones',
      '--test-phone',
      '--tls',
      '--access-token-format',
      '--email-token',
      '--template-email-token',
      '--allowed-domain',
      '--bot-protection',
      '--lock-after-wrong-codes',
      '--no-voice-otp',
      '--allowed-host',
    ]) {
      expect(CLI_USAGE).toContain(flag);
    }
  });

  it('prints the URL, the API key and the seeded accounts', async () => {
    const { emulator, output } = await run(['--port', '0', '--api-key', 'cli-key']);
    expect(emulator?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`listening on ${emulator?.url}`);
    expect(output).toContain('API key: cli-key');
    expect(output).toMatch(/ada@example\.com\s+username: ada\s+phone: \+14155550101 \(verified\)/);
    expect(output).toMatch(/linus@example\.com.*\(not verified\)/);
    expect(output).toMatch(/mallory@example\.com.*\[blocked\]/);
  });

  it('seeds accounts and test phones from files and flags', async () => {
    const accounts = join(dir, 'accounts.json');
    const phones = join(dir, 'phones.json');
    await writeFile(
      accounts,
      JSON.stringify([{ email: 'file@example.com', phone: '+14155550150' }]),
    );
    await writeFile(phones, JSON.stringify({ '+14155550150': '111111' }));
    const { emulator } = await run([
      '--port=0',
      '--accounts',
      accounts,
      '--test-phones',
      phones,
      '--test-phone',
      '+15550001111=222222',
      '--test-phone',
      '+15550002222=333333',
    ]);
    expect(emulator?.accounts.map((account) => account.email)).toEqual([
      'file@example.com',
      'test-15550001111@emulator.test',
      'test-15550002222@emulator.test',
    ]);
    await fetch(
      `${emulator?.url}/identity/v2/auth/login/passwordlesslogin/otp?apikey=${emulator?.apiKey}&phone=%2B15550002222`,
    );
    expect(emulator?.outbox.latest()?.otp).toBe('333333');
  });

  it('sets the site up from flags: tokens, emails, captcha, lockouts, domains, voice, hosts', async () => {
    const { emulator, output } = await run([
      '--port=0',
      '--access-token-format',
      'jwt',
      '--email-token',
      'otp',
      '--template-email-token',
      'magic=link',
      '--allowed-domain',
      'app.example',
      '--allowed-domain',
      'auth.example',
      '--bot-protection',
      '--lock-after-wrong-codes',
      '2',
      '--no-voice-otp',
      '--allowed-host',
      'emulator',
    ]);
    if (!emulator) throw new Error('not started');
    expect(output).toContain(
      'Site settings: JWT access tokens; emails hold otp; per template: magic=link; ' +
        'links only to app.example, auth.example; bot protection on; lock after 2 wrong codes; ' +
        'no voice OTP; also answers emulator',
    );
    const api = async (path: string, query: Record<string, string>, init: RequestInit = {}) => {
      const search = new URLSearchParams({ apikey: emulator.apiKey, ...query });
      const response = await fetch(`${emulator.url}${path}?${search}`, init);
      const body = (await response.json()) as { ErrorCode?: number; access_token?: string };
      return { status: response.status, body };
    };
    const send = '/identity/v2/auth/login/passwordlesslogin/email';
    const captcha = { 'g-recaptcha-response': 'x' };

    // --bot-protection
    expect((await api(send, { email: 'ada@example.com' })).body.ErrorCode).toBe(982);
    // --email-token otp, and a JWT from the emailed code
    expect((await api(send, { email: 'ada@example.com', ...captcha })).status).toBe(200);
    expect(emulator.outbox.latest()).toMatchObject({ channel: 'email', kind: 'passwordless_otp' });
    const login = await api(
      '/identity/v2/auth/login/passwordlesslogin/email/verifyotp',
      {},
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.com', otp: emulator.outbox.latest()?.otp }),
      },
    );
    expect(login.body.access_token?.split('.')).toHaveLength(3);
    // --template-email-token and --allowed-domain
    const magic = { email: 'ada@example.com', passwordlesslogintemplate: 'magic', ...captcha };
    expect((await api(send, { ...magic, verificationurl: 'https://app.example/cb' })).status).toBe(
      200,
    );
    expect(emulator.outbox.latest()?.kind).toBe('passwordless_link');
    const evil = await api(send, { ...magic, verificationurl: 'https://evil.example/cb' });
    expect(evil.body.ErrorCode).toBe(1249);
    // --no-voice-otp
    const voice = await api('/identity/v2/auth/login/passwordlesslogin/otp', {
      phone: '+14155550101',
      isvoiceotp: 'true',
      ...captcha,
    });
    expect(voice.body.ErrorCode).toBe(1281);
    // --lock-after-wrong-codes 2
    const verify = (otp: string) =>
      api(
        '/identity/v2/auth/login/passwordlesslogin/username/verifyotp',
        {},
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'grace', otp }),
        },
      );
    await verify('000000');
    await verify('000000');
    expect(emulator.accounts.find((account) => account.username === 'grace')?.locked).toBe(true);
    // --allowed-host
    const { port } = new URL(emulator.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpGet(
        {
          host: '127.0.0.1',
          port,
          path: '/emulator/health',
          headers: { Host: `emulator:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('marks locked and two-factor accounts in the banner', async () => {
    const accounts = join(dir, 'states.json');
    await writeFile(
      accounts,
      JSON.stringify([
        { email: 'locked@example.com', locked: true },
        { email: 'mfa@example.com', twoFactor: true },
      ]),
    );
    const { output } = await run(['--port', '0', '--accounts', accounts]);
    expect(output).toMatch(/locked@example\.com.*\[locked\]/);
    expect(output).toMatch(/mfa@example\.com.*\[two-factor\]/);
    expect(output).not.toContain('Site settings');
  });

  it('serves HTTPS with --tls', async () => {
    const { emulator, output } = await run(['--port', '0', '--tls']);
    expect(emulator?.url).toMatch(/^https:/);
    expect(output).toContain('-----BEGIN CERTIFICATE-----');
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '0', '--test-phone', '+15550001111'], /--test-phone takes \+E164=code/],
    [['--port', '0', '--accounts', '/does/not/exist.json'], /cannot read/],
    [['--port', '0', '--test-phone', '555=1'], /Could not start the emulator: .*E\.164/],
    [['--port', '0', '--access-token-format', 'jws'], /Could not start.*'guid', 'jwt'/],
    [['--port', '0', '--email-token', 'sms'], /Could not start.*'link', 'otp', 'both'/],
    [['--port', '0', '--template-email-token', 'magic'], /--template-email-token takes name=/],
    [['--port', '0', '--template-email-token', 'magic=sms'], /Could not start.*"magic"/],
    [['--port', '0', '--lock-after-wrong-codes', '0'], /--lock-after-wrong-codes must be/],
    [['--port', '0', '--lock-after-wrong-codes', 'three'], /--lock-after-wrong-codes must be/],
    [['--port', '0', '--allowed-domain', 'https://app.example'], /Could not start.*bare hostnames/],
    [['--port', '0', '--allowed-host', 'emulator:8787'], /Could not start.*allowedHosts/],
    [['--voice-otp'], /Unknown option '--voice-otp'/],
  ])('refuses %j with a clear message', async (argv, message) => {
    const attempt = run(argv);
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses an accounts file that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '[{');
    await expect(run(['--port', '0', '--accounts', file])).rejects.toThrow(/not valid JSON/);
  });
});

describe('the bin as a process', () => {
  let dir: string;
  let bin: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emulator-bin-test-'));
    bin = join(dir, 'cli.cjs');
    // Bundled the way tsup (which runs on esbuild) builds dist/emulator/cli.cjs.
    const esbuild = jest.requireActual<typeof import('esbuild')>('esbuild');
    await esbuild.build({
      entryPoints: [join(__dirname, '../../src/emulator/cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bin,
      logLevel: 'silent',
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts with a shebang', async () => {
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs until SIGTERM, then closes cleanly with exit code 0', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    expect((await fetch(`${url}/emulator/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits with 1 and a message on a bad flag', async () => {
    const child = spawn(process.execPath, [bin, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unknown option '--bogus'/);
  });
});
