/**
 * The LoginRadius emulator in a process of its own, so that its work is not
 * billed to the server or the client being measured. argv: the number of test
 * phones to seed (each answers to TEST_OTP).
 */
import { startEmulator } from 'passport-loginradius-passwordless/emulator';
import { serve } from './child.mjs';
import { TEST_OTP, testPhones } from './phones.mjs';

const phones = testPhones(Number(process.argv[2] ?? 100));
const emulator = await startEmulator({
  accounts: [],
  testPhones: Object.fromEntries(phones.map((phone) => [phone, TEST_OTP])),
  sendLimits: false,
  quiet: true,
});

serve(
  { url: emulator.url, apiKey: emulator.apiKey },
  {
    calls: () => emulator.calls,
    cpu: () => process.cpuUsage(),
  },
  () => emulator.close(),
);
