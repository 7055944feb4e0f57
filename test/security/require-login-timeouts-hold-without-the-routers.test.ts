/**
 * Attack: outlive requireLogin's idle and absolute timeouts (security.md item 19)
 * by signing in without the verify router. The times were recorded only by the
 * verify router, and a session without them counted as fresh, so a login made
 * with `passport.authenticate('loginradius-passwordless')` (the documented use
 * of the strategy on its own) or with any other strategy, on a site whose
 * LoginRadius tokens live for days, was never timed out.
 *
 * Now every login through the strategy records its times when Passport
 * regenerates the session, and a user without times (another strategy) starts
 * the clock at its first protected request.
 */
import express from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import { Strategy as PassportStrategy } from 'passport-strategy';
import request from 'supertest';
import {
  LoginRadiusClient,
  PasswordlessStrategy,
  createRequestRouter,
  requireLogin,
  toSessionUser,
} from '../../src/index';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { fakeDateOnly } from '../support/clock';

const IDLE_MS = 60_000;
const ABSOLUTE_MS = 3_600_000;

let emulator: Emulator;
let client: LoginRadiusClient;
beforeEach(async () => {
  emulator = await startEmulator({ quiet: true, accessTokenTtlSeconds: 7 * 24 * 3600 });
  client = new LoginRadiusClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, timeout: 2000 });
});
afterEach(async () => {
  await client.close();
  await emulator.close();
});

/** An app that signs in on POST /cb with Passport alone, no verify router. */
function appWith(passport: InstanceType<typeof Passport>): express.Express {
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user: Express.User, done) => done(null, user));
  const app = express();
  app.use(express.json());
  app.use(session({ secret: 's', resave: false, saveUninitialized: false }));
  app.use(passport.session());
  app.use('/auth', createRequestRouter({ client, callbackUrl: 'https://app.example/cb' }));
  app.get(
    '/me',
    requireLogin({ idleTimeoutMs: IDLE_MS, absoluteTimeoutMs: ABSOLUTE_MS }),
    (_req, res) => res.json({ in: true }),
  );
  return app;
}

async function signInWithTheStrategyAlone(): Promise<request.Agent> {
  const passport = new Passport();
  passport.use(new PasswordlessStrategy({ client }, async (login) => toSessionUser(login)));
  const app = appWith(passport);
  // The documented use of the strategy without the routers.
  app.post('/cb', passport.authenticate('loginradius-passwordless'), (_req, res) =>
    res.json({ ok: true }),
  );
  const agent = request.agent(app);
  await agent.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const link = new URL(emulator.outbox.latest('ada@example.com')!.link!);
  await agent
    .post('/cb')
    .send({ vtoken: link.searchParams.get('vtoken') })
    .expect(200);
  return agent;
}

/** Another strategy: signs anyone in (as a password or OAuth strategy would, once satisfied). */
class SignsAnyoneIn extends PassportStrategy {
  authenticate(): void {
    this.success({ uid: 'someone' });
  }
}

const me = (agent: request.Agent): request.Test =>
  agent.get('/me').set('Accept', 'application/json');

test('a login through the strategy alone, idle past the idle timeout before any request, is signed out', async () => {
  const agent = await signInWithTheStrategyAlone();
  const clock = fakeDateOnly();
  try {
    clock.advance(IDLE_MS + 1000); // no request since the login
    await me(agent).expect(401);
  } finally {
    clock.restore();
  }
});

test('a login through the strategy alone, active all along, is signed out at the absolute timeout', async () => {
  const agent = await signInWithTheStrategyAlone();
  const clock = fakeDateOnly();
  try {
    for (let elapsed = 0; elapsed < ABSOLUTE_MS; elapsed += IDLE_MS / 2) {
      await me(agent).expect(200);
      clock.advance(IDLE_MS / 2);
    }
    await me(agent).expect(401);
  } finally {
    clock.restore();
  }
});

test("another strategy's login starts the clock at its first protected request", async () => {
  const passport = new Passport();
  passport.use('test', new SignsAnyoneIn());
  const app = appWith(passport);
  app.post('/cb', passport.authenticate('test'), (_req, res) => res.json({ ok: true }));
  const agent = request.agent(app);
  await agent.post('/cb').expect(200);
  await me(agent).expect(200);
  const clock = fakeDateOnly();
  try {
    clock.advance(13 * 3600_000); // 13 h idle
    await me(agent).expect(401);
  } finally {
    clock.restore();
  }
});
