/**
 * One app under test (argv[2]: `ours`, a hand-written app of bench/servers such
 * as `baseline`, or the file URL of another app module) listening on
 * 127.0.0.1, in a process of its own so that its CPU time can be read apart
 * from the load generator's and the emulator's. env: BENCH_EMULATOR_URL,
 * BENCH_API_KEY, optionally BENCH_FIELDS (a comma-separated Profile projection),
 * BENCH_FLAVOUR (which sign-in ours is set up for) and BENCH_PLAIN_SERVER=1
 * (ours without `PassportIncomingMessage`). An app module may return the
 * `createServer` options it is meant to be served with.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { serve } from './child.mjs';

const kind = process.argv[2];
// An app of bench/servers by name, or the file URL of another app module (to compare a patched build).
const { createApp } = await import(/^[\w-]+$/.test(kind) ? `../servers/${kind}.mjs` : kind);
const fields = process.env.BENCH_FIELDS ? process.env.BENCH_FIELDS.split(',') : undefined;
const {
  app,
  store,
  close,
  serverOptions = {},
} = createApp({
  emulatorUrl: process.env.BENCH_EMULATOR_URL,
  apiKey: process.env.BENCH_API_KEY,
  fields,
  flavour: process.env.BENCH_FLAVOUR || 'sms',
  plainServer: process.env.BENCH_PLAIN_SERVER === '1',
});
const server = createServer(serverOptions, app);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address();

serve(
  { url: `http://127.0.0.1:${port}` },
  {
    cpu: () => process.cpuUsage(),
    /**
     * Forgets every session and collects the garbage, so that a round neither
     * grows the heap it runs in nor pays for an earlier round's garbage (a
     * mark-compact of 10-60 ms that falls into one round and not the other).
     */
    reset: () => {
      store.clear();
      globalThis.gc();
      return true;
    },
    sessionCount: () => Object.keys(store.sessions).length,
    /** The session document of a cookie, exactly as the MemoryStore holds it. */
    session: ({ cookie }) => store.sessions[sessionIdOf(cookie)] ?? null,
    /** Replaces the document of a cookie's session (to give two apps the same contents). */
    replace: ({ cookie, json }) => {
      const sid = sessionIdOf(cookie);
      if (!(sid in store.sessions)) throw new Error('no such session');
      store.sessions[sid] = json;
      return true;
    },
  },
  async () => {
    server.closeAllConnections();
    server.close();
    await close();
  },
);

/** `connect.sid=s%3A<id>.<signature>` → `<id>` (the signature was checked when it was set). */
function sessionIdOf(cookie) {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  if (!value.startsWith('s:')) throw new Error('not a signed session cookie');
  return value.slice(2, value.lastIndexOf('.'));
}
