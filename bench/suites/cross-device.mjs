/**
 * (1c) Cross-device sign-in throughput: device A asks for a link and is shown a
 * number, device B (other cookies) finishes with the emailed link and the
 * number, A's GET /auth/link/status picks the sign-in up; the full stack
 * (`crossDevice: true` on both routers) against the hand-written
 * baseline-cross-device.mjs, on the accounts of the test phones.
 */
import { crossDeviceSignIn, outboxReader } from '../lib/sign-in-load.mjs';
import { emailAccounts } from './email-code.mjs';
import { compareSignIns } from './sign-in.mjs';

export async function crossDeviceSuite({ options, emulator, apps, phones }) {
  const outbox = outboxReader(emulator.info.url);
  try {
    return await compareSignIns({
      options,
      emulator,
      name: 'sign-in across devices (link + number + pickup)',
      servers: {
        ours: apps['ours-cross-device'],
        oursPlainServer: apps['ours-cross-device-plain-server'],
        baseline: apps['baseline-cross-device'],
      },
      recipients: emailAccounts(phones),
      signIn: crossDeviceSignIn(outbox),
      target: 0.9,
    });
  } finally {
    await outbox.close();
  }
}
crossDeviceSuite.apps = [
  'ours-cross-device',
  'ours-cross-device-plain-server',
  'baseline-cross-device',
];
