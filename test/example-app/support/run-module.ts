import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from './example-app-process';

const run = promisify(execFile);

/** The file URL of a module of the example app, for `import` in {@link runModuleScript}. */
export function exampleAppModule(path: string): string {
  return pathToFileURL(join(REPO_ROOT, 'example-app', path)).href;
}

/**
 * Runs an ES module script in a fresh Node (the example app's modules are ESM,
 * which jest's CommonJS runtime cannot import) and resolves to the JSON value
 * it prints as its last line.
 */
export async function runModuleScript(script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    timeout: 15_000,
  });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? 'null');
}
