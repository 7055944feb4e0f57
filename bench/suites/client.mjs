/**
 * (3) Client overhead: LoginRadiusClient.getProfile against a raw
 * `undici.request` and against global `fetch` to the same emulator endpoint,
 * one after another (1 in flight) and with `connections` in flight. The
 * emulator runs in its own process; this process only runs the clients, so its
 * CPU time per call is the client's own cost.
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { loadPackage } from '../lib/package.mjs';
import { TEST_OTP } from '../lib/phones.mjs';
import { cpuSeconds, startEmulatorProcess } from '../lib/processes.mjs';
import { alternate, row } from '../lib/stats.mjs';

const PROFILE_PATH = '/identity/v2/auth/account';

export async function clientSuite({ options, emulator: shared, phones, prepared: own }) {
  const emulator = own ?? shared;
  const { url, apiKey } = emulator.info;
  const { LoginRadiusClient } = await loadPackage();
  const client = new LoginRadiusClient({ apiKey, baseUrl: url });
  try {
    const phone = phones[phones.length - 3];
    await client.sendPhoneOtp({ phone });
    const { accessToken } = await client.verifyPhoneOtp({ phone, otp: TEST_OTP });
    const endpoint = `${url}${PROFILE_PATH}?apikey=${encodeURIComponent(apiKey)}`;
    const headers = { accept: 'application/json', authorization: `Bearer ${accessToken}` };

    // Each does what a caller needs: one call, the Profile parsed, failure noticed.
    const calls = {
      ours: () => client.getProfile(accessToken),
      undici: async () => {
        const { statusCode, body } = await request(endpoint, { headers });
        const profile = await body.json();
        if (statusCode !== 200) throw new Error(`getProfile answered ${statusCode}`);
        return profile;
      },
      fetch: async () => {
        const response = await globalThis.fetch(endpoint, { headers });
        const profile = await response.json();
        if (!response.ok) throw new Error(`getProfile answered ${response.status}`);
        return profile;
      },
    };

    const load = async (call, inFlight, durationMs) => {
      let completed = 0;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const deadline = started + durationMs;
      const worker = async () => {
        while (performance.now() < deadline) {
          await call();
          completed += 1;
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(cpuBefore, process.cpuUsage());
      return { rate: completed / seconds, perCpuSecond: completed / cpu };
    };

    const rows = [];
    for (const inFlight of [1, options.connections]) {
      // Calls are short: half a round is as many samples as a sign-in round, in half the time.
      const durationMs = Math.max(50, options.durationMs / 2);
      const measure = (name) => () => load(calls[name], inFlight, durationMs);
      const results = await alternate(
        { ours: measure('ours'), undici: measure('undici'), fetch: measure('fetch') },
        {
          rounds: options.rounds,
          warmup: options.warmupMs > 0 && ((name) => load(calls[name], inFlight, options.warmupMs)),
        },
      );
      for (const [baseline, target] of [
        ['undici', 0.97],
        ['fetch', 1.0],
      ]) {
        rows.push(
          row({
            name: `client getProfile vs ${baseline === 'undici' ? 'undici.request' : 'fetch'}, ${inFlight} in flight`,
            unit: 'calls/s',
            ours: results.ours.rate,
            baseline: results[baseline].rate,
            target,
          }),
          row({
            name: `client getProfile vs ${baseline === 'undici' ? 'undici.request' : 'fetch'}, ${inFlight} in flight, per client CPU-second`,
            unit: 'calls/CPU-s',
            ours: results.ours.perCpuSecond,
            baseline: results[baseline].perCpuSecond,
          }),
        );
      }
    }
    return rows;
  } finally {
    await client.close();
  }
}
clientSuite.apps = [];
/**
 * Pinned, the emulator gets the CPU the apps had, so that it keeps up with the
 * clients and their own cost decides the rate. Started with the apps; the run stops it.
 */
clientSuite.prepare = ({ options, phones }) =>
  options.pinning
    ? startEmulatorProcess(phones.length, { cpus: options.pinning.app })
    : Promise.resolve(undefined);
