/**
 * A developer mounts the routers behind cookie-session, or with no session at
 * all (security.md item 16): cookie-session is refused at startup (app.use
 * throws) with a message that says what to use instead; a missing session fails
 * the request with a message that says what to mount.
 */
import express from 'express';
import cookieSession from 'cookie-session';
import request from 'supertest';
import { LoginRadiusClient, createRequestRouter, createVerifyRouter } from '../../src/index';

const client = new LoginRadiusClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });

test('mounting after cookie-session throws at startup, naming express-session', () => {
  const app = express();
  app.use(cookieSession({ secret: 's' }));
  expect(() =>
    app.use(
      '/auth',
      createRequestRouter({ client, callbackUrl: 'https://a.example/auth/callback' }),
    ),
  ).toThrow(/cookie-session.*express-session/s);
  expect(() => app.use('/auth', createVerifyRouter({ client }))).toThrow(/regenerate/);
});

test('with no session middleware, requests fail with a message naming what to mount', async () => {
  const app = express();
  app.use(express.json());
  app.use('/auth', createRequestRouter({ client, callbackUrl: 'https://a.example/auth/callback' }));
  let seen: (Error & { code?: string }) | undefined;
  app.use(
    (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      seen = error;
      res.status(500).end();
    },
  );
  await request(app).post('/auth/link').send({ email: 'a@example.com' }).expect(500);
  expect(seen?.message).toMatch(/express-session/);
  expect(seen?.code).toBe('ERR_PASSWORDLESS_SESSION');
});
