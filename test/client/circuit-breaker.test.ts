/**
 * The client's circuit breaker (security.md item 24): after repeated upstream
 * failures it fails fast without calling LoginRadius, then lets one probe
 * through after the cool-down; closed → open → half-open → closed (or open again).
 */
import { startClientFixture, type ClientFixture } from '../support/emulator';

let now = 0;
let f: ClientFixture;
beforeEach(async () => {
  now = 1_000_000;
  f = await startClientFixture(
    {},
    { breaker: { threshold: 3, cooldownMs: 10_000, now: () => now } as never },
  );
});
afterEach(async () => f.close());

const send = () => f.client.sendEmailLink({ email: 'ada@example.com' });

test('opens after threshold failures and then refuses without calling upstream', async () => {
  f.emulator.inject({ type: 'status', status: 503 });
  for (let i = 0; i < 3; i += 1)
    await expect(send()).rejects.toMatchObject({ code: 'LR_UNAVAILABLE' });
  expect(f.client.breakerState).toBe('open');
  await expect(send()).rejects.toMatchObject({ code: 'LR_CIRCUIT_OPEN', retryAfter: 10 });
  expect(f.emulator.calls.sendEmailLink).toBe(3);
});

test('half-open lets one probe through; success closes it', async () => {
  f.emulator.inject({ type: 'status', status: 502, times: 3 });
  for (let i = 0; i < 3; i += 1)
    await expect(send()).rejects.toMatchObject({ code: 'LR_UNAVAILABLE' });
  now += 10_000;
  expect(f.client.breakerState).toBe('half-open');
  const probe = send();
  // While the probe is in flight, others are still refused.
  await expect(send()).rejects.toMatchObject({ code: 'LR_CIRCUIT_OPEN' });
  await expect(probe).resolves.toMatchObject({ sent: true });
  expect(f.client.breakerState).toBe('closed');
  await expect(send()).resolves.toMatchObject({ sent: true });
  expect(f.emulator.calls.sendEmailLink).toBe(5);
});

test('a failed probe opens it again for another cool-down', async () => {
  f.emulator.inject({ type: 'rate_limit', retryAfter: 1 });
  for (let i = 0; i < 3; i += 1)
    await expect(send()).rejects.toMatchObject({ code: 'LR_RATE_LIMITED' });
  now += 10_000;
  await expect(send()).rejects.toMatchObject({ code: 'LR_RATE_LIMITED' });
  expect(f.client.breakerState).toBe('open');
  await expect(send()).rejects.toMatchObject({ code: 'LR_CIRCUIT_OPEN' });
  expect(f.emulator.calls.sendEmailLink).toBe(4);
});

test('LoginRadius refusals (ErrorCode) do not count as failures', async () => {
  for (let i = 0; i < 5; i += 1) {
    await expect(f.client.sendEmailLink({ email: 'nobody@example.com' })).rejects.toMatchObject({
      code: 'LR_ERROR',
    });
  }
  expect(f.client.breakerState).toBe('closed');
});

test('breaker: false turns it off', async () => {
  const off = await startClientFixture({}, { breaker: false });
  off.emulator.inject({ type: 'status', status: 500 });
  for (let i = 0; i < 8; i += 1) {
    await expect(off.client.sendEmailLink({ email: 'ada@example.com' })).rejects.toMatchObject({
      code: 'LR_UNAVAILABLE',
    });
  }
  expect(off.client.breakerState).toBe('disabled');
  expect(off.emulator.calls.sendEmailLink).toBe(8);
  await off.close();
});

test('a call whose query cannot be built is refused before it takes the half-open probe', async () => {
  f.emulator.inject({ type: 'status', status: 503, times: 3 });
  for (let i = 0; i < 3; i += 1)
    await expect(send()).rejects.toMatchObject({ code: 'LR_UNAVAILABLE' });
  now += 10_000;
  // Half a surrogate pair: encodeURIComponent would throw a URIError mid-call.
  await expect(
    f.client.sendEmailLink({ email: 'ada@example.com' }, { passwordlessLoginTemplate: '\ud800' }),
  ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  // The probe slot is still free: LoginRadius, healthy again, gets the next call.
  await expect(send()).resolves.toMatchObject({ sent: true });
  expect(f.client.breakerState).toBe('closed');
});

test('a 4xx answer without an ErrorCode (431, 414) says nothing of LoginRadius health', async () => {
  f.emulator.inject({ type: 'status', status: 431 });
  for (let i = 0; i < 5; i += 1)
    await expect(send()).rejects.toMatchObject({ code: 'LR_BAD_RESPONSE' });
  expect(f.client.breakerState).toBe('closed');
});
