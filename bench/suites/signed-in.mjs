/**
 * (2) A signed-in request: GET /me behind passport.session() + signOutExpired()
 * + requireLogin(), against the same route on bare express-session. Both
 * sessions hold the same document: the one a real sign-in through the full
 * stack left in the store, with the full sample Profile. Ours is measured twice:
 * served with `PassportIncomingMessage` and `PassportServerResponse` (the target's row) and with a plain
 * `createServer(app)`, as `app.listen()` serves it.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Client } from 'undici';
import { cpuSeconds } from '../lib/processes.mjs';
import { signIn } from '../lib/sign-in-load.mjs';
import { alternate, row } from '../lib/stats.mjs';

export async function signedInSuite({ options, apps, phones }) {
  const servers = {
    ours: apps['signed-in-ours'],
    oursPlainServer: apps['signed-in-ours-plain-server'],
    baseline: apps['signed-in-baseline'],
  };
  // Sign in for real on each (so every cookie is genuine), then give the other
  // sessions the exact document the full stack stored. Reserved phones, by
  // their place from the end: the client suite signs in with the third.
  // These apps serve this suite alone (see APPS).
  const phoneFromEnd = { ours: 1, oursPlainServer: 4, baseline: 2 };
  const cookies = {};
  for (const kind of Object.keys(servers)) {
    const client = new Client(servers[kind].info.url);
    try {
      cookies[kind] = await signIn(client, phones[phones.length - phoneFromEnd[kind]]);
    } finally {
      await client.close();
    }
  }
  const document = await servers.ours.call('session', { cookie: cookies.ours });
  for (const kind of ['oursPlainServer', 'baseline']) {
    await servers[kind].call('replace', { cookie: cookies[kind], json: document });
  }

  const load = async (kind, durationMs) => {
    const started = performance.now();
    const result = await autocannon({
      url: `${servers[kind].info.url}/me`,
      connections: options.connections,
      duration: durationMs / 1000,
      headers: { cookie: cookies[kind], accept: 'application/json' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
      throw new Error(
        `GET /me on ${kind}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
      );
    }
    return { rate: result.requests.total / seconds, completed: result.requests.total };
  };
  const measure = (kind) => async () => {
    const before = await servers[kind].call('cpu');
    const { rate, completed } = await load(kind, options.durationMs);
    const cpu = cpuSeconds(before, await servers[kind].call('cpu'));
    return { rate, perCpuSecond: completed / cpu };
  };
  const results = await alternate(
    {
      ours: measure('ours'),
      oursPlainServer: measure('oursPlainServer'),
      baseline: measure('baseline'),
    },
    {
      rounds: options.rounds,
      warmup: options.warmupMs > 0 && ((kind) => load(kind, options.warmupMs)),
    },
  );
  return [
    row({
      name: 'signed-in request (GET /me), throughput',
      unit: 'requests/s',
      ours: results.ours.rate,
      baseline: results.baseline.rate,
      target: 0.95,
      note: `session document: ${document.length} bytes`,
    }),
    row({
      name: 'signed-in request (GET /me), per server CPU-second',
      unit: 'requests/CPU-s',
      ours: results.ours.perCpuSecond,
      baseline: results.baseline.perCpuSecond,
    }),
    row({
      name: 'signed-in request (GET /me), plain createServer(app), throughput',
      unit: 'requests/s',
      ours: results.oursPlainServer.rate,
      baseline: results.baseline.rate,
      note: 'ours served as app.listen() serves it, without PassportIncomingMessage',
    }),
    row({
      name: 'signed-in request (GET /me), plain createServer(app), per server CPU-second',
      unit: 'requests/CPU-s',
      ours: results.oursPlainServer.perCpuSecond,
      baseline: results.baseline.perCpuSecond,
    }),
  ];
}
signedInSuite.apps = ['signed-in-ours', 'signed-in-ours-plain-server', 'signed-in-baseline'];
