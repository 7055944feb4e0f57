/**
 * The knobs of a bench run, from the environment or `--name=value` arguments
 * (arguments win). `BENCH_QUICK=1` (or `--quick`) shrinks every measurement to a
 * few hundred milliseconds, for the harness test and for trying changes out.
 * docs/benchmarks.md lists them all.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const ARGUMENTS = [
  'quick',
  'suites',
  'rounds',
  'duration',
  'warmup',
  'connections',
  'phones',
  'sessions',
  'out',
  'cpu-prof',
  'pin',
  'check-batches',
  'check-batch-ms',
  'checks-match',
];

/** Every suite, in the order a run takes them. */
export const SUITES = [
  'sign-in',
  'email-code',
  'cross-device',
  'signed-in',
  'client',
  'size',
  'checks',
];

const DEFAULTS = {
  full: {
    // Even: see evenRounds.
    rounds: 6,
    durationMs: 4000,
    connections: 16,
    warmupMs: 1500,
    memorySessions: 10_000,
    phones: 4000,
    checkBatches: 15,
    checkBatchMs: 40,
  },
  // No warm-up: a quick run proves the harness works, its numbers mean little.
  quick: {
    rounds: 1,
    durationMs: 300,
    // Few clients: on a busy machine the sign-ins in flight at the deadline finish sooner.
    connections: 4,
    warmupMs: 0,
    memorySessions: 1_000,
    phones: 1000,
    checkBatches: 2,
    checkBatchMs: 1,
  },
};

/** Every option filled in and checked. */
export function readOptions(argv = process.argv.slice(2), env = process.env) {
  const args = new Map();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !ARGUMENTS.includes(match[1])) {
      throw new TypeError(`bench: unknown argument "${arg}"; known: --${ARGUMENTS.join(', --')}`);
    }
    args.set(match[1], match[2] ?? '1');
  }
  const pick = (name, envName) => args.get(name) ?? env[envName];
  const quick = isOn(pick('quick', 'BENCH_QUICK'));
  const base = quick ? DEFAULTS.quick : DEFAULTS.full;
  const suites = (pick('suites', 'BENCH_SUITES') ?? SUITES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const suite of suites) {
    if (!SUITES.includes(suite)) {
      throw new TypeError(`bench: unknown suite "${suite}" (${SUITES.join(', ')})`);
    }
  }
  return {
    quick,
    suites,
    rounds: evenRounds(integer('rounds', pick('rounds', 'BENCH_ROUNDS'), base.rounds, 1, 50)),
    durationMs: integer(
      'duration',
      pick('duration', 'BENCH_DURATION_MS'),
      base.durationMs,
      50,
      60_000,
    ),
    warmupMs: integer('warmup', pick('warmup', 'BENCH_WARMUP_MS'), base.warmupMs, 0, 60_000),
    /** Concurrent clients of the HTTP benchmarks. */
    connections: integer(
      'connections',
      pick('connections', 'BENCH_CONNECTIONS'),
      base.connections,
      1,
      256,
    ),
    /** Distinct test phones; each is reused at most once a cooldown (1 s). */
    phones: integer('phones', pick('phones', 'BENCH_PHONES'), base.phones, 10, 10_000),
    memorySessions: integer(
      'sessions',
      pick('sessions', 'BENCH_SESSIONS'),
      base.memorySessions,
      100,
      100_000,
    ),
    /** The checks suite: batches per check (the median is reported) and the least time of one. */
    checkBatches: integer(
      'check-batches',
      pick('check-batches', 'BENCH_CHECK_BATCHES'),
      base.checkBatches,
      1,
      1000,
    ),
    checkBatchMs: integer(
      'check-batch-ms',
      pick('check-batch-ms', 'BENCH_CHECK_BATCH_MS'),
      base.checkBatchMs,
      1,
      10_000,
    ),
    /** Only the checks whose name holds this text (any case), to look into one. */
    checksMatch: pick('checks-match', 'BENCH_CHECKS_MATCH'),
    /** Where the results go; the harness test points this at a temporary file. */
    out: pick('out', 'BENCH_OUT') ?? new URL('../results.json', import.meta.url).pathname,
    /** Write a CPU profile of the server processes into this directory. */
    cpuProfDir: pick('cpu-prof', 'BENCH_CPU_PROF'),
    /** CPU sets for the app under test and for everything else, or null (no pinning). */
    pinning: pinning(pick('pin', 'BENCH_PIN')),
  };
}

/**
 * By default, with taskset and at least two CPUs, the app under test gets the
 * last CPU to itself and the load generator and emulator share the others, so a
 * throughput figure is the app's capacity, not the load generator's. `--pin=0`
 * turns it off.
 */
function pinning(raw) {
  if (raw !== undefined && !isOn(raw)) return null;
  const cpus = os.availableParallelism();
  const hasTaskset = spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
  if (cpus < 2 || !hasTaskset) {
    if (raw !== undefined) throw new TypeError('bench: --pin needs taskset and two CPUs');
    return null;
  }
  return { app: String(cpus - 1), load: cpus === 2 ? '0' : `0-${cpus - 2}` };
}

function isOn(value) {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * The order of the variants turns round every other round (a b, b a, a b…), so
 * only an even count gives each as many first places as second ones. With an
 * odd count the first variant (ours) goes first once more, and the machine's
 * drift over a run (on this VM the same work often gets 10-40% faster over a
 * suite's first minute) then falls on it more than on the baseline: with 5
 * rounds ours ran in time slots 1, 4, 5, 8, 9 and the baseline in 2, 3, 6, 7,
 * 10, so a steady speed-up put the baseline's median one slot later. One round
 * (a quick run) is allowed: its numbers mean nothing anyway.
 */
function evenRounds(rounds) {
  if (rounds > 1 && rounds % 2 === 1) {
    throw new TypeError(
      `bench: --rounds must be 1 or even (${rounds - 1} or ${rounds + 1}), got ${rounds}: ` +
        'the variants take turns going first, two rounds at a time',
    );
  }
  return rounds;
}

function integer(name, raw, fallback, min, max) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`bench: --${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
