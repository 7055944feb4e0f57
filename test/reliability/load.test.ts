/**
 * Many people sign in at once, over loopback only: 520 distinct users, half by
 * email link and half by SMS code (the emulator's test phone numbers), at most
 * 100 in flight. Each asks for a link or a code, spends it, then reads the
 * protected `GET /me`; when all are done, everyone reads `/me` again. Nothing
 * may be lost: 0 failed sign-ins, 0 lost sessions, and nobody ever sees another
 * person's profile (in the login answer or on `/me`).
 */
import { latestOtp, latestToken } from '../support/test-app';
import { emptyFigures, reportFigures, tally } from './support/figures';
import { Browser, jsonOf } from './support/http';
import { watchProcess, type ProcessWatch } from './support/process-watch';
import {
  HIGH_LIMITS,
  startReliabilityApp,
  testPhoneCodes,
  testPhoneNumbers,
  type ReliabilityApp,
} from './support/reliability-app';

const LINK_USERS = 260;
const CODE_USERS = 260;
const IN_FLIGHT = 100;
/** The whole run must finish well within this, on a 2-core CI machine. */
const TIME_LIMIT_MS = 60_000;

const PHONES = testPhoneNumbers(CODE_USERS);

interface User {
  channel: 'email' | 'sms';
  /** The email address or phone number the user signs in with. */
  address: string;
  uid: string;
  email: string;
  browser?: Browser;
}

let t: ReliabilityApp;
let watch: ProcessWatch;
const figures = emptyFigures();
const startedAt = performance.now();

beforeAll(async () => {
  watch = watchProcess();
  t = await startReliabilityApp({
    emulator: { testPhones: testPhoneCodes(PHONES) },
    client: { timeout: 5000 },
    ...HIGH_LIMITS,
    connections: IN_FLIGHT,
  });
});
afterAll(async () => {
  watch.stop();
  figures.requests = t.server.stats.requests;
  figures.unexpected5xx = t.server.stats.status5xx;
  figures.crashes = watch.problems.length + t.server.stats.unanswered;
  await t.close();
  reportFigures(__filename, figures, (performance.now() - startedAt) / 1000);
});

/** Link and code users, interleaved so both kinds are in flight together. */
function makeUsers(): User[] {
  const users: User[] = [];
  for (let i = 0; i < Math.max(LINK_USERS, CODE_USERS); i += 1) {
    if (i < LINK_USERS) {
      const account = t.emulator.addAccount({ email: `load-${i}@example.com` });
      users.push({
        channel: 'email',
        address: account.email,
        uid: account.uid,
        email: account.email,
      });
    }
    const phone = PHONES[i];
    if (i < CODE_USERS && phone) {
      const account = t.emulator.accounts.find((candidate) => candidate.phone === phone)!;
      users.push({ channel: 'sms', address: phone, uid: account.uid, email: account.email });
    }
  }
  return users;
}

/** Runs `work` on every item with at most `limit` running at once. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(runners);
}

/** What went wrong for one user, or `undefined`; cross-talk is counted apart. */
async function signInAndReadProfile(user: User): Promise<string | undefined> {
  const browser = new Browser(t.server);
  user.browser = browser;
  const send =
    user.channel === 'email'
      ? await browser.post('/auth/link', { email: user.address })
      : await browser.post('/auth/otp', { phone: user.address });
  if (send.status !== 200) return `send answered ${send.status}`;
  const pendingSession = browser.sessionId;

  const verify =
    user.channel === 'email'
      ? await browser.post('/auth/callback', { vtoken: latestToken(t.emulator, user.address) })
      : await browser.post('/auth/otp/verify', { otp: latestOtp(t.emulator, user.address) });
  if (verify.status !== 200) return `verify answered ${verify.status}`;
  const login = jsonOf(verify) as { user?: { uid?: string; profile?: { Uid?: string } } };
  if (login.user?.uid !== user.uid || login.user.profile?.Uid !== user.uid) {
    figures.crossTalk += 1;
    return 'the login answer showed another user';
  }
  if (!browser.sessionId || browser.sessionId === pendingSession) {
    return 'the session id was not renewed at login';
  }
  figures.signIns += 1;
  return readOwnProfile(user);
}

async function readOwnProfile(user: User): Promise<string | undefined> {
  const me = await user.browser!.get('/me');
  if (me.status !== 200) return `GET /me answered ${me.status} (session lost)`;
  const profile = jsonOf(me) as { uid?: string; email?: string };
  if (profile.uid !== user.uid || profile.email !== user.email) {
    figures.crossTalk += 1;
    return `GET /me showed ${profile.uid} instead of ${user.uid}`;
  }
  return undefined;
}

test(
  `${LINK_USERS + CODE_USERS} users sign in at once (links and codes mixed): none fails, none is lost, none sees another`,
  () =>
    tally(figures, async () => {
      const users = makeUsers();
      const problems: string[] = [];
      const note = (user: User, problem: string | undefined): void => {
        if (problem === undefined) return;
        figures.failures += 1;
        problems.push(`${user.channel} ${user.address}: ${problem}`);
      };

      const started = performance.now();
      await inPool(users, IN_FLIGHT, async (user) => note(user, await signInAndReadProfile(user)));
      const signInSeconds = (performance.now() - started) / 1000;
      // Everyone again, once all sessions exist: none was lost or swapped under load.
      await inPool(users, IN_FLIGHT, async (user) => note(user, await readOwnProfile(user)));
      const totalMs = performance.now() - started;

      process.stdout.write(
        `load: ${users.length} users signed in in ${signInSeconds.toFixed(1)} s ` +
          `(${(users.length / signInSeconds).toFixed(0)} sign-ins/s, ${IN_FLIGHT} in flight); ` +
          `with the second read ${(totalMs / 1000).toFixed(1)} s\n`,
      );
      expect(problems).toEqual([]);
      expect(figures.signIns).toBe(users.length);
      expect(figures.crossTalk).toBe(0);
      expect(new Set(users.map((user) => user.browser!.sessionId)).size).toBe(users.length);
      expect(t.emulator.calls.total).toBe(users.length * 2);
      expect(watch.problems).toEqual([]);
      expect(totalMs).toBeLessThan(TIME_LIMIT_MS);
    }),
  TIME_LIMIT_MS + 30_000,
);
