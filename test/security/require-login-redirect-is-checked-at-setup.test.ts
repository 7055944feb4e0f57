/**
 * Attack: turn `requireLogin`'s redirect into an open redirect (security.md
 * items 41 and 21). Where a signed-out browser is sent is configuration, but
 * configuration is often copied from a request, an environment variable or a
 * tenant's settings. `requireLogin({ redirectTo })` holds it to the rules of
 * every redirect: anything a browser could read as another host is refused at
 * setup with a TypeError (`code: 'ERR_PASSWORDLESS_OPTIONS'`); a same-origin
 * path works, and is the exact `Location` a signed-out browser gets.
 */
import express from 'express';
import request from 'supertest';
import { requireLogin } from '../../src/index';

test.each([
  ['a backslash after the slash', '/\\evil.example'],
  ['a protocol-relative URL', '//evil.example'],
  ['an absolute URL', 'https://evil.example'],
  ['a scheme with no slashes', 'https:evil.example'],
  ['a scheme in capitals', 'HTTPS://evil.example'],
  ['an encoded backslash', '/%5Cevil'],
  ['an encoded second slash', '/%2Fevil.example'],
  ['a doubly encoded second slash', '/%252Fevil.example'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a tab between the slashes', '/\t/evil.example'],
  ['a header injection', '/login\r\nSet-Cookie: session=attacker'],
  ['three slashes', '///evil.example'],
  ['a relative path', 'login'],
  ['an empty string', ''],
])('requireLogin refuses %s at setup', (_name, redirectTo) => {
  let thrown: unknown;
  try {
    requireLogin({ redirectTo });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect(thrown).toMatchObject({ code: 'ERR_PASSWORDLESS_OPTIONS' });
  expect((thrown as Error).message).toMatch(/redirectTo/);
});

test('requireLogin refuses a redirectTo that is not a string', () => {
  for (const redirectTo of [42, ['/login'], { toString: () => '/login' }])
    expect(() => requireLogin({ redirectTo: redirectTo as never })).toThrow(
      expect.objectContaining({ code: 'ERR_PASSWORDLESS_OPTIONS' }),
    );
});

test('a same-origin path is the exact Location a signed-out browser is sent to', async () => {
  const app = express();
  app.get('/account', requireLogin({ redirectTo: '/login?next=%2Faccount' }), (_req, res) =>
    res.send('secret'),
  );
  const res = await request(app).get('/account');
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/login?next=%2Faccount');
  const json = await request(app).get('/account').set('Accept', 'application/json');
  expect(json.status).toBe(401);
  expect(() => requireLogin({ redirectTo: '/login' })).not.toThrow();
});
