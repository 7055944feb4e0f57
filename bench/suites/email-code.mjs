/**
 * (1b) Emailed-code sign-in throughput: POST /auth/link {email}, the code read
 * from the emulator's outbox, POST /auth/link/verify {otp}; the full stack
 * (`emailCode: true`, the email template whose email carries a code) against
 * the hand-written baseline-email-code.mjs, on the accounts of the test phones.
 */
import { testEmail } from '../lib/phones.mjs';
import { emailCodeSignIn, outboxReader } from '../lib/sign-in-load.mjs';
import { compareSignIns } from './sign-in.mjs';

/**
 * Accounts the email loads cycle through: enough that none is reused within the
 * cooldown at a few thousand sign-ins a second, few enough that the emulator's
 * account lookup by email (a scan from the first account) stays cheap.
 */
export const MAX_EMAIL_ACCOUNTS = 2500;

export function emailAccounts(phones) {
  return phones.slice(0, MAX_EMAIL_ACCOUNTS).map(testEmail);
}

export async function emailCodeSuite({ options, emulator, apps, phones }) {
  const outbox = outboxReader(emulator.info.url);
  try {
    return await compareSignIns({
      options,
      emulator,
      name: 'sign-in (emailed code)',
      servers: {
        ours: apps['ours-email-code'],
        oursPlainServer: apps['ours-email-code-plain-server'],
        baseline: apps['baseline-email-code'],
      },
      recipients: emailAccounts(phones),
      signIn: emailCodeSignIn(outbox),
      target: 0.9,
    });
  } finally {
    await outbox.close();
  }
}
emailCodeSuite.apps = ['ours-email-code', 'ours-email-code-plain-server', 'baseline-email-code'];
