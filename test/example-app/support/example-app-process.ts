import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the example app as users do, `node example-app/server.mjs`, in a child
 * process: it is ESM importing the built package by its public name, which
 * jest's CommonJS runtime cannot load in-process. It listens on a free port
 * (PORT=0) with its data in a temporary directory.
 */

export const REPO_ROOT = resolve(__dirname, '../../..');
const SERVER = join(REPO_ROOT, 'example-app', 'server.mjs');
const START_TIMEOUT_MS = 15_000;

/** Variables of the example app that must not leak in from the shell running the tests. */
const APP_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'APP_ORIGIN',
  'SESSION_SECRET',
  'DATA_DIR',
  'LOGINRADIUS_API_KEY',
  'LOGINRADIUS_API_BASE_URL',
  'LOGINRADIUS_EMAIL_TEMPLATE',
  'LOGINRADIUS_SMS_TEMPLATE',
  'EMULATOR_PORT',
  'DEV_MAILBOX',
  'REDIS_URL',
  'RESEND_COOLDOWN_SECONDS',
  'SMS_CALLING_CODES',
  'SMS_COUNTRIES',
  'DEV_MAILBOX_FOR_ANYONE',
  'TRUST_PROXY',
  'EMAIL_CODE',
  'VOICE_CALLS',
  'LINK_BINDING',
];

export interface ExampleAppProcess {
  /** The origin it serves, e.g. http://localhost:41234. */
  url: string;
  /** Its data directory (the SQLite session store). */
  dataDir: string;
  /** Everything it printed so far, stdout and stderr. */
  output: string[];
  /** Stops it (SIGTERM) and waits for it to exit; removes the data directory unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

function childEnv(env: Record<string, string>, dataDir: string): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of APP_VARIABLES) delete clean[name];
  return { ...clean, PORT: '0', DATA_DIR: dataDir, ...env };
}

/** Starts the example app; resolves once it prints where it listens. */
export async function startExampleApp(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<ExampleAppProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'example-app-test-')));
  const child = spawn(process.execPath, [SERVER], {
    cwd: REPO_ROOT,
    env: childEnv(env, dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the example app did not start within ${START_TIMEOUT_MS} ms:\n${output.join('')}`,
        ),
      );
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      const match = /listening on (http\S+)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    // Keep draining both pipes for the whole run, or a chatty child would block.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(startFailure(code, output.join(''))));
    });
  });
  return {
    url,
    dataDir,
    output,
    async stop({ keepData = false } = {}) {
      await stopChild(child, exited);
      if (!keepData && options.dataDir === undefined) {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function startFailure(code: number | null, output: string): string {
  const hint = /not built|ERR_MODULE_NOT_FOUND/.test(output)
    ? '\nThe package is not built: run `npm run build` (npm test does) before jest.'
    : '';
  return `the example app exited (code ${code}) before listening:\n${output}${hint}`;
}

/** Runs the example app expecting it to refuse to start; resolves to its exit code and output. */
export async function runExampleAppToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'example-app-test-'));
  try {
    const child = spawn(process.execPath, [SERVER], {
      cwd: REPO_ROOT,
      env: childEnv(env, dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // It started after all: stop it now rather than at the timeout.
      if (/listening on /.test(output)) child.kill('SIGTERM');
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    const code = await exited;
    clearTimeout(timer);
    return { code, output };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
