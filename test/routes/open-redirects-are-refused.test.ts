/**
 * An attacker crafts a returnTo that leaves the site (security.md item 21):
 * only same-site relative paths (or allowlisted URLs) are ever used, checked on
 * the exact Location header after login; every trick lands on the default page.
 */
import request from 'supertest';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';
import { safeRedirect } from '../../src/redirects';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    requestRouter: {
      limits: { perIp: 10_000, smsPerIpPerDay: 10_000 },
      allowedRedirectUrls: ['https://docs.app.example/guides/'],
    },
    verifyRouter: { verifyPerIp: 10_000, successRedirect: '/home' },
    emulator: { sendLimits: false },
  });
});
afterAll(async () => t.close());

const EVIL = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  'https:evil.example',
  'https://evil.example/',
  'http://app.example.evil.example/',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'jAvAsCrIpT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/%2F%2Fevil.example',
  '/%2f%2fevil.example',
  '/%5Cevil.example',
  '%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  ' //evil.example',
  '//evil.example@app.example',
  'https://docs.app.example.evil.example/guides/',
  'https://user:pass@docs.app.example/guides/x',
  'https://docs.app.example/other/',
  // Look-alikes that NFKC (or Windows' best-fit mapping) folds into `/`, `.` and `\\`.
  '/\uFF0F\uFF0Fevil.example',
  '/%EF%BC%8F%EF%BC%8Fevil.example',
  '/\uFF3Cevil.example',
  '/%EF%BC%BCevil.example',
];

test.each(EVIL)('returnTo %j is refused by the checker', (target) => {
  expect(safeRedirect(target, ['https://docs.app.example/guides/'])).toBeUndefined();
});

test.each(['/', '/orders/42', '/search?q=a%20b#top', 'https://docs.app.example/guides/start'])(
  'returnTo %j is accepted',
  (target) => {
    expect(safeRedirect(target, ['https://docs.app.example/guides/'])).toBe(target);
  },
);

test('an allowlisted path prefix ends at a path segment', () => {
  const allowed = ['https://docs.app.example/guides'];
  for (const target of [
    'https://docs.app.example/guides',
    'https://docs.app.example/guides/',
    'https://docs.app.example/guides/start?x=1#top',
    'https://docs.app.example/guides?x=1',
    'https://docs.app.example/guides/a%20b/c%3Fd',
  ])
    expect(safeRedirect(target, allowed)).toBe(target);
  for (const target of [
    'https://docs.app.example/guides-evil',
    'https://docs.app.example/guidesevil/',
    'https://docs.app.example/guides/../admin',
    'https://docs.app.example/guides%2F..%2Fadmin',
    'https://docs.app.example/guides/..%2Fadmin',
    'https://docs.app.example/guides/%2e%2e%2fadmin',
    'https://docs.app.example/guides/%252e%252e%252fadmin',
    // Still changing after the rounds a real link needs: refused, not half-decoded.
    'https://docs.app.example/guides/%2525252e%2525252e%2525252fadmin',
    // Tomcat, Jetty and Spring drop `;…` from a segment before resolving `..`.
    'https://docs.app.example/guides/..;/admin',
    'https://docs.app.example/guides/.;x/../admin',
    'https://docs.app.example/guides/%2e%2e;/admin',
    // Fullwidth and small full stops are `..` to a server that applies NFKC.
    'https://docs.app.example/guides/\uFF0E\uFF0E/admin',
    'https://docs.app.example/guides/%EF%BC%8E%EF%BC%8E/admin',
    'https://docs.app.example/guides/%EF%B9%92%EF%B9%92%EF%BC%8Fadmin',
  ])
    expect(safeRedirect(target, allowed)).toBeUndefined();
  // A local path encoded four times over is refused too.
  expect(safeRedirect('/%2525252F%2525252Fevil.example')).toBeUndefined();
  expect(safeRedirect('https://docs.app.example/guides/a;b/c', allowed)).toBe(
    'https://docs.app.example/guides/a;b/c',
  );
  // Letters outside ASCII are fine where folding them changes no separator.
  expect(safeRedirect('/caf%C3%A9/men%C3%BC')).toBe('/caf%C3%A9/men%C3%BC');
  expect(safeRedirect('https://docs.app.example/guides/%EF%BC%A1', allowed)).toBe(
    'https://docs.app.example/guides/%EF%BC%A1',
  );
});

test('after login, the Location header is never an evil returnTo', async () => {
  for (const [i, returnTo] of EVIL.entries()) {
    // One account per attempt, so that no resend cooldown gets in the way.
    const phone = `+1415555${String(3000 + i)}`;
    t.emulator.addAccount({ email: `redirect${i}@example.com`, phone });
    const agent = request.agent(t.app);
    await agent.post('/auth/otp').type('form').send({ phone, returnTo }).expect(303);
    const res = await agent
      .post('/auth/otp/verify')
      .type('form')
      .send({ otp: latestOtp(t.emulator, phone) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/home');
  }
});

test('configured redirects must be same-site paths', async () => {
  const { createVerifyRouter, LoginRadiusClient } = await import('../../src/index');
  const client = new LoginRadiusClient({ apiKey: 'k' });
  expect(() => createVerifyRouter({ client, successRedirect: '//evil.example' })).toThrow(
    /successRedirect/,
  );
  expect(() => createVerifyRouter({ client, failureRedirect: 'https://evil.example' })).toThrow(
    /failureRedirect/,
  );
});

test('an allowlist entry with a query, fragment or credentials is refused at setup', async () => {
  // An entry is compared by origin and path prefix only: a query in it would look
  // like a restriction (`?tenant=1`) that admits `?tenant=2` just the same.
  const { createRequestRouter, createVerifyRouter, LoginRadiusClient } =
    await import('../../src/index');
  const client = new LoginRadiusClient({ apiKey: 'k' });
  for (const entry of [
    'https://docs.app.example/guides?tenant=1',
    'https://docs.app.example/guides?',
    'https://docs.app.example/guides#top',
    'https://user:secret@docs.app.example/guides',
    'https://@docs.app.example/guides',
    // A wildcard would be a literal host to the redirect check but a real one in the CSP.
    'https://*.app.example/guides',
    // `;` would end the CSP's form-action directive.
    'https://docs.app.example;frame-ancestors/',
    // Resolved by URL parsing: the entry would silently allow /admin.
    'https://docs.app.example/guides/../admin',
    'https://docs.app.example/guides/%2e%2E/admin',
  ]) {
    const allowedRedirectUrls = [entry];
    expect(() => createVerifyRouter({ client, allowedRedirectUrls })).toThrow(
      /allowedRedirectUrls.*origin .*and a path prefix/,
    );
    expect(() =>
      createRequestRouter({
        client,
        callbackUrl: 'https://app.example/auth/callback',
        allowedRedirectUrls,
      }),
    ).toThrow(/allowedRedirectUrls.*origin .*and a path prefix/);
  }
  expect(() =>
    createVerifyRouter({ client, allowedRedirectUrls: ['ftp://docs.app.example/'] }),
  ).toThrow(/not an http\(s\) URL/);
  for (const entry of [
    'https://docs.app.example/guides/',
    'https://docs.app.example',
    'http://127.0.0.1:8080/app',
    'http://[::1]:8080/app',
    'https://xn--bcher-kva.example/',
  ])
    expect(() => createVerifyRouter({ client, allowedRedirectUrls: [entry] })).not.toThrow();
});
