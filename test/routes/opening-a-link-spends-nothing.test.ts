/**
 * A mail scanner (or the person) opens the link (security.md item 8): GET and
 * HEAD only show a confirm step and spend nothing; only the POST from it calls
 * LoginRadius. Responses that carry a token are no-store and no-referrer, and
 * the final redirect carries no token.
 */
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

test('GET and HEAD of the link, however often, never call verify', async () => {
  await request(t.app).post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const token = latestToken(t.emulator, 'ada@example.com');
  for (let i = 0; i < 3; i += 1) {
    const page = await request(t.app).get(`/auth/callback?vtype=oneclicksignin&vtoken=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.text).toMatch(/<form method="post" action="\/auth\/callback">/);
    await request(t.app).head(`/auth/callback?vtype=OneClickSignIn&vtoken=${token}`).expect(200);
  }
  expect(t.emulator.calls.verifyEmailToken).toBe(0);

  // The confirm form's POST spends it, and the redirect carries no token.
  const agent = request.agent(t.app);
  const done = await agent
    .post('/auth/callback')
    .type('form')
    .send({ vtype: 'oneclicksignin', vtoken: token });
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/');
  expect(done.headers.location).not.toContain(token);
  expect(done.headers['cache-control']).toBe('no-store');
  expect(t.emulator.calls.verifyEmailToken).toBe(1);
});

test('a malformed token shows the uniform error page; any vtype (or none) is fine', async () => {
  t.emulator.resetCalls();
  // Only vtoken matters: LoginRadius's own template example uses vtype=emailverification.
  for (const query of ['vtype=emailverification&', '']) {
    const page = await request(t.app).get(`/auth/callback?${query}vtoken=abcdefghijkl`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<form method="post" action="\/auth\/callback">/);
  }
  const malformed = await request(t.app).get(
    '/auth/callback?vtype=oneclicksignin&vtoken=%3Cscript%3E',
  );
  expect(malformed.status).toBe(401);
  expect(malformed.text).not.toContain('<script>');
  expect(malformed.headers['cache-control']).toBe('no-store');
  const repeated = await request(t.app).get(
    '/auth/callback?vtoken=abcdefghijkl&vtoken=mnopqrstuvwx',
  );
  expect(repeated.status).toBe(401);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
});
