/**
 * `req.query` reads the same on a server made with the serving classes when the
 * `express` this package resolves is not the app's: in a workspace where the
 * package is hoisted beside another project's Express 4 and the app has its own
 * Express 5 (both satisfy the peer range). An earlier `PassportIncomingMessage`
 * declared `query` when its own Express had no `query` getter, which hid the
 * app's Express 5 getter: every handler read `req.query` as undefined. Found by
 * a review.
 */
jest.mock('express', () => jest.requireActual('../../node_modules/express4'));

import { SERVINGS, withServer, type Serving } from './serve-both-ways';

// The app's own Express 5 (the mock above is what the package resolves).
const express5 = jest.requireActual<typeof import('express')>('express');

test('the package resolves Express 4 here, the app is Express 5', () => {
  expect(jest.requireActual('../../node_modules/express4/package.json').version).toMatch(/^4\./);
  expect(jest.requireActual('express/package.json').version).toMatch(/^5\./);
});

test.each(SERVINGS)('an Express 5 app reads req.query (%s)', async (serving: Serving) => {
  const app = express5();
  app.get('/search', (req, res) => {
    res.json({ q: (req.query as Record<string, unknown> | undefined)?.q ?? null });
  });
  await withServer(serving, app as never, async (url) => {
    const answer = await fetch(`${url}/search?q=shoes`);
    expect(await answer.json()).toEqual({ q: 'shoes' });
  });
});
