/**
 * npm run bench: the package's costs, measured side by side with hand-written
 * equivalents in one run, as ratios (higher is better). Loopback only; bounded
 * in time. Options: see lib/options.mjs (`BENCH_QUICK=1` for a tiny run).
 *
 *   1. sign-in throughput      full stack vs express + express-session + undici:
 *      sign-in                   by SMS code
 *      email-code                by emailed code
 *      cross-device              by link opened on another device (number + pickup)
 *   2. signed-in request       requireLogin() route vs the same on bare express-session
 *   3. client overhead         LoginRadiusClient vs raw undici.request and fetch
 *   4. size                    bytes and MemoryStore heap per session
 *   5. checks                  µs per sign-in of each check, in-process (no ratio)
 *
 * Writes bench/results.json: [{ name, ours, baseline, unit, ratio, ... }]
 * (`baseline` and `ratio` are null for the checks).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readOptions } from './lib/options.mjs';
import { testPhones } from './lib/phones.mjs';
import { pinThisProcess, startEmulatorProcess } from './lib/processes.mjs';
import { startApps, stopApps } from './lib/servers.mjs';
import { markdownTable, textTable } from './lib/table.mjs';
import { checksSuite } from './suites/checks.mjs';
import { clientSuite } from './suites/client.mjs';
import { crossDeviceSuite } from './suites/cross-device.mjs';
import { emailCodeSuite } from './suites/email-code.mjs';
import { signInSuite } from './suites/sign-in.mjs';
import { signedInSuite } from './suites/signed-in.mjs';
import { sizeSuite } from './suites/size.mjs';

const SUITES = {
  'sign-in': signInSuite,
  'email-code': emailCodeSuite,
  'cross-device': crossDeviceSuite,
  'signed-in': signedInSuite,
  client: clientSuite,
  size: sizeSuite,
  checks: checksSuite,
};

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

async function main() {
  const options = readOptions();
  const started = performance.now();
  const info = machine();
  console.log(
    `bench: ${info.cpus} × ${info.cpuModel}, Node ${info.node}; ${options.rounds} rounds of ` +
      `${options.durationMs} ms${options.quick ? ' (quick)' : ''}`,
  );
  const [load] = os.loadavg();
  if (load > info.cpus / 2) {
    console.log(
      `note: the machine is busy (load average ${load.toFixed(1)} on ${info.cpus} CPUs); ` +
        'figures will be noisy, ratios less so (rounds alternate)',
    );
  }
  if (options.cpuProfDir) await mkdir(options.cpuProfDir, { recursive: true });
  if (options.pinning) {
    pinThisProcess(options.pinning.load);
    console.log(
      `pinned: apps under test on CPU ${options.pinning.app}, load generator and emulator on ${options.pinning.load}`,
    );
  }
  const phones = testPhones(options.phones);
  const emulator = await startEmulatorProcess(phones.length, { cpus: options.pinning?.load });
  const results = [];
  let apps = {};
  const prepared = {};
  try {
    // Every process the suites need starts at once (they share the CPUs only while
    // starting): the apps under test, and what a suite prepares for itself.
    const started = performance.now();
    const preparing = options.suites.map(async (name) => {
      const value = await SUITES[name].prepare?.({ options, emulator, phones });
      if (value) prepared[name] = value;
    });
    const starting = await Promise.allSettled([
      startApps([...new Set(options.suites.flatMap((name) => SUITES[name].apps))], {
        emulator,
        options,
      }).then((value) => (apps = value)),
      ...preparing,
    ]);
    const failed = starting.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    console.log(
      `  ${Object.keys(apps).length} apps and ${Object.keys(prepared).length} helpers started: ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const name of options.suites) {
      const suiteStarted = performance.now();
      const rows = await SUITES[name]({
        options,
        emulator,
        apps,
        phones,
        prepared: prepared[name],
      });
      results.push(...rows);
      console.log(`  ${name}: ${((performance.now() - suiteStarted) / 1000).toFixed(1)} s`);
    }
  } finally {
    await Promise.allSettled([
      stopApps(apps),
      ...Object.values(prepared).map((helper) => helper.stop()),
    ]);
    await emulator.stop();
  }
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${textTable(results)}\n`);
  console.log(`Markdown (for docs/benchmarks.md):\n\n${markdownTable(results)}\n`);
  console.log(`wrote ${options.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const missed = results.filter((result) => result.met === false);
  if (missed.length > 0) {
    console.log(`targets missed: ${missed.map((result) => result.name).join('; ')}`);
  }
}

await main();
