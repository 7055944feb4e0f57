/**
 * (1) Sign-in throughput: complete SMS sign-ins per second through the full
 * stack and through the hand-written baseline, against the same emulator.
 */
import { PhonePool } from '../lib/phones.mjs';
import { cpuSeconds, startServerProcess } from '../lib/processes.mjs';
import { signInLoad } from '../lib/sign-in-load.mjs';
import { alternate, row } from '../lib/stats.mjs';

/** Past the router's 1 s per-phone cooldown, with room for clock granularity. */
const PHONE_REST_MS = 1100;

export async function signInSuite({ options, emulator, phones }) {
  const servers = {};
  try {
    for (const kind of ['ours', 'baseline']) {
      servers[kind] = await startServerProcess(kind, {
        emulator,
        cpuProfDir: options.cpuProfDir,
        cpus: options.pinning?.app,
      });
    }
    const pool = new PhonePool(phones, PHONE_REST_MS);
    const load = (kind, durationMs) =>
      signInLoad(servers[kind].info.url, pool, { connections: options.connections, durationMs });
    const measure = (kind) => async () => {
      const server = servers[kind];
      await server.call('reset');
      const before = await server.call('cpu');
      const { rate, completed } = await load(kind, options.durationMs);
      const cpu = cpuSeconds(before, await server.call('cpu'));
      return { rate, perCpuSecond: completed / cpu };
    };
    const results = await alternate(
      { ours: measure('ours'), baseline: measure('baseline') },
      {
        rounds: options.rounds,
        warmup: options.warmupMs > 0 && ((kind) => load(kind, options.warmupMs)),
      },
    );
    if (pool.waits > 0) {
      console.error(`note: clients waited ${pool.waits} times for a phone; raise --phones`);
    }
    return [
      row({
        name: 'sign-in (SMS code), throughput',
        unit: 'sign-ins/s',
        ours: results.ours.rate,
        baseline: results.baseline.rate,
        target: 0.9,
      }),
      row({
        name: 'sign-in (SMS code), per server CPU-second',
        unit: 'sign-ins/CPU-s',
        ours: results.ours.perCpuSecond,
        baseline: results.baseline.perCpuSecond,
      }),
    ];
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}
