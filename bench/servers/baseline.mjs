/**
 * The floor: what a careful hand-written app does for the same SMS sign-in,
 * with nothing of this package. express + express-session + `undici.request`
 * to the same emulator endpoints. It validates the phone (libphonenumber-js, as
 * any app must before paying for an SMS), keeps the pending phone in the
 * session, regenerates the session id at login (session fixation is not a
 * feature to benchmark away) and stores the same user, under the same key
 * passport uses, so both sides store and parse the same document.
 *
 * What it leaves out is what the package adds: resend cooldowns, per-IP and
 * daily SMS budgets, cross-site checks, per-flow and per-phone wrong-code
 * counters, single-use claims, the verify-per-IP limit, pending-flow expiry,
 * idle/absolute timeouts, deadlines with a circuit breaker, events.
 */
import express from 'express';
import session from 'express-session';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { request } from 'undici';

export const SESSION_SECRET = 'bench session secret';
const OTP_PATH = '/identity/v2/auth/login/passwordlesslogin/otp';

export function createApp({ emulatorUrl, apiKey, fields }) {
  const key = encodeURIComponent(apiKey);
  const projection = fields ? `&fields=${encodeURIComponent(['Uid', ...fields].join(','))}` : '';
  const store = new session.MemoryStore();
  const app = express();
  app.use(express.json());
  app.use(session({ secret: SESSION_SECRET, store, resave: false, saveUninitialized: false }));

  app.post('/auth/otp', async (req, res, next) => {
    try {
      const parsed = parsePhoneNumberFromString(String(req.body?.phone ?? ''));
      if (!parsed?.isValid()) {
        res.status(400).json({ error: 'invalid phone' });
        return;
      }
      const phone = parsed.number;
      const { statusCode, body } = await request(
        `${emulatorUrl}${OTP_PATH}?apikey=${key}&phone=${encodeURIComponent(phone)}`,
        { headersTimeout: 10_000, bodyTimeout: 10_000 },
      );
      await body.json();
      if (statusCode !== 200) {
        res.status(502).json({ error: 'upstream' });
        return;
      }
      req.session.pending = { phone, sentAt: Date.now() };
      res.json({ sent: true });
    } catch (error) {
      next(error);
    }
  });

  app.post('/auth/otp/verify', async (req, res, next) => {
    try {
      const pending = req.session.pending;
      const otp = req.body?.otp;
      if (!pending || typeof otp !== 'string' || !/^\d{4,10}$/.test(otp)) {
        res.status(401).json({ error: 'invalid code' });
        return;
      }
      const { statusCode, body } = await request(
        `${emulatorUrl}${OTP_PATH}/verify?apikey=${key}${projection}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: pending.phone, otp }),
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

  app.get('/me', (req, res) => {
    const user = req.session.passport?.user;
    if (!user || new Date(user.expiresAt).getTime() <= Date.now()) {
      res.status(401).json({ error: 'sign in' });
      return;
    }
    res.json({ uid: user.uid, email: user.profile.Email?.[0]?.Value });
  });
  return { app, store, close: async () => {} };
}
