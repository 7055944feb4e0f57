import { once } from 'node:events';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import Database from 'better-sqlite3';
import session from 'express-session';
import { guardSessionStore } from 'passport-loginradius-passwordless';

/**
 * Where sessions live. By default a SQLite file, so sessions survive a restart
 * of the app with no server to install; with REDIS_URL, Redis through
 * connect-redis (and the package's counters through rate-limit-redis), so
 * several instances share them.
 *
 * Why a hand-written store: express-session's MemoryStore loses every session
 * on restart (and leaks), and the SQLite stores on npm are either built on the
 * `sqlite3` package or unmaintained. better-sqlite3 is maintained and
 * synchronous, so the whole store is a few prepared statements.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** An express-session store in one SQLite file, expired rows swept periodically. */
export class SqliteSessionStore extends session.Store {
  /**
   * @param {object} options
   * @param {string} options.file The SQLite file; its directory is created (mode 700).
   * @param {number} [options.defaultTtlMs] Lifetime of a session whose cookie has no expiry. Default: 1 day.
   * @param {number} [options.sweepIntervalMs] How often expired rows are deleted. Default: 15 minutes.
   * @param {() => number} [options.clock] The time source. Default: Date.now.
   */
  constructor({ file, defaultTtlMs = DAY_MS, sweepIntervalMs = 15 * 60_000, clock = Date.now }) {
    super();
    this.defaultTtlMs = defaultTtlMs;
    this.clock = clock;
    this.db = openDatabase(file);
    this.statements = {
      get: this.db.prepare('SELECT sess, expires FROM sessions WHERE sid = ?'),
      set: this.db.prepare(
        'INSERT INTO sessions (sid, sess, expires) VALUES (?, ?, ?) ' +
          'ON CONFLICT (sid) DO UPDATE SET sess = excluded.sess, expires = excluded.expires',
      ),
      touch: this.db.prepare('UPDATE sessions SET expires = ? WHERE sid = ?'),
      destroy: this.db.prepare('DELETE FROM sessions WHERE sid = ?'),
      sweep: this.db.prepare('DELETE FROM sessions WHERE expires <= ?'),
      clear: this.db.prepare('DELETE FROM sessions'),
      length: this.db.prepare('SELECT COUNT(*) AS count FROM sessions WHERE expires > ?'),
    };
    this.sweep();
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    // The sweeper alone must not keep the process alive.
    this.sweeper.unref();
  }

  get(sid, callback) {
    this.#run(callback, () => {
      const row = this.statements.get.get(sid);
      if (!row) return null;
      if (row.expires <= this.clock()) {
        this.statements.destroy.run(sid);
        return null;
      }
      return JSON.parse(row.sess);
    });
  }

  set(sid, sess, callback) {
    this.#run(callback, () => {
      this.statements.set.run(sid, JSON.stringify(sess), this.#expiresAt(sess));
    });
  }

  touch(sid, sess, callback) {
    this.#run(callback, () => {
      this.statements.touch.run(this.#expiresAt(sess), sid);
    });
  }

  destroy(sid, callback) {
    this.#run(callback, () => {
      this.statements.destroy.run(sid);
    });
  }

  clear(callback) {
    this.#run(callback, () => {
      this.statements.clear.run();
    });
  }

  length(callback) {
    this.#run(callback, () => this.statements.length.get(this.clock()).count);
  }

  /** Deletes the expired sessions; returns how many. */
  sweep() {
    return this.statements.sweep.run(this.clock()).changes;
  }

  close() {
    clearInterval(this.sweeper);
    if (this.db.open) this.db.close();
  }

  #expiresAt(sess) {
    const expires = sess?.cookie?.expires;
    const time = expires ? new Date(expires).getTime() : Number.NaN;
    return Number.isFinite(time) ? time : this.clock() + this.defaultTtlMs;
  }

  /** Runs a synchronous statement and answers through the callback, as stores must. */
  #run(callback, work) {
    let result;
    try {
      result = work();
    } catch (error) {
      callback?.(error);
      return;
    }
    callback?.(null, result);
  }
}

function openDatabase(file) {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  // Sessions hold LoginRadius access tokens: only this user may read the file.
  chmodSync(file, 0o600);
  // WAL lets several app processes on one machine share the file; the busy
  // timeout makes a writer wait for another instead of failing.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, sess TEXT NOT NULL, expires INTEGER NOT NULL)',
  );
  db.exec('CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires)');
  return db;
}

/**
 * The one place that picks where state lives: sessions in SQLite by default;
 * with REDIS_URL, sessions and every counter of the package (resend cooldown,
 * per-IP and SMS budgets, wrong codes, single-use claims) in Redis, so that any
 * of several instances can serve the next request. Resolves to
 * `{ store, stores, description, close() }`; `stores` is undefined for SQLite,
 * which leaves the package's counters in this process's memory.
 *
 * @param {{ dataDir: string, redisUrl?: string }} config
 * @param {{ log?: (line: string) => void }} [options] Where Redis outages are reported. Default: console.error.
 */
export async function createSessionStore(config, { log = console.error } = {}) {
  if (config.redisUrl) return createRedisState(config.redisUrl, log);
  const file = join(config.dataDir, 'sessions.sqlite');
  const store = new SqliteSessionStore({ file });
  return {
    store,
    stores: undefined,
    description: `SQLite in ${file}`,
    close: async () => store.close(),
  };
}

/** How long one connection attempt may take; at start, the longest wait before starting without Redis. */
const REDIS_START_WAIT_MS = 2000;

/**
 * Sessions through connect-redis and counters through rate-limit-redis, on one
 * redis client, as docs/scaling.md ("Running several instances") shows.
 *
 * A Redis that is unreachable at start does not stop the app: it starts, answers
 * 503 to whatever needs Redis, and serves normally once the client connects (it
 * keeps retrying). An orchestrator restarting the app in a loop would not bring
 * Redis back sooner, and pages that need no session still work meanwhile.
 */
async function createRedisState(url, log) {
  // Loaded only when asked for, so the default demo needs no Redis packages.
  const [{ createClient }, { RedisStore: SessionStore }, { RedisStore: LimitStore }] =
    await Promise.all([import('redis'), import('connect-redis'), import('rate-limit-redis')]);
  const where = redactUrl(url);
  const client = createClient({
    url,
    // While Redis is away, commands fail at once (answered 503) instead of
    // queueing until it returns, which would hold every request open.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_START_WAIT_MS,
      // Retry soon, then every 2 s at most, forever: service resumes by itself.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  // node-redis emits 'error' on every failed attempt; one line per outage is enough.
  let reachable = true;
  client.on('error', (error) => {
    if (!reachable) return;
    reachable = false;
    log(
      `Redis at ${where} is unreachable (${describeError(error)}): answering 503 until it is back.`,
    );
  });
  client.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log(`Redis at ${where} is back: serving again.`);
  });
  // connect() resolves once connected and keeps retrying until then; it rejects only if closed.
  client.connect().catch(() => undefined);
  // Rejects on the first failed attempt: start anyway, the client keeps trying.
  await once(client, 'ready').catch(() => undefined);

  return {
    store: guardSessionStore(new SessionStore({ client, prefix: 'plp:sess:' })),
    // A new counter store for each purpose; keys come out as plp:<purpose>:<key>.
    stores: () =>
      new LimitStore({
        sendCommand: (...args) => client.sendCommand(args),
        prefix: 'plp:',
      }),
    description: client.isReady ? `Redis at ${where}` : `Redis at ${where} (not reachable yet)`,
    close: async () => {
      // close() waits for commands in flight; with no connection there are none to wait for.
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

/** A socket error's message; Node's AggregateError (IPv4 and IPv6 both refused) has none. */
function describeError(error) {
  return error?.message || error?.code || error?.errors?.[0]?.message || String(error);
}

/** A URL without its password, for printing. */
function redactUrl(text) {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unreadable REDIS_URL)';
  }
}
