/**
 * Measures what sessions cost at rest, in a process started with --expose-gc so
 * that heap deltas are exact: heap per N sessions in express-session's
 * MemoryStore, and (when the example app's store is there) file bytes per N
 * sessions in its SQLite store.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import session from 'express-session';
import { serve } from './child.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

/** Session documents as the store receives them: distinct ids and tokens, like real ones. */
function* sessions(document, count) {
  const template = JSON.parse(document);
  for (let i = 0; i < count; i += 1) {
    const user = template.passport?.user;
    if (user) user.accessToken = randomBytes(18).toString('base64url');
    yield [randomBytes(24).toString('base64url'), template];
  }
}

function settledHeap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

async function memoryStoreBytes({ document, count }) {
  const before = settledHeap();
  const store = new session.MemoryStore();
  for (const [sid, sess] of sessions(document, count)) store.set(sid, sess);
  const after = settledHeap();
  // Keep the store alive until it has been measured.
  if (Object.keys(store.sessions).length !== count) throw new Error('sessions went missing');
  return after - before;
}

async function sqliteStoreBytes({ document, count }) {
  let SqliteSessionStore;
  try {
    ({ SqliteSessionStore } = await import('../../example-app/session-store.mjs'));
  } catch {
    return null;
  }
  if (typeof SqliteSessionStore !== 'function') return null;
  const dir = await mkdtemp(join(tmpdir(), 'bench-sessions-'));
  const file = join(dir, 'sessions.sqlite');
  const store = new SqliteSessionStore({ file });
  try {
    const insert = store.db.transaction((rows) => {
      for (const [sid, sess] of rows) store.set(sid, sess);
    });
    insert(sessions(document, count));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return (await stat(file)).size;
  } finally {
    store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

serve({}, { memoryStoreBytes, sqliteStoreBytes });
