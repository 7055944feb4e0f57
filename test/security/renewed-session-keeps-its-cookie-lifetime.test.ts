/**
 * Item 47's renewal keeps what the session holds, its cookie's lifetime included:
 * express-session's regenerate() makes a cookie with the middleware's defaults, so
 * a lifetime the app set for this session (a 30-day cart) was lost, the
 * persistent cookie replaced by a browser-session one.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true },
  });
  t.app.post('/cart', (req, res) => {
    const s = req.session as unknown as { cart: string[]; cookie: { maxAge: number } };
    s.cart = ['book'];
    s.cookie.maxAge = 30 * 86_400_000; // keep this visitor's cart for 30 days
    res.json({ ok: true });
  });
});
afterEach(async () => t.close());

test('a cross-device send keeps the lifetime the app gave the session cookie', async () => {
  const cart = await request(t.app).post('/cart').expect(200);
  const setCookie = ([] as string[]).concat(cart.headers['set-cookie'] ?? [])[0]!;
  expect(setCookie).toMatch(/Expires=/);
  const cookie = setCookie.split(';')[0]!;

  const sent = await request(t.app)
    .post('/auth/link')
    .set('Cookie', cookie)
    .set('Accept', 'application/json')
    .send({ email: 'ada@example.com' })
    .expect(200);
  const renewed = ([] as string[])
    .concat(sent.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('connect.sid='));
  // The session got a new id (the request came with a cookie), and keeps its lifetime.
  expect(renewed).toMatch(/Expires=/);
  expect(renewed!.split(';')[0]).not.toBe(cookie);
});
