/**
 * Item 45's marker read fails closed, but "no such entry" is not a failure:
 * session stores that read files (session-file-store) answer a missing key with an
 * ENOENT error, as express-session itself reads it. Taken for a failure, every
 * signed-in save failed (the marker is missing in the normal case).
 */
import { MemoryStore } from 'express-session';
import request from 'supertest';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

/** A MemoryStore answering unknown ids as session-file-store does. */
function fileLikeStore(): MemoryStore {
  const store = new MemoryStore();
  const get = store.get.bind(store);
  store.get = (sid, callback) =>
    get(sid, (error, value) => {
      if (error || value) return callback(error, value);
      const missing = Object.assign(
        new Error(`ENOENT: no such file or directory, open './sessions/${sid}.json'`),
        {
          code: 'ENOENT',
        },
      );
      callback(missing);
    });
  return store;
}

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    sessionStore: fileLikeStore(),
  });
  t.app.post('/cart', (req, res) => {
    (req.session as unknown as { cart: number }).cart = 7;
    res.json({ ok: true });
  });
  t.app.get('/cart', (req, res) => {
    res.json({ cart: (req.session as unknown as { cart?: number }).cart ?? null });
  });
});
afterEach(async () => t.close());

test('a signed-in request that writes to the session is saved with an ENOENT-style store', async () => {
  const browser = request.agent(t.app);
  await browser.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  await browser
    .post('/auth/callback')
    .send({ vtoken: latestToken(t.emulator, 'ada@example.com') })
    .expect(200);
  await browser.get('/me').set('Accept', 'application/json').expect(200);

  const wrote = await browser.post('/cart').set('Accept', 'application/json');
  const read = await browser.get('/cart').set('Accept', 'application/json');
  expect({ wrote: wrote.status, cart: read.body.cart }).toEqual({ wrote: 200, cart: 7 });
});
