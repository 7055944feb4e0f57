/**
 * A signed-in person comes back after their LoginRadius access token expired,
 * or after the idle or absolute timeout (security.md item 19): they are signed
 * out on the server on the next request.
 */
import express from 'express';
import request from 'supertest';
import { requireLogin } from '../../src/index';
import { fakeDateOnly } from '../support/clock';
import { latestToken, startTestApp } from '../support/test-app';

async function signedIn(
  t: Awaited<ReturnType<typeof startTestApp>>,
  email: string,
): Promise<request.Agent> {
  const agent = request.agent(t.app);
  await agent.post('/auth/link').send({ email }).expect(200);
  await agent
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, email) })
    .expect(200);
  return agent;
}

test('after expiresAt the next request is signed out, everywhere', async () => {
  // The emulator reads the test's (faked) clock, not the real one it would capture at
  // start: the token then expires exactly 60 s after the frozen sign-in time, however
  // long the sign-in took on a loaded machine.
  const t = await startTestApp({
    emulator: { accessTokenTtlSeconds: 60, clock: () => Date.now() },
  });
  t.app.get('/whoami', (req, res) => res.json({ authenticated: req.isAuthenticated() }));
  const clock = fakeDateOnly();
  try {
    const agent = await signedIn(t, 'ada@example.com');
    await agent.get('/me').set('Accept', 'application/json').expect(200);
    await agent.get('/whoami').expect(200, { authenticated: true });
    clock.advance(61_000);
    await agent.get('/whoami').expect(200, { authenticated: false });
    await agent.get('/me').set('Accept', 'application/json').expect(401);
    // HTML clients are sent to sign in.
    const html = await agent.get('/me').set('Accept', 'text/html');
    expect(html.status).toBe(303);
    expect(html.headers.location).toBe('/');
  } finally {
    clock.restore();
    await t.close();
  }
});

test('requireLogin enforces idle and absolute timeouts on the server', async () => {
  // Access tokens outlive this test, so only the session timeouts can sign out.
  const t = await startTestApp({ emulator: { accessTokenTtlSeconds: 24 * 3600 } });
  const guarded = express.Router();
  guarded.get(
    '/short',
    requireLogin({ idleTimeoutMs: 5 * 60_000, absoluteTimeoutMs: 60 * 60_000 }),
    (_q, r) => r.send('ok'),
  );
  t.app.use(guarded);
  const clock = fakeDateOnly();
  try {
    const agent = await signedIn(t, 'grace@example.com');
    await agent.get('/short').set('Accept', 'application/json').expect(200);
    clock.advance(4 * 60_000);
    await agent.get('/short').set('Accept', 'application/json').expect(200);
    clock.advance(4 * 60_000); // active within every 5 minutes: still in
    await agent.get('/short').set('Accept', 'application/json').expect(200);
    clock.advance(6 * 60_000); // idle for 6 minutes: out
    await agent.get('/short').set('Accept', 'application/json').expect(401);

    const other = await signedIn(t, 'linus@example.com');
    for (let i = 0; i < 16; i += 1) {
      clock.advance(4 * 60_000);
      const res = await other.get('/short').set('Accept', 'application/json');
      if (res.status === 401) {
        // Cut off by the absolute timeout (60 min), not before.
        expect(i).toBeGreaterThanOrEqual(14);
        return;
      }
    }
    throw new Error('the absolute timeout never applied');
  } finally {
    clock.restore();
    await t.close();
  }
});
