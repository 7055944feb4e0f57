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
    servers: { ours: apps['ours-sms'], baseline: apps.baseline },
    recipients: phones.slice(0, phones.length - RESERVED_PHONES),
    signIn,
    target: 0.9,
  });
}
signInSuite.apps = ['ours-sms', 'baseline'];

/**
 * Measures `signIn` against `servers.ours` and `servers.baseline` in
 * alternating rounds, each sign-in with a recipient from `recipients` that is
 * not reused within the cooldown. Rows: the throughput (with `target`) and
 * sign-ins per server CPU-second. The note says how busy each server's CPU was,
 * which tells whether the throughput is the app's capacity (near 100%) or the
 * load generator's, and what the load side spent per sign-in: the emulator
 * (the code or link read from its outbox included) and this process (the load
 * generator).
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
  const handled = { ours: 0, baseline: 0 };
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
  const results = await alternate(
    { ours: measure('ours'), baseline: measure('baseline') },
    {
      rounds: options.rounds,
      warmup: options.warmupMs > 0 && ((kind) => load(kind, options.warmupMs)),
    },
  );
  if (pool.waits > 0) {
    console.error(
      `note: ${name}: clients waited ${pool.waits} times for a recipient; raise --phones`,
    );
  }
  if (options.cpuProfDir) {
    // For µs per sign-in from a profile: bench/profile-summary.mjs --per=<sign-ins>.
    console.log(`  ${name}: sign-ins served: ours ${handled.ours}, baseline ${handled.baseline}`);
  }
  const paired = (field) => {
    const { median, min, max } = pairedRatio(results.ours[field], results.baseline[field]);
    return `median ${median.toFixed(3)} (${min.toFixed(2)}–${max.toFixed(2)})`;
  };
  const percent = (value) => `${Math.round(value * 100)}%`;
  const micros = (kind) =>
    `${Math.round(results[kind].emulatorUs.median)} + ${Math.round(results[kind].loadUs.median)}`;
  return [
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
}
