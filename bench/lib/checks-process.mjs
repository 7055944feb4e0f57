/**
 * What each check on the sign-in path costs, timed in-process, one check at a
 * time, on the package's own functions (bundled from the sources by
 * internals.mjs: dist/ does not export them). Each check runs in batches of
 * many iterations; the median batch is reported, in µs per sign-in (or per
 * request, or per operation). Where a hand-written app does the same job in
 * its own way (parse the phone, save the session, sign in), that is timed the
 * same way, in alternating batches, so the package's extra is the difference.
 *
 * Requests are stand-ins. A check that only reads the request gets a plain
 * object with what it reads. A check that adds properties to it gets a real
 * IncomingMessage whose prototype was swapped as Express swaps it (see
 * `request`), used once. Where express-session and passport take part, the
 * request and its ServerResponse (no socket) go through the real
 * express-session middleware and passport.session(), so that a session's
 * load, save, id regeneration and end-of-response write are the real ones.
 * Building and loading a stand-in is never timed.
 *
 * The child answers `run({ batches, batchMs, settle, user, match })`; `user`
 * is a signed-in user (toSessionUser of a real emulator login; expiresAt as
 * ISO text); `settle: false` skips the collections between batches (a quick
 * run); `match`, when given, picks the checks whose name holds it.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import session from 'express-session';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Passport } from 'passport';
import PassportStrategy from 'passport-strategy';
import { serve } from './child.mjs';
import { loadInternals } from './internals.mjs';
import { testPhones } from './phones.mjs';
import { summarize } from './stats.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const I = await loadInternals();

const SESSION_SECRET = 'bench session secret';
const CALLBACK_URL = 'http://127.0.0.1/auth/callback';
const flowLink = I.flowLinkBuilder(CALLBACK_URL);
const PHONES = testPhones(1000);
const EMAILS = PHONES.map((phone) => `test-${phone.slice(1)}@emulator.test`);
const HAND_WRITTEN_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const JSON_HEADERS = {
  host: '127.0.0.1:3000',
  'content-type': 'application/json',
  'content-length': '27',
  accept: 'application/json',
  'user-agent': USER_AGENT,
};

/** A fresh, unique string per call (keys that must not repeat, such as cooldowns). */
let sequence = 0;
const next = () => (sequence += 1);
const pick = (list) => list[next() % list.length];

// The apps' configuration, as bench/servers/ours.mjs sets it up.
const client = new I.LoginRadiusClient({ apiKey: 'bench', baseUrl: 'http://127.0.0.1:9' });
const requestConfig = I.parseRequestRouterOptions({
  client,
  callbackUrl: CALLBACK_URL,
  limits: { cooldownSeconds: 1, perIp: 1e6, smsPerIpPerDay: 1e6, smsPerDay: 1e8 },
});
const allowlistConfig = I.parseRequestRouterOptions({
  client,
  callbackUrl: CALLBACK_URL,
  allowedCountries: ['US'],
  allowedCallingCodes: ['1'],
});
const strategyConfig = I.parseStrategyOptions(
  { client, maxOtpFailuresPerPhone: 1e6, maxOtpFailuresPerPhoneAndIp: 1e6 },
  async (login) => I.toSessionUser(login),
);

// express-session and passport as the apps mount them.
const app = express();
const store = new session.MemoryStore();
const sessionMiddleware = session({
  secret: SESSION_SECRET,
  store,
  resave: false,
  saveUninitialized: false,
});
const passport = new Passport();
passport.serializeUser((user, done) => done(null, user));
passport.deserializeUser((user, done) => done(null, user));
const passportSession = passport.session();

/** A strategy that succeeds at once: what passport adds around a strategy, and nothing else. */
class InstantStrategy extends PassportStrategy.Strategy {
  constructor(user) {
    super();
    this.name = 'instant';
    this.user = user;
  }
  authenticate() {
    this.success(this.user, { channel: 'sms' });
  }
}

const verifyConfig = (user) => {
  passport.use(new InstantStrategy(user));
  return I.parseVerifyRouterOptions({
    client,
    passport,
    strategy: 'instant',
    verifyPerIp: 1e6,
  });
};

/**
 * A request as Express hands it to middleware: an IncomingMessage (no socket
 * behind it) whose prototype Express swapped for the app's request object,
 * with what earlier middleware put on it. Not a plain object, because V8 adds
 * a property to an object whose prototype was swapped far more slowly (µs, not
 * ns): a check that adds properties to the request (passport does) costs here
 * what it costs in the apps. A `PassportIncomingMessage`, as ours is served
 * (`plainServer`: a plain IncomingMessage, as `app.listen()` makes). Each one is used once.
 */
function request({
  method = 'POST',
  url = '/auth/otp',
  headers = JSON_HEADERS,
  plainServer = false,
  ...more
} = {}) {
  const Message = plainServer ? http.IncomingMessage : I.PassportIncomingMessage;
  const req = new Message(new net.Socket());
  Object.setPrototypeOf(req, app.request);
  Object.assign(req, { method, url, originalUrl: url, baseUrl: '/auth', headers, ...more });
  Object.defineProperty(req, 'ip', { value: '127.0.0.1' });
  // The app's body parser has read the body.
  Object.defineProperty(req, 'readableEnded', { value: true });
  return req;
}

/** A request and its response as the apps get them. */
function exchange({ body, ...options } = {}) {
  const req = request({ ...options, body });
  const res = new http.ServerResponse(req);
  Object.setPrototypeOf(res, app.response);
  req.res = res;
  res.req = req;
  return { req, res };
}

const run = (middleware, req, res) =>
  new Promise((resolve, reject) =>
    middleware(req, res, (error) => (error ? reject(error) : resolve())),
  );

/** An exchange that has been through express-session and passport.session(), as a route sees it. */
async function opened(options) {
  const ex = exchange(options);
  await run(sessionMiddleware, ex.req, ex.res);
  await run(passportSession, ex.req, ex.res);
  return ex;
}

/** The end of the response: express-session's end-of-response write and cookie, then its deferred callbacks. */
function finish(res) {
  return new Promise((resolve) => {
    res.end();
    setImmediate(resolve);
  });
}

/** The session cookie a finished response set, as the browser sends it back. */
function cookieOf(res) {
  const header = res.getHeader('set-cookie');
  return (Array.isArray(header) ? header[0] : header).split(';', 1)[0];
}

/** An exchange for the verify request of a session whose send stored `pending`. */
async function afterSend(pending) {
  const send = await opened();
  pending(send.req);
  await finish(send.res);
  return opened({
    url: '/auth/otp/verify',
    headers: { ...JSON_HEADERS, cookie: cookieOf(send.res) },
    body: { otp: '123456' },
  });
}

const n = (count, make) => Promise.all(Array.from({ length: count }, (_, i) => make(i)));

function checks(user) {
  const prepare = I.routePreparer('bench', requestConfig.maxBodyBytes);
  const sendLimits = new I.SendLimits(requestConfig);
  const verifyLimit = new I.Limit('verify-ip', 1e6, 900_000, I.memoryStores);
  const counters = new I.CodeCounters(strategyConfig);
  const claims = new I.Limit('single-use', 1, 600_000, I.memoryStores);
  const unit = new I.Limit('send-ip', Number.MAX_SAFE_INTEGER, 900_000, I.memoryStores);
  const records = new I.CrossDeviceRecords(store, I.memoryStores, requestConfig.pendingFlowTtlMs);
  const english = new I.Translator();
  const fourLanguages = new I.Translator({ de: I.de, es: I.es, fr: I.fr });
  const config = verifyConfig(user);
  const strategy = passport._strategy('instant');
  const signedInUser = JSON.parse(JSON.stringify(user));
  const requireLogin = I.requireLogin();
  const signOutExpired = I.signOutExpired();
  const plain = (headers, body) => ({ headers, body, method: 'POST', readableEnded: true });
  const withSession = () => ({
    ...plain(JSON_HEADERS),
    sessionID: `session-${next()}`,
    session: { regenerate() {}, save() {} },
  });
  /**
   * A verify request whose session holds an SMS flow, as the router's authenticate
   * sees it: passport.session() has been through it (and added its properties).
   */
  const verifying = () => {
    const req = request({
      url: '/auth/otp/verify',
      body: { otp: '123456' },
      session: { regenerate() {}, save() {} },
    });
    smsFlow(req);
    passportSession(req, {}, (error) => {
      if (error) throw error;
    });
    return req;
  };
  const negotiating = () => {
    const req = Object.create(express.request);
    Object.assign(req, { headers: JSON_HEADERS });
    return req;
  };
  const smsFlow = (req) =>
    I.startFlow(
      req,
      { channel: 'sms', phone: pick(PHONES), voice: false },
      requestConfig.pendingFlowTtlMs,
    );
  const chargeSms = async (req) => {
    const phone = `+1415${String(next()).padStart(7, '0')}`;
    const ip = I.ipKey(req);
    const charge = await I.chargeSend(
      [
        [sendLimits.perIp, ip],
        [sendLimits.cooldown, I.identifierKey({ phone })],
        [sendLimits.cooldown, I.sessionKey(req, 'sms')],
      ],
      [
        [sendLimits.smsPerIp, ip],
        [sendLimits.smsGlobal, 'all'],
      ],
    );
    await charge.commit();
  };
  const recordUser = { ...user, expiresAt: new Date(user.expiresAt) };

  return [
    // ---- The SMS sign-in: POST /auth/otp, then POST /auth/otp/verify.
    {
      group: 'SMS sign-in',
      name: 'route preparation ×2 (session check; the app parsed the body)',
      setup: (count) =>
        n(count, () => [
          request({ session: { regenerate() {}, save() {} } }),
          request({ url: '/auth/otp/verify', session: { regenerate() {}, save() {} } }),
        ]),
      run: async ([send, verify]) => {
        await prepare(send, undefined);
        await prepare(verify, undefined);
      },
    },
    {
      group: 'SMS sign-in',
      name: 'cross-site check ×2 (Origin and Sec-Fetch-Site, as browsers send them)',
      run: () => {
        const req = plain({
          ...JSON_HEADERS,
          origin: 'http://127.0.0.1:3000',
          'sec-fetch-site': 'same-origin',
        });
        I.checkCrossSite(req, requestConfig.trustedOrigins);
        I.checkCrossSite(req, requestConfig.trustedOrigins);
      },
    },
    {
      group: 'SMS sign-in',
      name: 'cross-site check ×2 (Origin only, as older browsers send it)',
      alternative: true,
      run: () => {
        const req = plain({ ...JSON_HEADERS, origin: 'http://127.0.0.1:3000' });
        I.checkCrossSite(req, requestConfig.trustedOrigins);
        I.checkCrossSite(req, requestConfig.trustedOrigins);
      },
    },
    {
      group: 'SMS sign-in',
      name: 'body reading ×2 (charset, size, flat strings)',
      run: () => {
        I.readFlatBody(plain(JSON_HEADERS, { phone: pick(PHONES) }), requestConfig.maxBodyBytes);
        I.readFlatBody(plain(JSON_HEADERS, { otp: '123456' }), requestConfig.maxBodyBytes);
      },
    },
    {
      group: 'SMS sign-in',
      name: 'phone parsing and the country allowlists',
      run: () => I.checkDestination(allowlistConfig, I.parsePhone(pick(PHONES))),
      handWritten: {
        name: 'libphonenumber-js parse + isValid',
        run: () => {
          const parsed = parsePhoneNumberFromString(pick(PHONES));
          if (!parsed?.isValid()) throw new Error('invalid');
          return parsed.number;
        },
      },
    },
    {
      group: 'SMS sign-in',
      name: 'send limits: per IP, per phone and per browser cooldowns, 2 SMS budgets (5 hits, 2 peeks)',
      setup: (count) => n(count, withSession),
      run: chargeSms,
    },
    {
      group: 'SMS sign-in',
      partOf: 'send limits',
      name: 'the per-browser cooldown (key + 1 hit)',
      setup: (count) => n(count, withSession),
      run: (req) => sendLimits.cooldown.hit(I.sessionKey(req, 'sms')),
    },
    {
      group: 'SMS sign-in',
      name: 'pending flow: started (ids) and saved explicitly before "sent"',
      setup: (count) => n(count, () => opened()),
      run: async ({ req, res }) => {
        smsFlow(req);
        await I.saveSession(req, 'the pending sign-in');
        await finish(res);
      },
      handWritten: {
        name: 'the pending phone, saved at the end of the response',
        setup: (count) => n(count, () => opened()),
        run: async ({ req, res }) => {
          req.session.pending = { phone: pick(PHONES), sentAt: Date.now() };
          await finish(res);
        },
      },
    },
    {
      group: 'SMS sign-in',
      name: 'content negotiation ×2 (JSON or a redirect)',
      reuse: true,
      setup: (count) => n(count, negotiating),
      run: (req) => {
        I.wantsJson(req);
        I.wantsJson(req);
      },
    },
    {
      group: 'SMS sign-in',
      name: 'verify-per-IP limit (1 hit)',
      run: () => verifyLimit.hit('127.0.0.1'),
    },
    {
      group: 'SMS sign-in',
      name: 'code counters: take + succeeded (in flight, unlocks, 3 caps, claim; 5 hits, 1 peek, 3 refunds, 1 reset)',
      run: async () => {
        const attempt = await counters.take(
          `flow-${next()}`,
          I.identifierKey({ phone: pick(PHONES) }),
          '127.0.0.1',
          '123456',
        );
        if (!attempt.succeeded) throw new Error(`code counters refused: ${attempt.reason}`);
        await attempt.succeeded();
      },
    },
    {
      group: 'SMS sign-in',
      partOf: 'code counters',
      name: 'the single-use claim (SHA-256 + 1 hit)',
      run: () => claims.hit(I.digest('code', `flow-${next()}:123456`)),
    },
    {
      group: 'SMS sign-in',
      name: "Passport's authenticate and the router's wrapper",
      setup: (count) => n(count, verifying),
      run: (req) => I.authenticate(config, req, {}, 'sms'),
      handWritten: {
        name: 'the same strategy called directly',
        setup: (count) => n(count, verifying),
        run: (req) =>
          new Promise((resolve, reject) => {
            const call = Object.create(strategy);
            call.success = resolve;
            call.fail = reject;
            call.error = reject;
            call.authenticate(req, { credential: 'sms' });
          }),
      },
    },
    {
      group: 'SMS sign-in',
      name: 'passport.session() ×2 (no user yet)',
      setup: (count) =>
        n(count, () => [
          request({ session: { cookie: {} } }),
          request({ session: { cookie: {} } }),
        ]),
      run: async (pair) => {
        for (const req of pair) await run(passportSession, req, {});
      },
    },
    {
      group: 'SMS sign-in',
      name: "login: new session id, passport's serialize and save, sign-in times",
      setup: (count) => n(count, () => afterSend(smsFlow)),
      run: async ({ req, res }) => {
        I.endFlow(req);
        await I.startSession(config, req, recordUser, 'sms');
        await finish(res);
      },
      handWritten: {
        name: 'regenerate, the user under passport.user, saved at the end of the response',
        setup: (count) =>
          n(count, () =>
            afterSend((req) => {
              req.session.pending = { phone: pick(PHONES), sentAt: Date.now() };
            }),
          ),
        run: ({ req, res }) =>
          new Promise((resolve, reject) => {
            req.session.regenerate((error) => {
              if (error) {
                reject(error);
                return;
              }
              req.session.passport = { user: recordUser };
              finish(res).then(resolve);
            });
          }),
      },
    },
    {
      group: 'SMS sign-in',
      partOf: 'login',
      name: 'the sign-in times',
      reuse: true,
      setup: (count) => n(count, () => ({ session: {} })),
      run: (req) => I.markSignedIn(req),
    },
    {
      group: 'SMS sign-in',
      name: 'JSON answer: the token-free public user (publicUser) and its serialization',
      run: () =>
        JSON.stringify({
          signedIn: true,
          user: I.publicUser(recordUser, config.publicProfileFields),
        }),
      handWritten: {
        name: 'the user without its token, serialized (full Profile)',
        run: () =>
          JSON.stringify({
            signedIn: true,
            user: {
              uid: recordUser.uid,
              profile: recordUser.profile,
              expiresAt: recordUser.expiresAt,
            },
          }),
      },
    },

    // ---- The emailed-code sign-in: POST /auth/link, then POST /auth/link/verify.
    {
      group: 'emailed-code sign-in',
      name: 'email address check',
      run: () => I.normalizeEmail(pick(EMAILS)),
      handWritten: {
        name: 'a simple pattern',
        run: () => {
          const email = pick(EMAILS).trim();
          if (email.length > 254 || !HAND_WRITTEN_EMAIL.test(email)) throw new Error('invalid');
        },
      },
    },
    {
      group: 'emailed-code sign-in',
      name: 'send limits: per IP, per address and per browser cooldowns (3 hits)',
      setup: (count) => n(count, withSession),
      run: async (req) => {
        const charge = await I.chargeSend([
          [sendLimits.perIp, I.ipKey(req)],
          [sendLimits.cooldown, I.identifierKey({ email: `a${next()}@example.com` })],
          [sendLimits.cooldown, I.sessionKey(req, 'email')],
        ]);
        await charge.commit();
      },
    },
    {
      group: 'emailed-code sign-in',
      name: 'link URL with the flow reference (sent with code emails too)',
      run: () => flowLink(I.newFlowRef()),
    },

    // ---- The cross-device sign-in: A POST /auth/link, B POST /auth/callback, A GET /auth/link/status.
    {
      group: 'cross-device sign-in',
      name: 'link URL with the flow reference, and the number',
      run: () => [flowLink(I.newFlowRef()), String(randomInt(10, 100))],
      handWritten: {
        name: 'a template string, and the number',
        run: () => [
          `${CALLBACK_URL}?flow=${randomBytes(16).toString('base64url')}`,
          String(randomInt(10, 100)),
        ],
      },
    },
    {
      group: 'cross-device sign-in',
      name: 'the record: created (browser label), read 2× (B, A), completed with the user, removed',
      reuse: true,
      setup: (count) => n(count, () => ({ headers: JSON_HEADERS })),
      run: async (req) => {
        const ref = I.newFlowRef();
        await records.create(req, ref, '47', { email: EMAILS[0] }, Date.now() + 600_000);
        const pending = await records.read(req, ref);
        await records.complete(req, ref, pending, recordUser);
        await records.read(req, ref);
        await records.remove(req, ref);
      },
      handWritten: {
        name: 'created, read 2× (B, A), completed with the user, removed',
        run: async () => {
          const key = `cross-device:${randomBytes(16).toString('base64url')}`;
          const expires = new Date(Date.now() + 600_000).toISOString();
          const call = (method, ...args) =>
            new Promise((resolve, reject) =>
              store[method](key, ...args, (error, value) =>
                error ? reject(error) : resolve(value),
              ),
            );
          await call('set', {
            match: '47',
            state: 'pending',
            cookie: { expires, originalMaxAge: 600_000 },
          });
          const record = await call('get');
          await call('set', { ...record, state: 'signed_in', user: recordUser });
          await call('get');
          await call('destroy');
        },
      },
    },
    {
      group: 'cross-device sign-in',
      name: 'one try at the number and one pickup (2 claims)',
      run: async () => {
        const ref = I.newFlowRef();
        await records.claimTry(ref);
        await records.claimPickup(ref);
      },
    },
    {
      group: 'cross-device sign-in',
      name: "B's link token: shape, single-use claim (SHA-256 + 1 hit); the reference and the number",
      run: async () => {
        const token = randomBytes(16).toString('hex');
        I.checkToken('vtoken', token);
        await counters.claimLink(token);
        I.flowRefOf(I.newFlowRef());
        timingSafeEqual(Buffer.from('47'), Buffer.from('47'));
      },
    },

    // ---- A signed-in request (GET /me).
    {
      group: 'signed-in request',
      per: 'request',
      name: 'passport.session() (the user deserialized)',
      setup: (count) =>
        n(count, () =>
          request({
            method: 'GET',
            url: '/me',
            session: { cookie: {}, passport: { user: signedInUser } },
          }),
        ),
      run: (req) => run(passportSession, req, {}),
    },
    {
      group: 'signed-in request',
      per: 'request',
      name: 'passport.session() (the user deserialized), plain createServer(app)',
      setup: (count) =>
        n(count, () =>
          request({
            method: 'GET',
            url: '/me',
            plainServer: true,
            session: { cookie: {}, passport: { user: signedInUser } },
          }),
        ),
      run: (req) => run(passportSession, req, {}),
    },
    {
      group: 'signed-in request',
      per: 'request',
      name: 'signOutExpired() and requireLogin() (expiry, idle and absolute timeouts)',
      setup: (count) =>
        n(count, () =>
          request({
            method: 'GET',
            url: '/me',
            user: signedInUser,
            session: { loginradiusAuth: { signedInAt: Date.now(), lastSeenAt: Date.now() } },
          }),
        ),
      run: async (req) => {
        await run(signOutExpired, req, {});
        await run(requireLogin, req, {});
      },
      handWritten: {
        name: 'expiresAt checked',
        setup: (count) =>
          n(count, () => request({ method: 'GET', url: '/me', user: signedInUser })),
        run: (req) => {
          if (!(new Date(req.user.expiresAt).getTime() > Date.now())) throw new Error('expired');
        },
      },
    },

    // ---- One operation, wherever it is used.
    {
      group: 'one operation',
      per: 'operation',
      name: 'Limit hit, a new key (express-rate-limit MemoryStore)',
      run: () => unit.hit(`k${next()}`),
    },
    {
      group: 'one operation',
      per: 'operation',
      name: 'Limit hit, a counted key',
      run: () => unit.hit('same'),
    },
    {
      group: 'one operation',
      per: 'operation',
      name: 'Limit peek',
      run: () => unit.peek('same'),
    },
    {
      group: 'one operation',
      per: 'operation',
      name: 'Limit refund',
      run: () => unit.refund('same'),
    },
    {
      group: 'one operation',
      per: 'operation',
      name: 'translator lookup, English only (pages and failures, not the JSON sign-in)',
      reuse: true,
      setup: (count) => n(count, negotiating),
      run: (req) => english.for(req),
    },
    {
      group: 'one operation',
      per: 'operation',
      name: "translator lookup, 4 languages (a browser's Accept-Language, negotiated on its first request)",
      reuse: true,
      setup: (count) =>
        n(count, () => {
          const req = negotiating();
          req.headers = { ...JSON_HEADERS, 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' };
          return req;
        }),
      run: (req) => fourLanguages.for(req),
    },
  ];
}

/** Inputs a check does not use up are made once, this many, and reused in turn. */
const REUSED_INPUTS = 1024;

/**
 * Times `variants` (the check, and its hand-written way when there is one):
 * µs per call of each, median, min and max over `batches` batches, the
 * variants' batches alternating (a, b, a, b…) so that drift of the machine
 * falls on both alike. Each variant's batch is first grown until it lasts
 * `batchMs` (which warms its code up), then run once more unmeasured. Time is
 * the wall clock.
 *
 * `setup(count)` makes a variant's inputs before they are timed: one per call
 * before each batch, or with `reuse`, REUSED_INPUTS once, taken in turn. After
 * a batch's setup come (with `settle`) a full collection and a pause for V8's
 * background sweeping, so that the garbage of making the inputs is not billed
 * to the check (the garbage the check makes is). The process is pinned to one
 * CPU, so its collector's helper threads take their time from the check's:
 * what they do for the check is counted.
 */
async function time(variants, { batches, batchMs, settle }) {
  const runners = variants.map(({ setup, run: body, reuse = false }) => {
    let reused;
    return async (count) => {
      if (reuse && setup) reused ??= await setup(REUSED_INPUTS);
      let inputs = reused ?? [];
      if (setup && !reuse) {
        // Sessions of earlier batches are not needed any more; a growing store would skew later ones.
        store.clear();
        inputs = await setup(count);
      }
      if (settle) {
        globalThis.gc();
        await sleep(SWEEP_MS);
      }
      const size = Math.max(1, inputs.length);
      const started = performance.now();
      for (let i = 0; i < count; i += 1) {
        const result = body(inputs[i % size]);
        if (result && typeof result.then === 'function') await result;
      }
      return performance.now() - started;
    };
  });
  const counts = [];
  for (const batch of runners) {
    let count = 4;
    while ((await batch(count)) < batchMs && count < 1e7) count *= 2;
    await batch(count);
    counts.push(count);
  }
  const samples = runners.map(() => []);
  for (let b = 0; b < batches; b += 1) {
    for (const [index, batch] of runners.entries()) {
      samples[index].push(((await batch(counts[index])) * 1000) / counts[index]);
    }
  }
  return samples.map(summarize);
}

/** Long enough for V8's background sweeping after a full collection. */
const SWEEP_MS = 20;

serve(
  {},
  {
    run: async ({ batches, batchMs, settle, user, match }) => {
      const results = [];
      const wanted = (check) =>
        !match || `${check.group} ${check.name}`.toLowerCase().includes(match.toLowerCase());
      for (const check of checks(user).filter(wanted)) {
        const [ours, handWritten] = await time(
          check.handWritten ? [check, check.handWritten] : [check],
          { batches, batchMs, settle },
        );
        results.push({
          group: check.group,
          name: check.name,
          per: check.per ?? 'sign-in',
          partOf: check.partOf,
          alternative: check.alternative === true,
          ours,
          handWritten: handWritten && { name: check.handWritten.name, ...handWritten },
        });
      }
      return results;
    },
  },
  () => client.close(),
);
