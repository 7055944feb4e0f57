/**
 * The floor for the emailed-code sign-in: what a careful hand-written app does,
 * with nothing of this package. express + express-session + `undici.request`
 * to the same emulator endpoints, with the same email template (whose email
 * carries a code). It checks the email address's shape (a send costs an
 * email), keeps the pending email in the session, verifies the code with
 * POST …/passwordlesslogin/email/verifyotp `{ email, otp }`, regenerates the
 * session id at login (session fixation is not a feature to benchmark away)
 * and stores the same user, under the same key passport uses, as baseline.mjs
 * does for SMS.
 *
 * What it leaves out is what the package adds: resend cooldowns (per address
 * and per browser) and the per-IP send budget, cross-site checks, strict body
 * and charset checks, a flow id and reference per send, per-flow and
 * per-address wrong-code counters, single-use claims, one verify per flow in
 * flight, the verify-per-IP limit, pending-flow expiry, `returnTo` checks, the
 * uniform "sent" answer for unknown accounts, the token-free public user view,
 * sign-in times, deadlines with a circuit breaker, events.
 */
import express from 'express';
import session from 'express-session';
import { request } from 'undici';
import { EMAIL_CODE_TEMPLATE } from '../lib/phones.mjs';

export const SESSION_SECRET = 'bench session secret';
const EMAIL_PATH = '/identity/v2/auth/login/passwordlesslogin/email';
const VERIFY_OTP_PATH = '/identity/v2/auth/login/passwordlesslogin/email/verifyotp';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createApp({ emulatorUrl, apiKey, fields }) {
  const key = encodeURIComponent(apiKey);
  const template = encodeURIComponent(EMAIL_CODE_TEMPLATE);
  const projection = fields ? `&fields=${encodeURIComponent(['Uid', ...fields].join(','))}` : '';
  const store = new session.MemoryStore();
  const app = express();
  app.use(express.json());
  app.use(session({ secret: SESSION_SECRET, store, resave: false, saveUninitialized: false }));

  app.post('/auth/link', async (req, res, next) => {
    try {
      const email = String(req.body?.email ?? '').trim();
      if (email.length > 254 || !EMAIL.test(email)) {
        res.status(400).json({ error: 'invalid email' });
        return;
      }
      const { statusCode, body } = await request(
        `${emulatorUrl}${EMAIL_PATH}?apikey=${key}&email=${encodeURIComponent(email)}` +
          `&passwordlesslogintemplate=${template}`,
        { headersTimeout: 10_000, bodyTimeout: 10_000 },
      );
      await body.json();
      if (statusCode !== 200) {
        res.status(502).json({ error: 'upstream' });
        return;
      }
      req.session.pending = { email, sentAt: Date.now() };
      res.json({ sent: true });
    } catch (error) {
      next(error);
    }
  });

  app.post('/auth/link/verify', async (req, res, next) => {
    try {
      const pending = req.session.pending;
      const otp = req.body?.otp;
      if (!pending || typeof otp !== 'string' || !/^[A-Za-z0-9]{4,12}$/.test(otp)) {
        res.status(401).json({ error: 'invalid code' });
        return;
      }
      const { statusCode, body } = await request(
        `${emulatorUrl}${VERIFY_OTP_PATH}?apikey=${key}${projection}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: pending.email, otp }),
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        },
      );
      const login = await body.json();
      if (statusCode !== 200 || typeof login.access_token !== 'string') {
        res.status(401).json({ error: 'invalid code' });
        return;
      }
      const user = {
        uid: login.Profile.Uid,
        profile: login.Profile,
        accessToken: login.access_token,
        expiresAt: new Date(login.expires_in),
      };
      req.session.regenerate((error) => {
        if (error) {
          next(error);
          return;
        }
        req.session.passport = { user };
        // The access token stays on the server.
        res.json({
          signedIn: true,
          user: { uid: user.uid, profile: user.profile, expiresAt: user.expiresAt },
        });
      });
    } catch (error) {
      next(error);
    }
  });
  return { app, store, close: async () => {} };
}
