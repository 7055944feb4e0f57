/**
 * The circuit breaker seen through the routers (security.md item 24): after
 * repeated LoginRadius failures every route that would call LoginRadius
 * answers 503 with `Retry-After` at once, without calling it; after the
 * cool-down one probe goes through (half-open); its success closes the breaker,
 * its failure opens it for another cool-down. The breaker's clock is moved with
 * its `now` option, so nothing waits out a real cool-down.
 */
import { LoginRadiusClient } from '../../src/index';
import { latestOtp, latestToken } from '../support/test-app';
import { FreshIdentities } from './support/fresh-identities';
import { emptyFigures, reportFigures, tally } from './support/figures';
import { Browser, headerValues, jsonOf, type Answer } from './support/http';
import { watchProcess, type ProcessWatch } from './support/process-watch';
import {
  HIGH_LIMITS,
  startReliabilityApp,
  testPhoneCodes,
  testPhoneNumbers,
  type ReliabilityApp,
} from './support/reliability-app';

const THRESHOLD = 3;
const COOLDOWN_MS = 30_000;
const PHONES = testPhoneNumbers(20);

let t: ReliabilityApp;
let now: number;
let watch: ProcessWatch;
const fresh = new FreshIdentities('breaker', PHONES, () => t.emulator);
const freshEmail = (): string => fresh.email();
const freshPhone = (): string => fresh.phone();
const figures = emptyFigures();
const startedAt = performance.now();

beforeAll(() => {
  watch = watchProcess();
});
beforeEach(async () => {
  now = 1_000_000;
  fresh.restartPhones();
  t = await startReliabilityApp({
    emulator: { testPhones: testPhoneCodes(PHONES) },
    client: {
      timeout: 1000,
      // `now` is not part of the public option type: it exists for tests like these.
      breaker: { threshold: THRESHOLD, cooldownMs: COOLDOWN_MS, now: () => now } as never,
    },
    ...HIGH_LIMITS,
  });
});
afterEach(async () => {
  figures.requests += t.server.stats.requests;
  figures.unexpected5xx += t.server.stats.status5xx - expected5xx;
  figures.faultAnswers5xx += expected5xx;
  figures.crashes += t.server.stats.unanswered;
  expected5xx = 0;
  await t.close();
  expect(watch.problems).toEqual([]);
});
afterAll(() => {
  watch.stop();
  figures.crashes += watch.problems.length;
  reportFigures(__filename, figures, (performance.now() - startedAt) / 1000);
});

/** 503s this test expects (breaker open, injected faults); the rest are unexpected. */
let expected5xx = 0;

/** Answers 503 UNAVAILABLE with `Retry-After: retryAfter`. */
function expectUnavailable(answer: Answer, retryAfter: number): void {
  expect(answer.status).toBe(503);
  expected5xx += 1;
  expect(headerValues(answer, 'retry-after')).toEqual([String(retryAfter)]);
  expect(jsonOf(answer)).toEqual({
    error: { code: 'UNAVAILABLE', message: expect.any(String), retryAfter },
  });
}

/** Makes `THRESHOLD` link sends fail with 503s from LoginRadius, which opens the breaker. */
async function openBreaker(): Promise<void> {
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'status', status: 503, times: THRESHOLD });
  for (let i = 0; i < THRESHOLD; i += 1) {
    const answer = await new Browser(t.server).post('/auth/link', { email: freshEmail() });
    expect(answer.status).toBe(503);
    expected5xx += 1;
  }
  expect(t.client.breakerState).toBe('open');
}

/** Waits (bounded) until LoginRadius has received `count` calls in all. */
async function untilUpstreamCalls(count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (t.emulator.calls.total < count) {
    if (Date.now() > deadline) throw new Error(`LoginRadius never got ${count} calls`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

test('the breaker is on by default', () =>
  tally(figures, async () => {
    const client = new LoginRadiusClient({ apiKey: 'key', baseUrl: 'http://127.0.0.1:9' });
    expect(client.breakerState).toBe('closed');
    await client.close();
  }));

test('open: every route answers 503 with Retry-After at once, and LoginRadius is not called', () =>
  tally(figures, async () => {
    // Browsers mid-way through each flow, set up while LoginRadius is healthy.
    const signedIn = new Browser(t.server);
    const signedInEmail = freshEmail();
    await signedIn.post('/auth/link', { email: signedInEmail });
    await signedIn.post('/auth/callback', { vtoken: latestToken(t.emulator, signedInEmail) });
    figures.signIns += 1;
    const linkHolder = new Browser(t.server);
    const linkEmail = freshEmail();
    await linkHolder.post('/auth/link', { email: linkEmail });
    const vtoken = latestToken(t.emulator, linkEmail);
    const codeHolder = new Browser(t.server);
    const phone = freshPhone();
    await codeHolder.post('/auth/otp', { phone });
    const otp = latestOtp(t.emulator, phone);
    const stored = { ...t.store.sessions };

    await openBreaker();
    t.emulator.resetCalls();
    const started = performance.now();
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: freshEmail() }), 30);
    expectUnavailable(await new Browser(t.server).post('/auth/otp', { phone: freshPhone() }), 30);
    expectUnavailable(await linkHolder.post('/auth/callback', { vtoken }), 30);
    expectUnavailable(await codeHolder.post('/auth/otp/verify', { otp }), 30);
    // An HTML form gets the error page with the same status and header.
    const form = await new Browser(t.server).postForm('/auth/link', { email: freshEmail() });
    expect(form.status).toBe(503);
    expected5xx += 1;
    expect(headerValues(form, 'retry-after')).toEqual(['30']);
    expect(headerValues(form, 'content-type').join()).toMatch(/text\/html/);
    // Failing fast: no deadline to wait out.
    expect(performance.now() - started).toBeLessThan(500);

    // Retry-After counts down with the breaker's clock.
    now += 12_000;
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: freshEmail() }), 18);

    // Logout still signs out here, without calling LoginRadius.
    const out = await signedIn.post('/auth/logout');
    expect(out.status).toBe(200);
    expect((await signedIn.get('/me')).status).toBe(401);

    expect(t.emulator.calls.total).toBe(0);
    // The flows in progress were not touched.
    expect(t.store.sessions[linkHolder.sessionId!]).toBe(stored[linkHolder.sessionId!]);
    expect(t.store.sessions[codeHolder.sessionId!]).toBe(stored[codeHolder.sessionId!]);
  }));

test('half-open: one probe goes through while others are refused; its success closes the breaker', () =>
  tally(figures, async () => {
    await openBreaker();
    now += COOLDOWN_MS;
    expect(t.client.breakerState).toBe('half-open');
    t.emulator.resetCalls();

    // The probe is slow, so a second request arrives while it is in flight.
    t.emulator.inject({ endpoint: 'sendEmailLink', type: 'latency', ms: 300, times: 1 });
    const waiting = freshEmail();
    const probe = new Browser(t.server).post('/auth/link', { email: freshEmail() });
    await untilUpstreamCalls(1);
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: waiting }), 1);
    expect((await probe).status).toBe(200);
    expect(t.client.breakerState).toBe('closed');

    // Closed again: calls go through, and the refused request did not use up the
    // person's resend cooldown (the router refunds it when LoginRadius was not asked).
    const again = await new Browser(t.server).post('/auth/link', { email: waiting });
    expect(again.status).toBe(200);
    expect(t.emulator.calls.sendEmailLink).toBe(2);
  }));

test('a failed probe opens the breaker for another full cool-down', () =>
  tally(figures, async () => {
    await openBreaker();
    now += COOLDOWN_MS;
    t.emulator.resetCalls();
    t.emulator.inject({ endpoint: 'sendEmailLink', type: 'hang', times: 1 });
    const probe = await new Browser(t.server).post('/auth/link', { email: freshEmail() });
    expect(probe.status).toBe(504);
    expected5xx += 1;
    expect(t.client.breakerState).toBe('open');
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: freshEmail() }), 30);
    expect(t.emulator.calls.total).toBe(1);
  }));

test('failed verifies open it too, and a link refused while open still works afterwards', () =>
  tally(figures, async () => {
    const browsers = Array.from({ length: THRESHOLD + 1 }, () => new Browser(t.server));
    const tokens: string[] = [];
    for (const browser of browsers) {
      const email = freshEmail();
      await browser.post('/auth/link', { email });
      tokens.push(latestToken(t.emulator, email));
    }
    t.emulator.resetCalls();
    t.emulator.inject({ endpoint: 'verifyEmailToken', type: 'reset', times: THRESHOLD });
    for (let i = 0; i < THRESHOLD; i += 1) {
      expect((await browsers[i]!.post('/auth/callback', { vtoken: tokens[i] })).status).toBe(503);
      expected5xx += 1;
    }
    expect(t.client.breakerState).toBe('open');
    const last = browsers[THRESHOLD]!;
    expectUnavailable(await last.post('/auth/callback', { vtoken: tokens[THRESHOLD] }), 30);
    expect(t.emulator.calls.verifyEmailToken).toBe(THRESHOLD);

    now += COOLDOWN_MS;
    const signedIn = await last.post('/auth/callback', { vtoken: tokens[THRESHOLD] });
    expect(signedIn.status).toBe(200);
    figures.signIns += 1;
    expect(t.client.breakerState).toBe('closed');
  }));

test('LoginRadius refusing a link (an ErrorCode) is an answer, not a failure: the breaker stays closed', () =>
  tally(figures, async () => {
    for (let i = 0; i < THRESHOLD * 2; i += 1) {
      const answer = await new Browser(t.server).post('/auth/callback', {
        vtoken: `not-a-real-token-${i}`,
      });
      expect(answer.status).toBe(401);
    }
    expect(t.client.breakerState).toBe('closed');
    expect(t.emulator.calls.verifyEmailToken).toBe(THRESHOLD * 2);
  }));
