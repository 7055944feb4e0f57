import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The session secret used in development when SESSION_SECRET is not set. It is
 * made once and kept next to the session store, so signed-in sessions survive a
 * restart (a new random secret at every start would sign everyone out).
 * Production refuses to start without SESSION_SECRET instead.
 * @param {string} dataDir
 * @returns {string}
 */
export function developmentSessionSecret(dataDir) {
  const file = join(dataDir, 'session-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept !== '') return kept;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  try {
    // `wx`: when two instances start at once, the first one's secret wins.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
  return secret;
}
