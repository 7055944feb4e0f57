/**
 * LoginRadius is slow or broken (security.md items 22, 23 and 25, and 24 in
 * upstream-breaker.test.ts). For every route that calls LoginRadius and every
 * fault the emulator can inject, two browsers act at once, one signed out and
 * one signed in, and each:
 *
 * - gets the right status (504 slow, 503 down or garbled, 429 + Retry-After when
 *   LoginRadius rate-limits, 401 for a two-factor challenge) with the short
 *   message every fault of that kind shares, within the client deadline + 1 s;
 * - keeps its session exactly as it was (same cookie, same stored session, no
 *   new session; signed out stays signed out, signed in stays the same user);
 * - costs exactly one LoginRadius call (no retry);
 *
 * and afterwards the process has no unhandled rejection and serves a healthy
 * request. Logout is the exception by design: it signs out locally whatever
 * LoginRadius does.
 */
import type { EmulatorEndpoint, EmulatorFault } from '../../src/emulator/index';
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

/** The client deadline for this suite: short, so slow faults cost about a second each. */
const DEADLINE_MS = 1000;
const PHONES = testPhoneNumbers(200);
const CODES = testPhoneCodes(PHONES);

interface FaultCase {
  name: string;
  fault: Omit<EmulatorFault, 'endpoint' | 'times'>;
  status: number;
  code: string;
  retryAfter?: string;
  /** Only verifies can be answered with a two-factor challenge. */
  verifiesOnly?: boolean;
  /**
   * Sends answer it "sent", like any refusal of LoginRadius's: a 429 only for
   * known accounts would tell them apart (security.md item 40).
   */
  sendsLookSent?: boolean;
}

const FAULTS: FaultCase[] = [
  {
    name: 'latency past the deadline',
    fault: { type: 'latency', ms: DEADLINE_MS + 700 },
    status: 504,
    code: 'TIMEOUT',
  },
  { name: 'a hang', fault: { type: 'hang' }, status: 504, code: 'TIMEOUT' },
  { name: 'HTTP 500', fault: { type: 'status', status: 500 }, status: 503, code: 'UNAVAILABLE' },
  { name: 'HTTP 502', fault: { type: 'status', status: 502 }, status: 503, code: 'UNAVAILABLE' },
  { name: 'HTTP 503', fault: { type: 'status', status: 503 }, status: 503, code: 'UNAVAILABLE' },
  {
    name: '429 with Retry-After',
    fault: { type: 'rate_limit', retryAfter: 7 },
    status: 429,
    code: 'RATE_LIMITED',
    retryAfter: '7',
    sendsLookSent: true,
  },
  { name: 'malformed JSON', fault: { type: 'malformed_json' }, status: 503, code: 'UNAVAILABLE' },
  {
    name: 'a connection reset mid-body',
    fault: { type: 'reset' },
    status: 503,
    code: 'UNAVAILABLE',
  },
  {
    name: 'a 200 without access_token (two-factor challenge)',
    fault: { type: 'second_factor' },
    status: 401,
    code: 'VERIFY_FAILED',
    verifiesOnly: true,
  },
];

type Actor = 'signed-out' | 'signed-in';

interface RouteCase {
  route: string;
  endpoint: EmulatorEndpoint;
  actors: Actor[];
  /** Brings a browser to the point where it takes the action; returns the action. */
  prepare(browser: Browser): Promise<() => Promise<Answer>>;
}

let t: ReliabilityApp;
let watch: ProcessWatch;
const fresh = new FreshIdentities('faults', PHONES, () => t.emulator);
const freshEmail = (): string => fresh.email();
const freshPhone = (): string => fresh.phone();
const figures = emptyFigures();
const startedAt = performance.now();
/** The message each public code was answered with, across every route and fault. */
const messagesByCode = new Map<string, Set<string>>();

beforeAll(async () => {
  watch = watchProcess();
  t = await startReliabilityApp({
    emulator: { testPhones: CODES },
    client: { timeout: DEADLINE_MS, breaker: false },
    ...HIGH_LIMITS,
  });
});
afterEach(() => expect(watch.problems).toEqual([]));
afterAll(async () => {
  watch.stop();
  figures.requests = t.server.stats.requests;
  figures.crashes = watch.problems.length + t.server.stats.unanswered;
  await t.close();
  reportFigures(__filename, figures, (performance.now() - startedAt) / 1000);
});

async function signIn(browser: Browser): Promise<string> {
  const email = freshEmail();
  expect((await browser.post('/auth/link', { email })).status).toBe(200);
  const answer = await browser.post('/auth/callback', { vtoken: latestToken(t.emulator, email) });
  expect(answer.status).toBe(200);
  figures.signIns += 1;
  return (jsonOf(answer) as { user: { uid: string } }).user.uid;
}

const ROUTES: RouteCase[] = [
  {
    route: 'POST /auth/link',
    endpoint: 'sendEmailLink',
    actors: ['signed-out', 'signed-in'],
    async prepare(browser) {
      const email = freshEmail();
      return () => browser.post('/auth/link', { email });
    },
  },
  {
    route: 'POST /auth/otp',
    endpoint: 'sendPhoneOtp',
    actors: ['signed-out', 'signed-in'],
    async prepare(browser) {
      const phone = freshPhone();
      return () => browser.post('/auth/otp', { phone });
    },
  },
  {
    route: 'POST /auth/callback',
    endpoint: 'verifyEmailToken',
    actors: ['signed-out', 'signed-in'],
    async prepare(browser) {
      const email = freshEmail();
      expect((await browser.post('/auth/link', { email })).status).toBe(200);
      const vtoken = latestToken(t.emulator, email);
      return () => browser.post('/auth/callback', { vtoken });
    },
  },
  {
    route: 'POST /auth/otp/verify',
    endpoint: 'verifyPhoneOtp',
    actors: ['signed-out', 'signed-in'],
    async prepare(browser) {
      const phone = freshPhone();
      expect((await browser.post('/auth/otp', { phone })).status).toBe(200);
      const otp = latestOtp(t.emulator, phone);
      return () => browser.post('/auth/otp/verify', { otp });
    },
  },
  {
    route: 'POST /auth/logout',
    endpoint: 'invalidateAccessToken',
    // Signed out, logout calls nobody; both browsers are signed in.
    actors: ['signed-in', 'signed-in'],
    async prepare(browser) {
      return () => browser.post('/auth/logout');
    },
  },
];

const CASES = ROUTES.flatMap((route) =>
  FAULTS.filter((fault) => !fault.verifiesOnly || route.endpoint.startsWith('verify')).map(
    (fault) => [route.route, fault.name, route, fault] as const,
  ),
);

interface Before {
  browser: Browser;
  actor: Actor;
  uid: string | undefined;
  sessionId: string | undefined;
  stored: string | undefined;
}

function storedSession(sessionId: string): unknown {
  const stored = t.store.sessions[sessionId];
  return stored === undefined ? undefined : JSON.parse(stored);
}

/**
 * The session after a failed action is the one before, with one exception: a
 * two-factor challenge to a code verify counts as one of the pending flow's
 * attempts (LoginRadius accepted the code, so it is not refunded like an outage).
 */
function expectedSession(stored: string | undefined, route: RouteCase, fault: FaultCase): unknown {
  if (stored === undefined) return undefined;
  const session = JSON.parse(stored) as { loginradiusPasswordless?: { attempts: number } };
  if (fault.fault.type === 'second_factor' && route.endpoint === 'verifyPhoneOtp') {
    session.loginradiusPasswordless!.attempts += 1;
  }
  return session;
}

test.each(CASES)('%s with %s', (_route, _fault, route, fault) =>
  tally(figures, () => actDuringFault(route, fault)),
);

async function actDuringFault(route: RouteCase, fault: FaultCase): Promise<void> {
  // Two browsers, set up while LoginRadius is healthy.
  const before: Before[] = [];
  const actions: (() => Promise<Answer>)[] = [];
  for (const actor of route.actors) {
    const browser = new Browser(t.server);
    const uid = actor === 'signed-in' ? await signIn(browser) : undefined;
    actions.push(await route.prepare(browser));
    const sessionId = browser.sessionId;
    before.push({
      browser,
      actor,
      uid,
      sessionId,
      stored: sessionId ? t.store.sessions[sessionId] : undefined,
    });
  }
  const sessionsBefore = sessionCount();

  t.emulator.resetCalls();
  t.emulator.inject({ ...fault.fault, endpoint: route.endpoint, times: route.actors.length });
  const answers = await Promise.all(actions.map((act) => act()));
  t.emulator.clearFaults();

  // Exactly one upstream call per user action, and nothing else.
  const calls = t.emulator.calls;
  expect(calls[route.endpoint]).toBe(route.actors.length);
  expect(calls.total).toBe(route.actors.length);

  if (fault.sendsLookSent && route.endpoint.startsWith('send')) {
    for (const answer of answers) {
      expect({ status: answer.status, body: jsonOf(answer) }).toEqual({
        status: 200,
        body: { sent: true },
      });
    }
    const reported = t.events.filter(
      (event) => event.type === 'upstream_error' && event.reason === 'lr_rate_limited',
    );
    expect(reported.length).toBeGreaterThanOrEqual(route.actors.length);
    return;
  }
  for (const [i, answer] of answers.entries()) {
    const { browser, actor, uid, sessionId, stored } = before[i]!;
    expect(answer.ms).toBeLessThan(DEADLINE_MS + 1000);
    if (answer.status >= 500) {
      if (answer.status === fault.status && route.endpoint !== 'invalidateAccessToken') {
        figures.faultAnswers5xx += 1;
      } else {
        figures.unexpected5xx += 1;
      }
    }

    if (route.endpoint === 'invalidateAccessToken') {
      // Logout signs out here whatever LoginRadius did.
      expect(answer.status).toBe(200);
      expect(jsonOf(answer)).toEqual({ signedOut: true });
      expect(browser.cookie).toBeUndefined();
      expect(t.store.sessions[sessionId!]).toBeUndefined();
      continue;
    }

    expect({ status: answer.status, body: jsonOf(answer) }).toEqual({
      status: fault.status,
      body: {
        error: {
          code: fault.code,
          message: expect.any(String),
          ...(fault.retryAfter ? { retryAfter: Number(fault.retryAfter) } : {}),
          // A failed verify offers to send a new link or code to this browser's sign-in.
          ...(fault.code === 'VERIFY_FAILED' ? { canResend: true } : {}),
        },
      },
    });
    if (fault.retryAfter) expect(headerValues(answer, 'retry-after')).toEqual([fault.retryAfter]);
    const { message } = (jsonOf(answer) as { error: { message: string } }).error;
    expect(message.length).toBeLessThan(120);
    expect(answer.text).not.toMatch(/LoginRadius|HTTP \d|ErrorCode|<html|has occurred|Uid|stack/i);
    const seen = messagesByCode.get(fault.code) ?? new Set<string>();
    messagesByCode.set(fault.code, seen.add(message));

    // The session is exactly as it was: no new cookie, the same stored session.
    expect(browser.lastSetCookie.filter((line) => line.startsWith('connect.sid='))).toEqual([]);
    expect(browser.sessionId).toBe(sessionId);
    if (sessionId) expect(storedSession(sessionId)).toEqual(expectedSession(stored, route, fault));
    const me = await browser.get('/me');
    if (actor === 'signed-in') {
      expect(me.status).toBe(200);
      expect((jsonOf(me) as { uid: string }).uid).toBe(uid);
    } else {
      expect(me.status).toBe(401);
    }
  }
  if (route.endpoint === 'invalidateAccessToken') {
    expect(sessionCount()).toBe(sessionsBefore - route.actors.length);
  } else {
    expect(sessionCount()).toBe(sessionsBefore);
  }

  // The process keeps serving: a healthy request right after works, with one call.
  t.emulator.resetCalls();
  const healthy = await new Browser(t.server).post('/auth/link', { email: freshEmail() });
  expect(healthy.status).toBe(200);
  expect(t.emulator.calls.total).toBe(1);
}

test('every fault of one kind gets the same short message, whatever the route', () =>
  tally(figures, () => {
    expect(messagesByCode.size).toBeGreaterThanOrEqual(4);
    for (const [, messages] of messagesByCode) expect(messages.size).toBe(1);
  }));

/** Browsers' sessions in the store (not the markers a logout leaves beside them). */
function sessionCount(): number {
  return Object.keys(t.store.sessions).filter((id) => !id.startsWith('passwordless-signed-out:'))
    .length;
}
