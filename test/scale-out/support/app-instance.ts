import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../example-app/support/example-app-process';

/**
 * One example-app instance behind an imaginary load balancer: `node
 * example-app/server.mjs` in a child process, with only the environment given
 * here (nothing leaks in from the shell running the tests). Unlike the
 * example-app suite's helper it can be killed outright and started again on
 * the same port, as a crashed instance is, and it lets a test wait for a line
 * the app prints (Redis gone, Redis back) instead of polling.
 */

const SERVER = join(REPO_ROOT, 'example-app', 'server.mjs');
const START_TIMEOUT_MS = 15_000;
const OUTPUT_TIMEOUT_MS = 10_000;

export interface AppInstance {
  /** A, B or C: only for messages. */
  readonly name: string;
  /** Where it listens, e.g. http://127.0.0.1:41234 (not APP_ORIGIN, which all share). */
  readonly url: string;
  readonly port: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /**
   * Resolves when the app prints a line matching `pattern` after this call.
   * Call it before causing the line, then await it.
   */
  nextLine(pattern: RegExp): Promise<string>;
  /** Stops the process: SIGTERM lets it close cleanly, SIGKILL is a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

interface Watcher {
  pattern: RegExp;
  /** Where in the output to start looking. */
  from: number;
  found(line: string): void;
}

export interface StartOptions {
  /** Listen on this port (to come back where it was); default: a free one. */
  port?: number;
}

export async function startInstance(
  name: string,
  env: Record<string, string>,
  { port = 0 }: StartOptions = {},
): Promise<AppInstance> {
  const dataDir = await mkdtemp(join(tmpdir(), 'scale-out-app-'));
  const child = spawn(process.execPath, [SERVER], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<Watcher>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const watcher of watchers) {
      // Only whole lines: a chunk may end mid-line.
      const line = output
        .slice(watcher.from, output.lastIndexOf('\n') + 1)
        .split('\n')
        .find((text) => watcher.pattern.test(text));
      if (line !== undefined) {
        watchers.delete(watcher);
        watcher.found(line);
      }
    }
  };
  // Both pipes are drained for the whole run, or a chatty child would block.
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  /** Resolves with the first whole line matching `pattern` printed after this call. */
  const nextLine = (pattern: RegExp, timeoutMs: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        child.off('exit', onExit);
        watchers.delete(watcher);
        reject(new Error(`${name} ${why} (waiting for ${String(pattern)}):\n${output}`));
      };
      const onExit = (code: number | null): void => fail(`exited (code ${String(code)})`);
      const timer = setTimeout(
        () => fail(`printed nothing matching in ${timeoutMs} ms`),
        timeoutMs,
      );
      const watcher: Watcher = {
        pattern,
        from: output.length,
        found: (line) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(line);
        },
      };
      watchers.add(watcher);
      child.once('exit', onExit);
    });

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(forced);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  let banner: string;
  try {
    banner = await nextLine(/listening on http.*bound to/, START_TIMEOUT_MS);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  // "listening on <APP_ORIGIN>  (bound to 127.0.0.1:<port>)"
  const actualPort = Number(/bound to [\d.]+:(\d+)/.exec(banner)?.[1]);
  return {
    name,
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    output: () => output,
    nextLine: (pattern) => nextLine(pattern, OUTPUT_TIMEOUT_MS),
    stop,
  };
}
