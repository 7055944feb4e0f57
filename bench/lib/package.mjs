import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The package under test: this checkout's build, by its public name, or another
 * build when BENCH_PACKAGE_ENTRY names its entry file (say, a patched copy's
 * dist/index.mjs), so a fix can be measured against the same baseline in one run.
 */
export function loadPackage() {
  const entry = process.env.BENCH_PACKAGE_ENTRY;
  return entry
    ? import(pathToFileURL(resolve(entry)).href)
    : import('passport-loginradius-passwordless');
}
