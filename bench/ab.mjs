/**
 * Two builds of ours side by side: does a change make a sign-in faster?
 *
 *   node bench/ab.mjs <entry of build B>      # e.g. a patched checkout's dist/index.mjs
 *   BENCH_AB_FLAVOUR=cross-device node bench/ab.mjs <entry>   # or email-code (default sms)
 *
 * A is this checkout's build (`dist/`, so `npm run build` first; or the build
 * `BENCH_PACKAGE_ENTRY` names), B the build whose entry file is given (it loads
 * the packages beside it, so its checkout needs its own `node_modules`); both run
 * `bench/servers/ours.mjs` (SMS, or the flavour `BENCH_AB_FLAVOUR` names, with
 * the load of its suite) in processes of their own, pinned to the same
 * CPU, in alternating rounds against one emulator, as the sign-in suite runs ours
 * against the hand-written app. Prints B/A (higher: B is faster), throughput and
 * per server CPU-second. Takes the options of `bench/run.mjs` (`BENCH_ROUNDS`,
 * `BENCH_DURATION_MS`, `BENCH_QUICK`…); a change of a few per cent needs 10 rounds
 * or more on a shared machine, and an A/A run (B = this build) shows the noise.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readOptions } from './lib/options.mjs';
import { testPhones } from './lib/phones.mjs';
import { pinThisProcess, startEmulatorProcess, startServerProcess } from './lib/processes.mjs';
import { RESERVED_PHONES } from './lib/servers.mjs';
import { crossDeviceSignIn, emailCodeSignIn, outboxReader, signIn } from './lib/sign-in-load.mjs';
import { textTable } from './lib/table.mjs';
import { emailAccounts } from './suites/email-code.mjs';
import { compareSignIns } from './suites/sign-in.mjs';

const FLAVOURS = {
  sms: { name: 'SMS sign-in', load: () => signIn },
  'email-code': { name: 'emailed-code sign-in', load: emailCodeSignIn },
  'cross-device': { name: 'cross-device sign-in', load: crossDeviceSignIn },
};

const [entry, ...rest] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!entry || rest.length > 0) {
  console.error('usage: node bench/ab.mjs <entry file of build B> [--rounds=10 …]');
  process.exit(2);
}
const flavour = process.env.BENCH_AB_FLAVOUR ?? 'sms';
if (!Object.hasOwn(FLAVOURS, flavour)) {
  console.error(`BENCH_AB_FLAVOUR: one of ${Object.keys(FLAVOURS).join(', ')}`);
  process.exit(2);
}
const options = readOptions(process.argv.slice(2).filter((arg) => arg.startsWith('--')));
const aEntry = process.env.BENCH_PACKAGE_ENTRY;
if (options.cpuProfDir) await mkdir(options.cpuProfDir, { recursive: true });
if (options.pinning) pinThisProcess(options.pinning.load);
const phones = testPhones(options.phones);
const emulator = await startEmulatorProcess(phones.length, { cpus: options.pinning?.load });
const servers = {};
const outbox = outboxReader(emulator.info.url);
try {
  const start = (packageEntry) =>
    startServerProcess('ours', {
      emulator,
      flavour,
      cpus: options.pinning?.app,
      cpuProfDir: options.cpuProfDir,
      env: packageEntry ? { BENCH_PACKAGE_ENTRY: resolve(packageEntry) } : {},
    });
  [servers.a, servers.b] = await Promise.all([start(aEntry), start(entry)]);
  const rows = await compareSignIns({
    options,
    emulator,
    name: `${FLAVOURS[flavour].name}, B (${entry}) / A (${aEntry ?? 'this build'})`,
    servers: { ours: servers.b, baseline: servers.a },
    recipients:
      flavour === 'sms' ? phones.slice(0, phones.length - RESERVED_PHONES) : emailAccounts(phones),
    signIn: FLAVOURS[flavour].load(outbox),
  });
  console.log(textTable(rows.map(({ note: _note, ...row }) => row)));
  // The notes name the variants as the sign-in suite does: ours is B, baseline A.
  for (const { name, note } of rows)
    console.log(`${name}: ${note.replaceAll('ours', 'B').replaceAll('baseline', 'A')}`);
} finally {
  await outbox.close();
  await Promise.all([...Object.values(servers).map((server) => server.stop()), emulator.stop()]);
}
