/**
 * The full stack, mounted as the README tells users to: express, express-session,
 * passport 0.7, PasswordlessStrategy, both routers and LoginRadiusClient. The
 * limits are raised so that one machine can sign in thousands of times a second;
 * every check still runs, only the thresholds move.
 *
 * `flavour` is the sign-in the app is set up for, as a site would set it up:
 * `sms` (the defaults), `email-code` (`emailCode: true`, and the email template
 * whose email carries a code) or `cross-device` (`crossDevice: true` on both
 * routers; the email carries a link).
 *
 * The server is made with `PassportIncomingMessage` and `PassportServerResponse`, as docs/benchmarks.md
 * recommends ("Serving"); `plainServer` makes it with `createServer(app)`, as
 * `app.listen()` does, to show what that one line saves.
 */
import express from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import { loadPackage } from '../lib/package.mjs';
import { EMAIL_CODE_TEMPLATE } from '../lib/phones.mjs';

const {
  LoginRadiusClient,
  PassportIncomingMessage,
  PassportServerResponse,
  PasswordlessStrategy,
  createRequestRouter,
  createVerifyRouter,
  errorHandler,
  requireLogin,
  signOutExpired,
  toSessionUser,
} = await loadPackage();

export const SESSION_SECRET = 'bench session secret';

export function createApp({ emulatorUrl, apiKey, fields, flavour = 'sms', plainServer = false }) {
  if (!['sms', 'email-code', 'cross-device'].includes(flavour)) {
    throw new TypeError(`ours: unknown flavour "${flavour}"`);
  }
  const crossDevice = flavour === 'cross-device';
  const client = new LoginRadiusClient({ apiKey, baseUrl: emulatorUrl });
  const passport = new Passport();
  passport.use(
    new PasswordlessStrategy(
      { client, fields, maxOtpFailuresPerPhone: 1e6, maxOtpFailuresPerPhoneAndIp: 1e6 },
      async (login) => toSessionUser(login),
    ),
  );
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user, done) => done(null, user));

  const store = new session.MemoryStore();
  const app = express();
  app.use(express.json());
  app.use(session({ secret: SESSION_SECRET, store, resave: false, saveUninitialized: false }));
  app.use(passport.session());
  app.use(signOutExpired());
  app.use(
    '/auth',
    createRequestRouter({
      client,
      callbackUrl: 'http://127.0.0.1/auth/callback',
      limits: { cooldownSeconds: 1, perIp: 1e6, smsPerIpPerDay: 1e6, smsPerDay: 1e8 },
      ...(flavour === 'email-code'
        ? { emailCode: true, passwordlessLoginTemplate: EMAIL_CODE_TEMPLATE }
        : {}),
      ...(crossDevice ? { crossDevice } : {}),
    }),
  );
  app.use(
    '/auth',
    createVerifyRouter({
      client,
      passport,
      verifyPerIp: 1e6,
      ...(crossDevice ? { crossDevice } : {}),
    }),
  );
  app.get('/me', requireLogin(), (req, res) => {
    res.json({ uid: req.user.uid, email: req.user.profile.Email?.[0]?.Value });
  });
  app.use(errorHandler());
  return {
    app,
    store,
    close: () => client.close(),
    serverOptions: plainServer
      ? {}
      : { IncomingMessage: PassportIncomingMessage, ServerResponse: PassportServerResponse },
  };
}
