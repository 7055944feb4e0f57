/**
 * The LoginRadius emulator in a process of its own, so that its work is not
 * billed to the server or the client being measured. argv: the number of test
 * phones to seed (each answers to TEST_OTP; each has an account with the email
 * `testEmail(phone)`).
 *
 * Its passwordless email holds a link, except for EMAIL_CODE_TEMPLATE, whose
 * email holds a one-time code. The emailed-code and cross-device loads read
 * what was "sent" from the outbox (GET /emulator/outbox?to=…), which the
 * emulator searches from end to end: messages older than OUTBOX_KEEP_MS are
 * dropped, so a search costs the same in the last round as in the first (a
 * load reads its message within milliseconds of the send).
 */
import { clearInterval, setInterval } from 'node:timers';
import { startEmulator } from 'passport-loginradius-passwordless/emulator';
import { serve } from './child.mjs';
import { EMAIL_CODE_TEMPLATE, TEST_OTP, testPhones } from './phones.mjs';

const OUTBOX_KEEP_MS = 2000;

const phones = testPhones(Number(process.argv[2] ?? 100));
const emulator = await startEmulator({
  accounts: [],
  testPhones: Object.fromEntries(phones.map((phone) => [phone, TEST_OTP])),
  emailToken: 'link',
  emailTokenByTemplate: { [EMAIL_CODE_TEMPLATE]: 'otp' },
  sendLimits: false,
  quiet: true,
});

const trim = setInterval(() => {
  const { outbox } = emulator;
  const oldest = Date.now() - OUTBOX_KEEP_MS;
  let drop = 0;
  while (drop < outbox.length && Date.parse(outbox[drop].sentAt) < oldest) drop += 1;
  if (drop > 0) outbox.splice(0, drop);
}, 250);
trim.unref();

serve(
  { url: emulator.url, apiKey: emulator.apiKey },
  {
    calls: () => emulator.calls,
    cpu: () => process.cpuUsage(),
  },
  () => {
    clearInterval(trim);
    return emulator.close();
  },
);
