/**
 * The peer range is tested: this suite runs in every jest project, and the
 * passport06 project resolves `passport` to the oldest release the package
 * promises to work with (>= 0.6.0), so the router and strategy suites there
 * run on it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

test('passport resolves to a release inside the promised peer range', () => {
  const entry = require.resolve('passport');
  let dir = dirname(entry);
  while (!safeExists(join(dir, 'package.json'))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const [major, minor] = version.split('.').map(Number);
  expect(major === 0 && minor! >= 6).toBe(true);
  const peer = (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
    }
  ).peerDependencies.passport;
  expect(peer).toBe('>=0.6.0');
  // Set by the passport06 project in jest.config.js.
  const expected = (globalThis as { EXPECTED_PASSPORT_VERSION?: string }).EXPECTED_PASSPORT_VERSION;
  if (expected !== undefined) expect(version).toBe(expected);
});

function safeExists(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
