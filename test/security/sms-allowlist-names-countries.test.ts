/**
 * Attack: SMS pumping to premium numbers that share an allowed calling code
 * (security.md item 35). Calling code 1 is the US and Canada but also Jamaica
 * and most of the Caribbean; 44 is Great Britain but also Jersey, Guernsey and
 * the Isle of Man, whose numbers cost more to reach. `allowedCountries` names
 * ISO 3166-1 countries, so such a number is refused (400) before any upstream
 * call however it is written; with both allowlists a number must pass both.
 * Premium-rate and shared-cost numbers are refused whatever the allowlists say.
 */
import request from 'supertest';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

let t: TestApp;
async function start(requestRouter: TestAppOptions['requestRouter']): Promise<void> {
  t = await startTestApp({ requestRouter: { limits: { perIp: 1000 }, ...requestRouter } });
}
afterEach(async () => t.close());

/** Asks for a code for `phone`; resolves to the status, checking the refusal's shape. */
async function send(phone: string): Promise<number> {
  const res = await request(t.app).post('/auth/otp').send({ phone });
  if (res.status === 400) expect(res.body.error.code).toBe('INVALID_INPUT');
  return res.status;
}

/** Asks for each number; resolves to the statuses, and how many reached LoginRadius. */
async function sendAll(phones: string[]): Promise<{ statuses: number[]; upstream: number }> {
  const before = t.emulator.calls.sendPhoneOtp;
  const statuses: number[] = [];
  for (const phone of phones) statuses.push(await send(phone));
  return { statuses, upstream: t.emulator.calls.sendPhoneOtp - before };
}

test("allowedCountries: ['US'] refuses Jamaica and Canada on calling code 1, admits the US", async () => {
  await start({ allowedCountries: ['US'] });
  const refused = await sendAll([
    '+18765550123', // Jamaica
    '+1 (876) 940-5555', // Jamaica, formatted
    '+1８７６２３４５６７８', // Jamaica, in full-width digits
    'tel:+18765550123', // Jamaica, as a tel: URI
    '+16045550123', // Canada
    '+881612345678', // a satellite number: no country at all
  ]);
  expect(refused).toEqual({ statuses: Array(6).fill(400), upstream: 0 });
  expect(await sendAll(['+14155550101', '+12015550123'])).toEqual({
    statuses: [200, 200],
    upstream: 2,
  });
});

test('a Jamaican number typed nationally with a US default country is still Jamaican', async () => {
  await start({ allowedCountries: ['US'], defaultCountry: 'US' });
  expect(await sendAll(['(876) 555-0123', '876 555 0123'])).toEqual({
    statuses: [400, 400],
    upstream: 0,
  });
  expect(await sendAll(['(415) 555-0101'])).toEqual({ statuses: [200], upstream: 1 });
});

test("allowedCountries: ['GB'] refuses Jersey, Guernsey and the Isle of Man on calling code 44", async () => {
  await start({ allowedCountries: ['GB'] });
  const refused = await sendAll([
    '+441534456789', // Jersey
    '+447797123456', // Jersey mobile
    '+441624456789', // Isle of Man
    '+447624123456', // Isle of Man mobile
    '+441481256789', // Guernsey
  ]);
  expect(refused).toEqual({ statuses: Array(5).fill(400), upstream: 0 });
  expect(await sendAll(['+442079460958'])).toEqual({ statuses: [200], upstream: 1 });
  expect(t.emulator.outbox.latest('+442079460958')?.otp).toEqual(expect.any(String));
});

test('with both allowlists a number must pass both', async () => {
  await start({ allowedCallingCodes: ['1'], allowedCountries: ['US', 'JM'] });
  // Calling code 1, but Canada is not an allowed country.
  expect(await sendAll(['+16045550123'])).toEqual({ statuses: [400], upstream: 0 });
  expect(await sendAll(['+14155550101', '+18765550123'])).toEqual({
    statuses: [200, 200],
    upstream: 2,
  });
  await t.close();

  await start({ allowedCallingCodes: ['1'], allowedCountries: ['US', 'GB'] });
  // An allowed country, but calling code 44 is not allowed.
  expect(await sendAll(['+442079460958'])).toEqual({ statuses: [400], upstream: 0 });
});

test('a refused number cannot be reached by a resend or a voice call either', async () => {
  await start({ allowedCountries: ['US'] });
  const browser = request.agent(t.app);
  await browser.post('/auth/otp').send({ phone: '+18765550123' }).expect(400);
  await browser.post('/auth/otp').send({ phone: '+18765550123', voice: '1' }).expect(400);
  await browser.post('/auth/otp').send({ resend: '1' }).expect(400);
  expect(t.emulator.calls.sendPhoneOtp).toBe(0);
});

test('premium-rate and shared-cost numbers get no code, even in an allowed country', async () => {
  // SMS pumping and revenue share fraud send codes to numbers that pay their owner;
  // +1 900 passes `allowedCountries: ['US']` by its country alone.
  await start({ allowedCountries: ['US', 'GB'], channels: { phone: true, voice: true } });
  const premium = [
    '+19005551234', // US premium rate
    '+1 (900) 555-0199', // the same, formatted
    '+448712345678', // UK 0871, premium rate
    '+449012345678', // UK 09, premium rate
    '+448431234567', // UK 0843, shared cost
  ];
  expect(await sendAll(premium)).toEqual({ statuses: Array(5).fill(400), upstream: 0 });
  const before = t.emulator.calls.sendPhoneOtp;
  const voice = await request(t.app).post('/auth/otp').send({ phone: premium[0], voice: 'yes' });
  expect(voice.status).toBe(400);
  expect(voice.body.error.code).toBe('INVALID_INPUT');
  expect(t.emulator.calls.sendPhoneOtp).toBe(before);
  // Ordinary numbers of the same countries still get their code.
  expect(await sendAll(['+14155550101', '+442079460958', '+447400123456'])).toEqual({
    statuses: [200, 200, 200],
    upstream: 3,
  });
});

test('a premium number of a smaller country on a shared calling code is typed as that country', async () => {
  // From its E.164 form alone, libphonenumber types +1 as the US and +44 as Great
  // Britain, where these ranges are ordinary: each must be read as its own country's.
  await start({ allowedCallingCodes: ['1', '44'] });
  const premium = [
    '+12469766913', // Barbados 976, premium rate
    '+13459761148', // Cayman Islands 976, premium rate
    '+449813147168', // Guernsey 098, premium rate
  ];
  expect(await sendAll(premium)).toEqual({ statuses: [400, 400, 400], upstream: 0 });
  const voice = await request(t.app).post('/auth/otp').send({ phone: premium[0], voice: '1' });
  expect(voice.status).toBe(400);
  // Those countries' ordinary numbers still get their code.
  expect(await sendAll(['+12462345678', '+13453231234', '+447781123456'])).toEqual({
    statuses: [200, 200, 200],
    upstream: 3,
  });
});
