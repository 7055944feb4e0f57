/**
 * Property-based hostile input over every route (security.md items 7, 20 and
 * 25 under pressure), with fast-check: generated bodies, query strings and
 * headers (lying Content-Type and Content-Encoding, huge and deeply nested
 * JSON, arrays and objects where strings belong, `__proto__`/`constructor`
 * keys, invalid UTF-8, unicode emails, odd phone formats, repeated parameters
 * and headers, forged X-Forwarded-For, garbage cookies). Over 10,000 requests
 * per run, to a real server on 127.0.0.1. For every one:
 *
 * - never a 5xx, never a dropped connection, no unhandled rejection;
 * - input that is invalid by construction never reaches LoginRadius, and a send
 *   or verify with it is refused (4xx); anything else costs at most one call;
 * - no secret in the answer (API key, any link token or code in the outbox, any
 *   access token), except the confirm page showing the link's own token;
 * - no stack trace; every 4xx is `{ error: { code, message } }` for a JSON
 *   client, and JSON in that shape or an HTML page for others; redirects stay
 *   on this site.
 *
 * The fuzz app's rate limits are raised (or 429s would hide everything else);
 * a smaller run on default limits checks that the 429s are well-formed.
 * A failure prints fast-check's seed and the shrunk request.
 */
import fc from 'fast-check';
import { emptyFigures, reportFigures, tally } from './support/figures';
import { headerValues, jsonOf, type Answer } from './support/http';
import {
  invalidRequest,
  plausibleRequest,
  type HostileRequest,
  type Target,
} from './support/hostile-requests';
import { watchProcess, type ProcessWatch } from './support/process-watch';
import {
  HIGH_LIMITS,
  startReliabilityApp,
  testPhoneCodes,
  testPhoneNumbers,
  type ReliabilityApp,
} from './support/reliability-app';

const INVALID_RUNS = 7_000;
const PLAUSIBLE_RUNS = 2_800;
const DEFAULT_LIMIT_RUNS = 400;
const MIN_REQUESTS = 10_000;
/**
 * An idle 2-core machine does the whole file in ~20 s; a busy CI runner can take
 * three times that. fast-check stops a property before jest's per-test timeout,
 * so an overrun fails cleanly (too few requests) instead of leaving a property
 * running in the background while the next test starts.
 */
const PROPERTY_TIME_LIMIT_MS = 100_000;
const TEST_TIMEOUT_MS = 120_000;

const PUBLIC_CODES = new Set([
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'CROSS_SITE_REQUEST',
  'VERIFY_FAILED',
  'UNAVAILABLE',
  'TIMEOUT',
  'SERVER_ERROR',
]);
const SENDS_AND_VERIFIES = new Set([
  'POST /auth/link',
  'POST /auth/otp',
  'POST /auth/callback',
  'POST /auth/otp/verify',
]);
const STACK_TRACE = /<pre>|\bat [\w.<>]+ \(|\bat .+:\d+:\d+|node_modules/;
const PHONES = testPhoneNumbers(5);

let watch: ProcessWatch;
const figures = emptyFigures();
const startedAt = performance.now();
const kinds = new Map<string, number>();

beforeAll(() => {
  watch = watchProcess();
});
afterAll(() => {
  watch.stop();
  figures.crashes += watch.problems.length;
  process.stdout.write(
    `hostile input: ${figures.requests} requests in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; ` +
      `by kind: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}\n`,
  );
  reportFigures(__filename, figures, (performance.now() - startedAt) / 1000);
});

/** An app on a real port, with the secrets it has handed out so far. */
class Fuzzed {
  private readonly known = new Set<string>();
  private list: string[] = [];
  private eventsSeen = 0;
  private outboxSeen = 0;

  constructor(readonly t: ReliabilityApp) {}

  static async start(limits: 'high' | 'default'): Promise<Fuzzed> {
    const t = await startReliabilityApp({
      emulator: { testPhones: testPhoneCodes(PHONES) },
      client: { timeout: 2000, breaker: false },
      // SMS only to +1, so real numbers elsewhere are invalid input.
      requestRouter: {
        allowedCallingCodes: ['1'],
        ...(limits === 'high' ? HIGH_LIMITS.requestRouter : {}),
      },
      verifyRouter: limits === 'high' ? HIGH_LIMITS.verifyRouter : {},
    });
    const fuzzed = new Fuzzed(t);
    // Real links and codes in the outbox, so there are secrets that must not leak.
    for (const account of t.emulator.accounts.slice(0, 2)) {
      await t.server.send(jsonPost('/auth/link', { email: account.email }));
      await t.server.send(jsonPost('/auth/otp', { phone: account.phone }));
    }
    return fuzzed;
  }

  get target(): Target {
    const accounts = this.t.emulator.accounts.filter((account) => !account.blocked);
    return {
      origin: this.t.server.origin,
      emails: accounts.map((account) => account.email),
      usernames: accounts.flatMap((account) => (account.username ? [account.username] : [])),
      phones: [...accounts.flatMap((account) => (account.phone ? [account.phone] : [])), ...PHONES],
      secrets: () => this.secrets(),
    };
  }

  /**
   * The API key, every token and code sent so far, and every access token issued
   * (read from the session store after each login). Kept incrementally: this runs
   * after every one of the 10,000 requests.
   */
  secrets(): string[] {
    const { emulator, events, store } = this.t;
    let changed = this.list.length === 0;
    if (changed) this.add(emulator.apiKey);
    for (; this.outboxSeen < emulator.outbox.length; this.outboxSeen += 1) {
      const message = emulator.outbox[this.outboxSeen]!;
      changed = this.add(message.token) || this.add(message.otp) || changed;
    }
    for (; this.eventsSeen < events.length; this.eventsSeen += 1) {
      if (events[this.eventsSeen]!.type !== 'login') continue;
      for (const stored of Object.values(store.sessions)) {
        changed = this.add(/"accessToken":"([^"]+)"/.exec(stored)?.[1]) || changed;
      }
    }
    if (changed) this.list = [...this.known];
    return this.list;
  }

  private add(secret: string | undefined): boolean {
    if (!secret || this.known.has(secret)) return false;
    this.known.add(secret);
    return true;
  }

  async close(): Promise<void> {
    figures.signIns += this.t.events.filter((event) => event.type === 'login').length;
    figures.requests += this.t.server.stats.requests;
    figures.crashes += this.t.server.stats.unanswered;
    await this.t.close();
  }
}

function jsonPost(path: string, body: unknown) {
  return {
    method: 'POST',
    path,
    headers: [['content-type', 'application/json']] as [string, string][],
    body: JSON.stringify(body),
  };
}

/**
 * Sends one generated request and checks every property that holds for all
 * answers. The checks collect what is wrong and end in one `expect`, so a failure
 * names every broken property at once (and 10,000 runs stay fast).
 */
async function sendAndCheck(
  app: Fuzzed,
  request: HostileRequest,
  invalid: boolean,
): Promise<Answer> {
  kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
  const callsBefore = app.t.emulator.calls.total;
  const answer = await app.t.server.send(request);
  const calls = app.t.emulator.calls.total - callsBefore;
  const wrong: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) wrong.push(problem);
  };

  if (answer.status >= 500) figures.unexpected5xx += 1;
  check(answer.status < 500, `answered ${answer.status}`);
  if (invalid) {
    figures.upstreamCallsForInvalidInput += calls;
    check(calls === 0, `invalid input cost ${calls} LoginRadius call(s)`);
    if (SENDS_AND_VERIFIES.has(request.route)) {
      check(answer.status >= 400, `invalid input was answered ${answer.status}`);
    }
  } else {
    check(calls <= 1, `one request cost ${calls} LoginRadius calls`);
  }

  // A confirm page echoes its own link token; what the page holds besides that echo
  // must hold no secret. The echo is cut out first, as a random hex token can hold a
  // six-digit run that is also a code sent earlier.
  const echoAllowed = request.route === 'GET /auth/callback' ? request.carries : [];
  let visible = `${answer.text}\n${JSON.stringify(answer.headers)}`;
  for (const echo of echoAllowed) if (echo) visible = visible.split(echo).join('\n');
  check(
    app.secrets().every((secret) => !visible.includes(secret)),
    'a secret is in the answer',
  );
  check(!STACK_TRACE.test(answer.text), 'a stack trace is in the answer');
  if (answer.status >= 300 && answer.status < 400) {
    const location = headerValues(answer, 'location')[0] ?? '';
    check(/^\/(?![/\\])/.test(location), `redirected off-site to ${location}`);
  }
  if (answer.status >= 400) wrong.push(...errorShapeProblems(request, answer));

  expect({ status: answer.status, wrong, answer: answer.text.slice(0, 300) }).toEqual({
    status: answer.status,
    wrong: [],
    answer: answer.text.slice(0, 300),
  });
  return answer;
}

/** A JSON client gets `{ error: { code, message } }`; others get that or an HTML page. */
function errorShapeProblems(request: HostileRequest, answer: Answer): string[] {
  const body = jsonOf(answer) as { error?: Record<string, unknown> } | undefined;
  const accept = request.headers.filter(([name]) => name === 'accept').map(([, value]) => value);
  if (body === undefined) {
    const html = /^text\/html/.test(headerValues(answer, 'content-type').join());
    if (accept.length === 1 && accept[0] === 'application/json') {
      return ['a JSON client got an error that is not JSON'];
    }
    return html ? [] : ['an error that is neither JSON nor an HTML page'];
  }
  const { code, message, retryAfter, ...rest } = body.error ?? {};
  const problems: string[] = [];
  if (Object.keys(body).join() !== 'error' || Object.keys(rest).length > 0) {
    problems.push('the error body has other keys than error.code/message/retryAfter');
  }
  if (!PUBLIC_CODES.has(String(code))) problems.push(`an undocumented error code ${String(code)}`);
  if (!(typeof message === 'string' && message.length > 0 && message.length < 120)) {
    problems.push('the error message is not a short string');
  }
  if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && Number(retryAfter) > 0)) {
    problems.push('error.retryAfter is not a positive whole number');
  }
  return problems;
}

describe('with rate limits raised', () => {
  let app: Fuzzed;
  beforeAll(async () => {
    app = await Fuzzed.start('high');
  });
  afterAll(async () => app.close());

  test(
    `${INVALID_RUNS} requests invalid by construction: 4xx, no LoginRadius call, no secret, documented errors`,
    () =>
      tally(figures, () =>
        fc.assert(
          fc.asyncProperty(invalidRequest(app.target), async (request) => {
            await sendAndCheck(app, request, true);
          }),
          { numRuns: INVALID_RUNS, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
        ),
      ),
    TEST_TIMEOUT_MS,
  );

  test(
    `${PLAUSIBLE_RUNS} odd but possibly valid requests: never a 5xx, at most one LoginRadius call, no secret`,
    () =>
      tally(figures, () =>
        fc.assert(
          fc.asyncProperty(plausibleRequest(app.target), async (request) => {
            await sendAndCheck(app, request, false);
          }),
          { numRuns: PLAUSIBLE_RUNS, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
        ),
      ),
    TEST_TIMEOUT_MS,
  );

  test('the process is still serving afterwards, with no crash', () =>
    tally(figures, async () => {
      const account = app.t.emulator.accounts[3]!;
      const answer = await app.t.server.send(jsonPost('/auth/link', { email: account.email }));
      expect(answer.status).toBe(200);
      expect(app.t.server.stats.unanswered).toBe(0);
      expect(watch.problems).toEqual([]);
    }));
});

describe('with the default rate limits', () => {
  let app: Fuzzed;
  let limited = 0;
  beforeAll(async () => {
    app = await Fuzzed.start('default');
  });
  afterAll(async () => app.close());

  test(
    `${DEFAULT_LIMIT_RUNS} requests: every 429 carries Retry-After and the documented error`,
    () =>
      tally(figures, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(plausibleRequest(app.target), invalidRequest(app.target)),
            async (request) => {
              const answer = await sendAndCheck(app, request, false);
              if (answer.status !== 429) return;
              limited += 1;
              const retryAfter = headerValues(answer, 'retry-after');
              expect(retryAfter).toHaveLength(1);
              expect(Number(retryAfter[0])).toBeGreaterThan(0);
              const body = jsonOf(answer) as { error?: { code?: string; retryAfter?: number } };
              if (body !== undefined) {
                expect(body.error?.code).toBe('RATE_LIMITED');
                expect(body.error?.retryAfter).toBe(Number(retryAfter[0]));
              }
            },
          ),
          { numRuns: DEFAULT_LIMIT_RUNS, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS },
        );
        // The run must actually have hit the limits for this to mean anything.
        expect(limited).toBeGreaterThan(20);
      }),
    TEST_TIMEOUT_MS,
  );
});

test(`at least ${MIN_REQUESTS} requests were tried`, () =>
  tally(figures, () => {
    expect(figures.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }));
