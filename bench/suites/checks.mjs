/**
 * (5) What each check on the sign-in path costs, in µs per sign-in (or per
 * request, or per operation), timed in-process on the package's own functions
 * (lib/checks-process.mjs says how). No ratios: `baseline` and `ratio` are
 * null; where a hand-written app does the same job its own way, the note gives
 * its cost and the package's extra. The child runs on the app CPU (the apps
 * are idle meanwhile), away from this process.
 */
import { fileURLToPath } from 'node:url';
import { startChild } from '../lib/child.mjs';
import { loadPackage } from '../lib/package.mjs';
import { TEST_OTP } from '../lib/phones.mjs';
import { RESERVED_PHONES } from '../lib/servers.mjs';
import { measurement } from '../lib/stats.mjs';

const UNITS = { 'sign-in': 'µs/sign-in', request: 'µs/request', operation: 'µs/op' };

export async function checksSuite({ options, emulator, phones, prepared: child }) {
  // A real signed-in user (the Profile the emulator's login returns), as the sessions hold it.
  const { LoginRadiusClient, toSessionUser } = await loadPackage();
  const client = new LoginRadiusClient({
    apiKey: emulator.info.apiKey,
    baseUrl: emulator.info.url,
  });
  let user;
  try {
    const phone = phones[phones.length - RESERVED_PHONES + 4];
    await client.sendPhoneOtp({ phone });
    user = toSessionUser(await client.verifyPhoneOtp({ phone, otp: TEST_OTP }));
    // Signed in for the whole suite, however long it runs.
    user.expiresAt = new Date(Date.now() + 3_600_000);
  } finally {
    await client.close();
  }

  const measured = await child.call('run', {
    batches: options.checkBatches,
    batchMs: options.checkBatchMs,
    settle: !options.quick,
    match: options.checksMatch,
    user: JSON.parse(JSON.stringify(user)),
  });

  const rows = [];
  let extraPerSmsSignIn = 0;
  for (const check of measured) {
    const extra = check.ours.median - (check.handWritten?.median ?? 0);
    if (check.group === 'SMS sign-in' && !check.partOf && !check.alternative) {
      extraPerSmsSignIn += extra;
    }
    rows.push(
      measurement({
        name: `check (${check.group}): ${check.partOf ? `${check.partOf}, of which ` : ''}${check.name}`,
        unit: UNITS[check.per],
        value: check.ours,
        baseline: check.handWritten,
        note: check.handWritten
          ? `baseline: the hand-written way (${check.handWritten.name}); ` +
            `the package's extra: ${format(extra)} µs`
          : undefined,
      }),
    );
  }
  if (options.checksMatch) return rows;
  rows.push(
    measurement({
      name: 'check (SMS sign-in): every check above, extra over hand-written',
      unit: UNITS['sign-in'],
      value: { median: extraPerSmsSignIn, min: extraPerSmsSignIn, max: extraPerSmsSignIn },
      note: 'the sum of the medians, less what the hand-written app spends on the same jobs',
    }),
  );
  return rows;
}
checksSuite.apps = [];
/** The measuring process (it bundles the sources as it starts); started with the apps. */
checksSuite.prepare = ({ options }) =>
  startChild(fileURLToPath(new URL('../lib/checks-process.mjs', import.meta.url)), {
    cpus: options.pinning?.app,
    execArgv: [
      '--expose-gc',
      ...(options.cpuProfDir
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            options.cpuProfDir,
            '--cpu-prof-name',
            'checks.cpuprofile',
          ]
        : []),
    ],
  });

function format(value) {
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}
