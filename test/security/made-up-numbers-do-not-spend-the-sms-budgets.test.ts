/**
 * Attack: switch SMS sign-in off for everybody with made-up numbers
 * (security.md item 29). The attacker asks for codes for numbers that have no
 * account, from a few dozen IPs; the browser is told "sent" as for a real
 * number (so accounts stay hidden), but LoginRadius refuses them (ErrorCode
 * 1043) and sends nothing. The daily SMS budgets count only the sends
 * LoginRadius accepted, so the real owner still gets a code.
 */
import request from 'supertest';
import { until } from '../support/until';
import { answerShape as shape } from '../support/answer-shape';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

/** n valid US numbers that no emulator account has. */
function madeUpNumbers(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `+1415555${String(2000 + i).padStart(4, '0')}`);
}

let t: TestApp;
async function start(options: TestAppOptions): Promise<TestApp> {
  t = await startTestApp(options);
  t.app.set('trust proxy', true);
  return t;
}
afterEach(async () => t.close());

const realPhone = (): string => t.emulator.accounts[0]!.phone!;
const sendFrom = (ip: string, phone: string): request.Test =>
  request(t.app).post('/auth/otp').set('X-Forwarded-For', ip).send({ phone });

test('20 made-up numbers from 20 IPs leave the global budget of 5 for the real owner', async () => {
  await start({ requestRouter: { limits: { smsPerDay: 5 } } });
  const numbers = madeUpNumbers(20);
  for (const [i, phone] of numbers.entries())
    expect(shape(await sendFrom(`203.0.113.${i + 1}`, phone))).toMatchObject({
      status: 200,
      body: { sent: true },
    });
  expect(t.emulator.calls.sendPhoneOtp).toBe(20);
  expect(t.events.filter((e) => e.type === 'send_refused').map((e) => e.reason)).toEqual(
    Array(20).fill('1043'),
  );

  await sendFrom('198.51.100.7', realPhone()).expect(200, { sent: true });
  expect(t.emulator.outbox.latest(realPhone())?.otp).toEqual(expect.any(String));
  expect(t.events.some((e) => e.type === 'rate_limited')).toBe(false);
});

test('made-up numbers from one IP leave its per-IP budget for a real number', async () => {
  await start({ requestRouter: { limits: { smsPerIpPerDay: 3 } } });
  for (const phone of madeUpNumbers(10))
    await sendFrom('203.0.113.9', phone).expect(200, { sent: true });
  await sendFrom('203.0.113.9', realPhone()).expect(200, { sent: true });
  expect(t.emulator.outbox.latest(realPhone())?.otp).toEqual(expect.any(String));
  expect(t.emulator.calls.sendPhoneOtp).toBe(11);
});

test('the answers to a made-up and a real number are identical, as JSON and as a form post', async () => {
  await start({ requestRouter: { limits: { smsPerDay: 5 } } });
  const [madeUp, madeUp2] = madeUpNumbers(2);
  const [ada, grace] = t.emulator.accounts;
  const json = [await sendFrom('203.0.113.1', madeUp!), await sendFrom('203.0.113.2', ada!.phone!)];
  expect(shape(json[0]!)).toEqual(shape(json[1]!));
  const formSend = (ip: string, phone: string): request.Test =>
    request(t.app).post('/auth/otp').set('X-Forwarded-For', ip).type('form').send({ phone });
  const form = [
    await formSend('203.0.113.3', madeUp2!),
    await formSend('203.0.113.4', grace!.phone!),
  ];
  expect(form[0]!.status).toBe(303);
  expect(shape(form[0]!)).toEqual(shape(form[1]!));
  expect(t.emulator.outbox.latest(grace!.phone!)?.otp).toEqual(expect.any(String));
});

test('made-up sends still waiting on LoginRadius do not crowd a real number out of the budget', async () => {
  await start({ requestRouter: { limits: { smsPerDay: 5 } } });
  // LoginRadius takes 150 ms to refuse each made-up number.
  t.emulator.inject({ endpoint: 'sendPhoneOtp', type: 'latency', ms: 150, times: 20 });
  const flood = madeUpNumbers(20).map((phone, i) => sendFrom(`203.0.113.${i + 1}`, phone).then());
  // The owner asks while made-up sends are in flight (LoginRadius has them, and has not answered).
  await until(() => t.emulator.calls.sendPhoneOtp >= 5, 'made-up sends to reach LoginRadius');
  const owner = await sendFrom('198.51.100.7', realPhone());
  await Promise.all(flood);
  expect(owner.status).toBe(200);
  expect(t.emulator.outbox.latest(realPhone())?.otp).toEqual(expect.any(String));
});
