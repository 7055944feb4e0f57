import { fileURLToPath } from 'node:url';
import { pinProcess, startChild } from './child.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** The emulator process, seeded with `phones` test phones, on the CPUs `cpus` (taskset list). */
export function startEmulatorProcess(phones, { cpus } = {}) {
  return startChild(here('./emulator-process.mjs'), { args: [String(phones)], cpus });
}

/** Pins this process (every thread) to `cpus`. */
export function pinThisProcess(cpus) {
  pinProcess(process.pid, cpus);
}

/**
 * An app under test (`ours`, or one of the hand-written apps in bench/servers)
 * in its own process, talking to the emulator process. `flavour` sets up ours
 * for one kind of sign-in (`sms`, `email-code`, `cross-device`). With
 * `cpuProfDir` set, the process writes a V8 CPU profile there; `env` adds to its
 * environment (`BENCH_PACKAGE_ENTRY` for another build, as bench/ab.mjs does).
 */
export function startServerProcess(
  kind,
  { emulator, fields, flavour, plainServer, cpuProfDir, cpus, env = {} },
) {
  return startChild(here('./server-process.mjs'), {
    args: [kind],
    cpus,
    // --expose-gc: the app collects its garbage before each round (server-process.mjs).
    execArgv: [
      '--expose-gc',
      ...(cpuProfDir
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            cpuProfDir,
            '--cpu-prof-name',
            `${profileName(kind)}${flavour ? `-${flavour}` : ''}${plainServer ? '-plain-server' : ''}-${process.hrtime.bigint()}.cpuprofile`,
          ]
        : []),
    ],
    env: {
      BENCH_EMULATOR_URL: emulator.info.url,
      BENCH_API_KEY: emulator.info.apiKey,
      BENCH_FIELDS: fields ? fields.join(',') : '',
      BENCH_FLAVOUR: flavour ?? '',
      BENCH_PLAIN_SERVER: plainServer ? '1' : '',
      ...env,
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
