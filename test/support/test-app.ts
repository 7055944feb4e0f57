import express from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import request from 'supertest';
import {
  LoginRadiusClient,
  PasswordlessStrategy,
  createRequestRouter,
  createVerifyRouter,
  errorHandler,
  requireLogin,
  signOutExpired,
  type LoginRadiusClientOptions,
  type PasswordlessEvent,
  type PasswordlessStrategyOptions,
  type RequestRouterOptions,
  type VerifyRouterOptions,
} from '../../src/index';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index';

export const APP_ORIGIN = 'https://app.example';
export const CALLBACK_URL = `${APP_ORIGIN}/auth/callback`;

export interface TestAppOptions {
  emulator?: EmulatorOptions;
  /** Use this running emulator (shared by several app instances) instead of starting one. */
  emulatorInstance?: Emulator;
  client?: Partial<LoginRadiusClientOptions>;
  strategy?: Omit<Partial<PasswordlessStrategyOptions>, 'passReqToCallback'>;
  requestRouter?: Partial<RequestRouterOptions>;
  verifyRouter?: Partial<VerifyRouterOptions>;
  /** express-session as by default, on this store (to look into or to break). */
  sessionStore?: session.Store;
  /** Replaces express-session altogether (other options than the store). */
  sessionMiddleware?: express.RequestHandler;
  /**
   * Replaces the app's own body parsers (by default `express.urlencoded()` and
   * `express.json()` with their default limits), for tests of apps that mount
   * other ones.
   */
  bodyParsers?: express.RequestHandler[];
}

export interface TestApp {
  app: express.Express;
  emulator: Emulator;
  client: LoginRadiusClient;
  /** The strategy the app's Passport uses (for its operator methods, such as `unlock`). */
  strategy: PasswordlessStrategy;
  events: PasswordlessEvent[];
  close(): Promise<void>;
}

/**
 * An app mounted the way the README tells users to, on its own Passport
 * instance (so apps in one test file do not share strategies), against a fresh
 * emulator. `GET /me` is a protected route.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownEmulator = !options.emulatorInstance;
  const emulator =
    options.emulatorInstance ?? (await startEmulator({ quiet: true, ...options.emulator }));
  const client = new LoginRadiusClient({
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    timeout: 2000,
    ...options.client,
  });
  const events: PasswordlessEvent[] = [];
  const passport = new Passport();
  const strategy = new PasswordlessStrategy({ client, ...options.strategy }, async (login) => ({
    uid: login.profile.Uid,
    profile: login.profile,
    accessToken: login.accessToken,
    expiresAt: login.expiresAt,
  }));
  passport.use(strategy);
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user: Express.User, done) => done(null, user));

  const app = express();
  for (const parser of options.bodyParsers ?? [
    express.urlencoded({ extended: false }),
    express.json(),
  ])
    app.use(parser);
  app.use(
    options.sessionMiddleware ??
      session({
        secret: 'test secret',
        resave: false,
        saveUninitialized: false,
        ...(options.sessionStore ? { store: options.sessionStore } : {}),
      }),
  );
  app.use(passport.session());
  app.use(signOutExpired());
  app.use(
    '/auth',
    createRequestRouter({
      client,
      callbackUrl: CALLBACK_URL,
      onEvent: (event) => events.push(event),
      ...options.requestRouter,
    }),
  );
  app.use(
    '/auth',
    createVerifyRouter({
      client,
      passport,
      onEvent: (event) => events.push(event),
      ...options.verifyRouter,
    }),
  );
  app.get('/me', requireLogin(), (req, res) => {
    const user = req.user as { uid: string; profile: { Email?: { Value: string }[] } };
    res.json({ uid: user.uid, email: user.profile.Email?.[0]?.Value });
  });
  app.get('/', (_req, res) => res.send('home'));
  app.use(errorHandler());
  return {
    app,
    emulator,
    client,
    strategy,
    events,
    async close() {
      await client.close();
      if (ownEmulator) await emulator.close();
    },
  };
}

/** The token of the newest link the emulator sent to `to`. */
export function latestToken(emulator: Emulator, to: string): string {
  const message = emulator.outbox.latest(to);
  if (!message?.link) throw new Error(`no link was sent to ${to}`);
  const token = new URL(message.link).searchParams.get('vtoken');
  if (!token) throw new Error('the link has no vtoken');
  return token;
}

/** The newest code the emulator sent to `phone`. */
export function latestOtp(emulator: Emulator, phone: string): string {
  const message = emulator.outbox.latest(phone);
  if (!message?.otp) throw new Error(`no code was sent to ${phone}`);
  return message.otp;
}

/** Signs a supertest agent in by email link; resolves when it is signed in. */
export async function signInByLink(
  agent: request.Agent,
  emulator: Emulator,
  email: string,
): Promise<void> {
  await agent.post('/auth/link').send({ email }).expect(200);
  const token = latestToken(emulator, email);
  await agent.post('/auth/callback').send({ vtoken: token }).expect(200);
}
