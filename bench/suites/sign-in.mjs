/**
 * (1) Sign-in throughput: complete SMS sign-ins per second through the full
 * stack and through the hand-written baseline, against the same emulator.
 * `compareSignIns` is shared with the emailed-code and cross-device suites.
 */
import { PhonePool } from '../lib/phones.mjs';
import { cpuSeconds } from '../lib/processes.mjs';
import { RESERVED_PHONES } from '../lib/servers.mjs';
import { signIn, signInLoad } from '../lib/sign-in-load.mjs';
import { alternate, pairedRatio, row } from '../lib/stats.mjs';

/** Past the router's 1 s per-recipient cooldown, with room for clock granularity. */
export const RECIPIENT_REST_MS = 1100;

export async function signInSuite({ options, emulator, apps, phones }) {
  return compareSignIns({
    options,
    emulator,
    name: 'sign-in (SMS code)',
    servers: {
      ours: apps['ours-sms'],
      oursPlainServer: apps['ours-sms-plain-server'],
      baseline: apps.baseline,
    },
    recipients: phones.slice(0, phones.length - RESERVED_PHONES),
    signIn,
    target: 0.9,
  });
}
signInSuite.apps = ['ours-sms', 'ours-sms-plain-server', 'baseline'];

/**
 * Measures `signIn` against `servers.ours` and `servers.baseline` (and, when
 * given, `servers.oursPlainServer`: ours on a plain `createServer(app)`) in
 * alternating rounds, each sign-in with a recipient from `recipients` that is
 * not reused within the cooldown. Rows: the throughput (with `target`) and
 * sign-ins per server CPU-second, and the same two for the plain server. The
 * note says how busy each server's CPU was, which tells whether the throughput
 * is the app's capacity (near 100%) or the load generator's, and what the load
 * side spent per sign-in: the emulator (the code or link read from its outbox
 * included) and this process (the load generator).
 */
export async function compareSignIns({
  options,
  emulator,
  name,
  servers,
  recipients,
  signIn: signInOnce,
  target,
}) {
  const pool = new PhonePool(recipients, RECIPIENT_REST_MS);
  const kinds = Object.keys(servers);
  const handled = Object.fromEntries(kinds.map((kind) => [kind, 0]));
  const load = async (kind, durationMs) => {
    const result = await signInLoad(servers[kind].info.url, pool, {
      connections: options.connections,
      durationMs,
      signIn: signInOnce,
    });
    handled[kind] += result.completed;
    return result;
  };
  const measure = (kind) => async () => {
    const server = servers[kind];
    await server.call('reset');
    const before = await server.call('cpu');
    const emulatorBefore = await emulator.call('cpu');
    const loadBefore = process.cpuUsage();
    const { rate, completed, seconds } = await load(kind, options.durationMs);
    const loadCpu = cpuSeconds(loadBefore, process.cpuUsage());
    const emulatorCpu = cpuSeconds(emulatorBefore, await emulator.call('cpu'));
    const cpu = cpuSeconds(before, await server.call('cpu'));
    return {
      rate,
      perCpuSecond: completed / cpu,
      busy: cpu / seconds,
      emulatorUs: (emulatorCpu * 1e6) / completed,
      loadUs: (loadCpu * 1e6) / completed,
    };
  };
  const results = await alternate(Object.fromEntries(kinds.map((kind) => [kind, measure(kind)])), {
    rounds: options.rounds,
    warmup: options.warmupMs > 0 && ((kind) => load(kind, options.warmupMs)),
  });
  if (pool.waits > 0) {
    console.error(
      `note: ${name}: clients waited ${pool.waits} times for a recipient; raise --phones`,
    );
  }
  if (options.cpuProfDir) {
    // For µs per sign-in from a profile: bench/profile-summary.mjs --per=<sign-ins>.
    const served = kinds.map((kind) => `${kind} ${handled[kind]}`).join(', ');
    console.log(`  ${name}: sign-ins served: ${served}`);
  }
  const paired = (field, kind = 'ours') => {
    const { median, min, max } = pairedRatio(results[kind][field], results.baseline[field]);
    return `median ${median.toFixed(3)} (${min.toFixed(2)}–${max.toFixed(2)})`;
  };
  const percent = (value) => `${Math.round(value * 100)}%`;
  const micros = (kind) =>
    `${Math.round(results[kind].emulatorUs.median)} + ${Math.round(results[kind].loadUs.median)}`;
  const rows = [
    row({
      name: `${name}, throughput`,
      unit: 'sign-ins/s',
      ours: results.ours.rate,
      baseline: results.baseline.rate,
      target,
      note:
        `server CPU busy (median): ours ${percent(results.ours.busy.median)}, ` +
        `baseline ${percent(results.baseline.busy.median)}; load side per sign-in, emulator + ` +
        `load generator CPU µs: ours ${micros('ours')}, baseline ${micros('baseline')}; ` +
        `round by round, ours/baseline: ${paired('rate')}`,
    }),
    row({
      name: `${name}, per server CPU-second`,
      unit: 'sign-ins/CPU-s',
      ours: results.ours.perCpuSecond,
      baseline: results.baseline.perCpuSecond,
      note: `round by round, ours/baseline: ${paired('perCpuSecond')}`,
    }),
  ];
  if (!results.oursPlainServer) return rows;
  // Ours as `app.listen()` serves it, without the two classes of docs/benchmarks.md#serving.
  return [
    ...rows,
    row({
      name: `${name}, plain createServer(app), throughput`,
      unit: 'sign-ins/s',
      ours: results.oursPlainServer.rate,
      baseline: results.baseline.rate,
      note:
        `server CPU busy (median): ours ${percent(results.oursPlainServer.busy.median)}; ` +
        `round by round, ours/baseline: ${paired('rate', 'oursPlainServer')}`,
    }),
    row({
      name: `${name}, plain createServer(app), per server CPU-second`,
      unit: 'sign-ins/CPU-s',
      ours: results.oursPlainServer.perCpuSecond,
      baseline: results.baseline.perCpuSecond,
      note: `round by round, ours/baseline: ${paired('perCpuSecond', 'oursPlainServer')}`,
    }),
  ];
}
