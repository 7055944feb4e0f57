/**
 * The session store fails (a Redis or SQL server down; here a MemoryStore
 * whose operations can be switched to fail, mounted through `guardSessionStore`
 * as docs/scaling.md says, and one that reports 'disconnect', which express-session
 * answers by running without sessions). Every route answers 503 in the documented
 * `{ error: { code, message } }` shape, never a 500 or a stack trace; nothing
 * that needs the session reaches LoginRadius while the session cannot be read;
 * the process keeps running; and service is normal once the store is back.
 * (Redis really stopped mid-run is the scale-out suite's test.)
 */
import { guardSessionStore } from '../../src/index';
import { latestOtp, latestToken } from '../support/test-app';
import { FreshIdentities } from './support/fresh-identities';
import { FailingStore } from './support/failing-store';
import { emptyFigures, reportFigures, tally } from './support/figures';
import { Browser, jsonOf, type Answer } from './support/http';
import { watchProcess, type ProcessWatch } from './support/process-watch';
import {
  HIGH_LIMITS,
  startReliabilityApp,
  testPhoneCodes,
  testPhoneNumbers,
  type ReliabilityApp,
} from './support/reliability-app';

const PHONES = testPhoneNumbers(40);

let t: ReliabilityApp;
let store: FailingStore;
let watch: ProcessWatch;
const fresh = new FreshIdentities('store', PHONES, () => t.emulator);
const freshEmail = (): string => fresh.email();
const freshPhone = (): string => fresh.phone();
let expected503 = 0;
const figures = emptyFigures();
const startedAt = performance.now();

beforeAll(async () => {
  watch = watchProcess();
  store = guardSessionStore(new FailingStore());
  t = await startReliabilityApp({
    store,
    emulator: { testPhones: testPhoneCodes(PHONES) },
    ...HIGH_LIMITS,
  });
});
afterEach(() => {
  store.recover();
  store.emit('connect');
  expect(watch.problems).toEqual([]);
  expect(t.server.stats.unanswered).toBe(0);
});
afterAll(async () => {
  watch.stop();
  figures.requests = t.server.stats.requests;
  figures.faultAnswers5xx = expected503;
  figures.unexpected5xx = t.server.stats.status5xx - expected503;
  figures.crashes = watch.problems.length + t.server.stats.unanswered;
  await t.close();
  reportFigures(__filename, figures, (performance.now() - startedAt) / 1000);
});

async function signedIn(): Promise<{ browser: Browser; uid: string }> {
  const browser = new Browser(t.server);
  const email = freshEmail();
  await browser.post('/auth/link', { email });
  const answer = await browser.post('/auth/callback', { vtoken: latestToken(t.emulator, email) });
  expect(answer.status).toBe(200);
  figures.signIns += 1;
  return { browser, uid: (jsonOf(answer) as { user: { uid: string } }).user.uid };
}

async function holdingLink(): Promise<{ browser: Browser; vtoken: string }> {
  const browser = new Browser(t.server);
  const email = freshEmail();
  await browser.post('/auth/link', { email });
  return { browser, vtoken: latestToken(t.emulator, email) };
}

async function holdingCode(): Promise<{ browser: Browser; otp: string }> {
  const browser = new Browser(t.server);
  const phone = freshPhone();
  await browser.post('/auth/otp', { phone });
  return { browser, otp: latestOtp(t.emulator, phone) };
}

/** 503 in the documented shape, with nothing of the store's error in it. */
function expectUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503);
  expected503 += 1;
  expect(jsonOf(answer)).toEqual({
    error: { code: 'UNAVAILABLE', message: expect.any(String) },
  });
  expect(answer.text).not.toMatch(/session store|ECONNREFUSED|<pre>|\bat .+:\d+:\d+/);
}

test('the store cannot read sessions: 503 everywhere a session is needed, LoginRadius untouched, then normal service', () =>
  tally(figures, async () => {
    const user = await signedIn();
    const link = await holdingLink();
    const code = await holdingCode();
    t.emulator.resetCalls();

    store.fail('get');
    expectUnavailable(await user.browser.get('/me'));
    expectUnavailable(await user.browser.post('/auth/logout'));
    expectUnavailable(await link.browser.post('/auth/callback', { vtoken: link.vtoken }));
    expectUnavailable(await code.browser.post('/auth/otp/verify', { otp: code.otp }));
    expectUnavailable(await user.browser.post('/auth/link', { email: freshEmail() }));
    // The link and the code were never sent to LoginRadius, so they are still good.
    expect(t.emulator.calls.total).toBe(0);

    store.recover();
    const me = await user.browser.get('/me');
    expect({ status: me.status, uid: (jsonOf(me) as { uid?: string }).uid }).toEqual({
      status: 200,
      uid: user.uid,
    });
    expect((await link.browser.post('/auth/callback', { vtoken: link.vtoken })).status).toBe(200);
    expect((await code.browser.post('/auth/otp/verify', { otp: code.otp })).status).toBe(200);
    figures.signIns += 2;
  }));

test('the store reports it is disconnected: 503 on every route, then normal service on reconnect', () =>
  tally(figures, async () => {
    const user = await signedIn();
    const link = await holdingLink();
    t.emulator.resetCalls();

    // express-session then lets requests through with no req.session at all.
    store.emit('disconnect');
    expectUnavailable(await user.browser.get('/me'));
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: freshEmail() }));
    expectUnavailable(await new Browser(t.server).post('/auth/otp', { phone: freshPhone() }));
    expectUnavailable(await link.browser.post('/auth/callback', { vtoken: link.vtoken }));
    expectUnavailable(await user.browser.post('/auth/logout'));
    expect(t.emulator.calls.total).toBe(0);

    store.emit('connect');
    expect((await user.browser.get('/me')).status).toBe(200);
    expect((await link.browser.post('/auth/callback', { vtoken: link.vtoken })).status).toBe(200);
    figures.signIns += 1;
  }));

test('the store cannot save at login: 503, nobody is signed in, and a new link works once it is back', () =>
  tally(figures, async () => {
    const link = await holdingLink();
    store.fail('set', 'destroy');
    expectUnavailable(await link.browser.post('/auth/callback', { vtoken: link.vtoken }));
    expect((await link.browser.get('/me')).status).toBe(401);

    store.recover();
    // LoginRadius spent that link; a new one signs in.
    const again = await holdingLink();
    expect((await again.browser.post('/auth/callback', { vtoken: again.vtoken })).status).toBe(200);
    figures.signIns += 1;
  }));

test('the store cannot save a pending sign-in: the send answers 503, not a "sent" that can never be checked', () =>
  tally(figures, async () => {
    store.fail('set');
    expectUnavailable(await new Browser(t.server).post('/auth/otp', { phone: freshPhone() }));
    expectUnavailable(await new Browser(t.server).post('/auth/link', { email: freshEmail() }));

    store.recover();
    const code = await holdingCode();
    expect((await code.browser.post('/auth/otp/verify', { otp: code.otp })).status).toBe(200);
    figures.signIns += 1;
  }));

test('the store fails at logout: 503 (still signed in), never a 500; logout works once it is back', () =>
  tally(figures, async () => {
    const user = await signedIn();
    store.fail('set', 'destroy');
    expectUnavailable(await user.browser.post('/auth/logout'));

    store.recover();
    const out = await user.browser.post('/auth/logout');
    expect(out.status).toBe(200);
    expect((await user.browser.get('/me')).status).toBe(401);
  }));
