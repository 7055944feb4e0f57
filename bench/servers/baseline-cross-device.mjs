/**
 * The floor for the cross-device sign-in: the same minimal protocol, hand-written
 * with express + express-session + `undici.request` and nothing of this package.
 *
 *   A  POST /auth/link {email}   sends a link to `<callback>?flow=<ref>` and keeps a
 *                                record `{ match, state }` under the ref in the
 *                                session store (every instance sees it); answers
 *                                `{ sent: true, match }` (a number 10-99)
 *   B  POST /auth/callback {vtoken, flow, match}
 *                                the number must be the record's; verifies the
 *                                token with LoginRadius and keeps the user in the
 *                                record; B gets no session
 *   A  GET /auth/link/status     when the record holds a user: deletes the record,
 *                                regenerates A's session id and stores the user
 *                                under the key passport uses
 *
 * The record lives in express-session's store (the same MemoryStore as the
 * sessions), with a `cookie.expires` so the store expires it, as the package's
 * does by default.
 *
 * What it leaves out is what the package adds: one try at the number (a wrong
 * number ends the path) and one pickup, as atomic counters that hold across
 * instances; a single-use claim on the link token; timing-safe comparisons;
 * the reference's shape check; the flow's own expiry; resend cooldowns and the
 * per-IP send and verify limits; cross-site, body and charset checks; the
 * browser label for B's page; `returnTo` checks; the uniform "sent" answer;
 * the pages and content negotiation; sign-in times; deadlines with a circuit
 * breaker; events.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import express from 'express';
import session from 'express-session';
import { request } from 'undici';

export const SESSION_SECRET = 'bench session secret';
const CALLBACK_URL = 'http://127.0.0.1/auth/callback';
const EMAIL_PATH = '/identity/v2/auth/login/passwordlesslogin/email';
const VERIFY_PATH = '/identity/v2/auth/login/passwordlesslogin/email/verify';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RECORD_PREFIX = 'cross-device:';
const FLOW_TTL_MS = 600_000;

export function createApp({ emulatorUrl, apiKey, fields }) {
  const key = encodeURIComponent(apiKey);
  const projection = fields ? `&fields=${encodeURIComponent(['Uid', ...fields].join(','))}` : '';
  const store = new session.MemoryStore();
  const records = {
    get: promisify(store.get.bind(store)),
    set: promisify(store.set.bind(store)),
    destroy: promisify(store.destroy.bind(store)),
  };
  const app = express();
  app.use(express.json());
  app.use(session({ secret: SESSION_SECRET, store, resave: false, saveUninitialized: false }));

  // Device A asks for a link.
  app.post('/auth/link', async (req, res, next) => {
    try {
      const email = String(req.body?.email ?? '').trim();
      if (email.length > 254 || !EMAIL.test(email)) {
        res.status(400).json({ error: 'invalid email' });
        return;
      }
      const ref = randomBytes(16).toString('base64url');
      const { statusCode, body } = await request(
        `${emulatorUrl}${EMAIL_PATH}?apikey=${key}&email=${encodeURIComponent(email)}` +
          `&verificationurl=${encodeURIComponent(`${CALLBACK_URL}?flow=${ref}`)}`,
        { headersTimeout: 10_000, bodyTimeout: 10_000 },
      );
      await body.json();
      if (statusCode !== 200) {
        res.status(502).json({ error: 'upstream' });
        return;
      }
      const match = String(randomInt(10, 100));
      const expires = new Date(Date.now() + FLOW_TTL_MS).toISOString();
      await records.set(RECORD_PREFIX + ref, {
        match,
        state: 'pending',
        cookie: { expires, originalMaxAge: FLOW_TTL_MS },
      });
      req.session.pending = { email, ref };
      res.json({ sent: true, match });
    } catch (error) {
      next(error);
    }
  });

  // Device B opened the link and typed the number.
  app.post('/auth/callback', async (req, res, next) => {
    try {
      const { vtoken, flow, match } = req.body ?? {};
      if (typeof vtoken !== 'string' || typeof flow !== 'string' || typeof match !== 'string') {
        res.status(400).json({ error: 'malformed' });
        return;
      }
      const record = await records.get(RECORD_PREFIX + flow);
      if (!record || record.state !== 'pending' || record.match !== match) {
        res.status(401).json({ error: 'refused' });
        return;
      }
      const { statusCode, body } = await request(
        `${emulatorUrl}${VERIFY_PATH}?apikey=${key}&verificationtoken=${encodeURIComponent(vtoken)}${projection}`,
        { headersTimeout: 10_000, bodyTimeout: 10_000 },
      );
      const login = await body.json();
      if (statusCode !== 200 || typeof login.access_token !== 'string') {
        res.status(401).json({ error: 'invalid link' });
        return;
      }
      record.state = 'signed_in';
      record.user = {
        uid: login.Profile.Uid,
        profile: login.Profile,
        accessToken: login.access_token,
        expiresAt: new Date(login.expires_in),
      };
      await records.set(RECORD_PREFIX + flow, record);
      res.json({ signedIn: false, completedOn: 'other-device' });
    } catch (error) {
      next(error);
    }
  });

  // Device A polls; the answer that finds the user signs A in.
  app.get('/auth/link/status', async (req, res, next) => {
    try {
      const ref = req.session.pending?.ref;
      if (!ref) {
        res.json({ status: 'none' });
        return;
      }
      const record = await records.get(RECORD_PREFIX + ref);
      if (!record) {
        res.json({ status: 'expired' });
        return;
      }
      if (record.state !== 'signed_in') {
        res.json({ status: 'pending' });
        return;
      }
      await records.destroy(RECORD_PREFIX + ref);
      req.session.regenerate((error) => {
        if (error) {
          next(error);
          return;
        }
        req.session.passport = { user: record.user };
        res.json({ status: 'signed_in', returnTo: '/' });
      });
    } catch (error) {
      next(error);
    }
  });
  return { app, store, close: async () => {} };
}
