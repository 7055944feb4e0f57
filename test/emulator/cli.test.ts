import { spawn } from 'node:child_process';
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
