/**
 * A person signs in with a link sent by email, asked for by email address or by
 * username: send → outbox → confirm page → POST → signed in → protected route →
 * logout → signed out. Covers security.md items 8 and 18 on the happy path.
 */
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

test('a person asks for a link by email, confirms it and reaches a protected route', async () => {
  const agent = request.agent(t.app);
  const email = t.emulator.accounts[0]!.email;
  const sent = await agent.post('/auth/link').send({ email });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ sent: true });

  const link = t.emulator.outbox.latest(email)!.link!;
  // The configured callback URL, this browser's flow reference, then LoginRadius's vtype and vtoken.
  expect(link).toMatch(
    /^https:\/\/app\.example\/auth\/callback\?flow=[\w-]{22}&vtype=oneclicksignin&vtoken=/,
  );
  const url = new URL(link);

  const confirm = await agent.get(`/auth/callback${url.search}`);
  expect(confirm.status).toBe(200);
  expect(confirm.headers['cache-control']).toBe('no-store');
  expect(confirm.headers['referrer-policy']).toBe('no-referrer');
  expect(confirm.text).toContain('<form method="post"');
  expect(t.emulator.calls.verifyEmailToken).toBe(0);

  await agent.get('/me').set('Accept', 'application/json').expect(401);
  const signedIn = await agent
    .post('/auth/callback')
    .send({ vtoken: url.searchParams.get('vtoken') });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.signedIn).toBe(true);
  expect(signedIn.body.user.uid).toBe(t.emulator.accounts[0]!.uid);
  expect(JSON.stringify(signedIn.body)).not.toContain('accessToken');

  const me = await agent.get('/me').set('Accept', 'application/json');
  expect(me.status).toBe(200);
  expect(me.body).toEqual({ uid: t.emulator.accounts[0]!.uid, email });

  const out = await agent.post('/auth/logout').set('Accept', 'application/json');
  expect(out.status).toBe(200);
  expect(out.body).toEqual({ signedOut: true });
  expect(t.emulator.calls.invalidateAccessToken).toBe(1);
  await agent.get('/me').set('Accept', 'application/json').expect(401);
});

test('a person asks for a link by username and signs in through the HTML forms', async () => {
  const agent = request.agent(t.app);
  const account = t.emulator.accounts.find((a) => a.username)!;
  const sent = await agent.post('/auth/link').type('form').send({ username: account.username! });
  expect(sent.status).toBe(303);
  expect(sent.headers.location).toBe('/auth/link/sent');
  const token = latestToken(t.emulator, account.email);
  const signedIn = await agent
    .post('/auth/callback')
    .type('form')
    .send({ vtype: 'oneclicksignin', vtoken: token });
  expect(signedIn.status).toBe(303);
  expect(signedIn.headers.location).toBe('/');
  const me = await agent.get('/me').set('Accept', 'application/json');
  expect(me.body.uid).toBe(account.uid);
});
