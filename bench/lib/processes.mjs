import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** The emulator process, seeded with `phones` test phones, on the CPUs `cpus` (taskset list). */
export function startEmulatorProcess(phones, { cpus } = {}) {
  return startChild(here('./emulator-process.mjs'), { args: [String(phones)], cpus });
}

/** Pins this process (every thread) to `cpus`. */
export function pinThisProcess(cpus) {
  const result = spawnSync('taskset', ['-apc', cpus, String(process.pid)], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`taskset could not pin the bench to CPUs ${cpus}`);
}

/**
 * An app under test (`ours` or `baseline`) in its own process, talking to the
 * emulator process. With `cpuProfDir` set, the process writes a V8 CPU profile there.
 */
export function startServerProcess(kind, { emulator, fields, cpuProfDir, cpus }) {
  return startChild(here('./server-process.mjs'), {
    args: [kind],
    cpus,
    execArgv: cpuProfDir
      ? [
          '--cpu-prof',
          '--cpu-prof-dir',
          cpuProfDir,
          '--cpu-prof-name',
          `${profileName(kind)}-${process.hrtime.bigint()}.cpuprofile`,
        ]
      : [],
    env: {
      BENCH_EMULATOR_URL: emulator.info.url,
      BENCH_API_KEY: emulator.info.apiKey,
      BENCH_FIELDS: fields ? fields.join(',') : '',
    },
  });
}

/** CPU seconds (user + system) between two `process.cpuUsage()` readings. */
export function cpuSeconds(before, after) {
  return (after.user - before.user + (after.system - before.system)) / 1e6;
}

/** `ours`, `baseline`, or the file name of another app module, as a profile's file name. */
function profileName(kind) {
  return kind
    .replace(/^.*\//, '')
    .replace(/\.m?js$/, '')
    .replace(/[^\w.]+/g, '_');
}
