/**
 * An attacker sends a link request with a forged Host (security.md item 6): the
 * link's verificationurl always comes from `callbackUrl`, never from `Host` or
 * `X-Forwarded-Host`, even with `trust proxy` on.
 */
import request from 'supertest';
import { CALLBACK_URL, startTestApp } from '../support/test-app';

test('Host and X-Forwarded-Host never reach the link', async () => {
  const t = await startTestApp();
  t.app.set('trust proxy', true);
  try {
    await request(t.app)
      .post('/auth/link')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil2.example')
      .set('X-Forwarded-Proto', 'http')
      .send({ email: 'ada@example.com' })
      .expect(200);
    const link = t.emulator.outbox.latest('ada@example.com')!.link!;
    expect(link.startsWith(`${CALLBACK_URL}?flow=`)).toBe(true);
    expect(new URL(link).searchParams.get('vtype')).toBe('oneclicksignin');
    expect(link).not.toContain('evil');
  } finally {
    await t.close();
  }
});

test('callbackUrl is required while links are on, and must be absolute', async () => {
  const { createRequestRouter, LoginRadiusClient } = await import('../../src/index');
  const client = new LoginRadiusClient({ apiKey: 'k' });
  expect(() => createRequestRouter({ client })).toThrow(/callbackUrl/);
  expect(() => createRequestRouter({ client, callbackUrl: '/auth/callback' })).toThrow(/absolute/);
  expect(() =>
    createRequestRouter({ client, channels: { email: false, username: false } }),
  ).not.toThrow();
});

test("the link keeps callbackUrl's own query and fragment, with one flow reference", async () => {
  const { flowLinkBuilder } = await import('../../src/routes/flow-link');
  expect(flowLinkBuilder('https://app.example/auth/callback')('abc')).toBe(
    'https://app.example/auth/callback?flow=abc',
  );
  expect(flowLinkBuilder('https://app.example/cb?lang=de&flow=stale#top')('a_b-c')).toBe(
    'https://app.example/cb?lang=de&flow=a_b-c#top',
  );
  // A reference is base64url, but nothing else may ever split the query.
  expect(flowLinkBuilder('https://app.example/cb?')('a&vtoken=x')).toBe(
    'https://app.example/cb?flow=a%26vtoken%3Dx',
  );
});
