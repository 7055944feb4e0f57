/**
 * errorHandler() answers what fails before the routers (the app's own body
 * parsers) as the routers answer their failures: JSON to JSON clients, and to an
 * HTML form post the error page with the status, or a 303 to `failureRedirect`.
 * A form post over express.urlencoded()'s limit used to get JSON in a browser.
 */
import express from 'express';
import session, { MemoryStore } from 'express-session';
import request from 'supertest';
import { errorHandler, guardSessionStore, type ErrorHandlerOptions } from '../../src/index';
import { de } from '../../src/locales/de';

function app(options?: ErrorHandlerOptions): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false, limit: '1kb' }));
  app.use(express.json({ limit: '1kb' }));
  app.post('/auth/link', (_req, res) => res.json({ sent: true }));
  app.use(errorHandler(options));
  return app;
}

const bigForm = `email=${'a'.repeat(2000)}%40example.com`;

test('a browser form post over the limit gets the error page, with the status', async () => {
  const answer = await request(app())
    .post('/auth/link')
    .type('form')
    .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
    .send(bigForm);
  expect(answer.status).toBe(413);
  expect(answer.headers['content-type']).toMatch(/^text\/html/);
  expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.text).toContain('That request is too large.');
  expect(answer.text).toContain('href="/"');
});

test('the error page is in the language of the browser and links to signInPath', async () => {
  const answer = await request(app({ locales: { de }, signInPath: '/anmelden' }))
    .post('/auth/link')
    .type('form')
    .set('Accept', 'text/html')
    .set('Accept-Language', 'de')
    .send(bigForm);
  expect(answer.status).toBe(413);
  expect(answer.text).toContain('lang="de"');
  expect(answer.text).toContain('href="/anmelden"');
});

test('with failureRedirect, a browser is sent there with the code', async () => {
  const answer = await request(app({ failureRedirect: '/sign-in?from=auth' }))
    .post('/auth/link')
    .type('form')
    .set('Accept', 'text/html')
    .send(bigForm);
  expect(answer.status).toBe(303);
  expect(answer.headers.location).toBe('/sign-in?from=auth&error=payload_too_large');
});

test('JSON clients still get the JSON shape: a JSON body, or Accept: application/json', async () => {
  const badJson = await request(app())
    .post('/auth/link')
    .set('Content-Type', 'application/json')
    .set('Accept', 'text/html')
    .send('{"email":');
  expect(badJson.status).toBe(400);
  expect(badJson.body).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String) } });
  const bigForm413 = await request(app())
    .post('/auth/link')
    .type('form')
    .set('Accept', 'application/json')
    .send(bigForm);
  expect(bigForm413.status).toBe(413);
  expect(bigForm413.body.error.code).toBe('PAYLOAD_TOO_LARGE');
});

test('its options are checked at setup', () => {
  expect(() => errorHandler({ failureRedirect: 'https://evil.example/' })).toThrow(
    /failureRedirect/,
  );
  expect(() => errorHandler({ signInPath: '//evil.example' })).toThrow(/signInPath/);
  expect(() => errorHandler({ renderPage: 'error.html' } as never)).toThrow(/renderPage/);
  expect(() => errorHandler({ locales: { 'not a tag': {} } } as never)).toThrow(/locales/);
});

// Only form posts are sent to failureRedirect: a GET would loop, a script would follow.
function appWithStore(failing: () => boolean): express.Express {
  const inner = new MemoryStore();
  const realGet = inner.get.bind(inner);
  inner.get = (sid, callback) =>
    failing() ? callback(new Error('ECONNRESET')) : realGet(sid, callback);
  const app = express();
  app.use(
    session({
      secret: 's',
      resave: false,
      saveUninitialized: true,
      store: guardSessionStore(inner),
    }),
  );
  app.get('/sign-in', (_req, res) => res.send('<form>sign in</form>'));
  app.delete('/api/items/:id', (_req, res) => res.json({ deleted: true }));
  app.use(errorHandler({ failureRedirect: '/sign-in' }));
  return app;
}

test('a session store outage answers the failure page 503, not a redirect to itself', async () => {
  let down = false;
  const app = appWithStore(() => down);
  const first = await request(app).get('/sign-in').expect(200);
  const cookie = ([] as string[]).concat(first.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  down = true;

  // The browser, sent to the failure page, asks for it: it is sent to it again.
  const page = await request(app)
    .get('/sign-in?error=unavailable')
    .set('Cookie', cookie)
    .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
  expect({ status: page.status, location: page.headers.location }).toEqual({
    status: 503,
    location: undefined,
  });
});

test('a fetch() API call (Accept: */*) during the outage gets a 503, not a 303 it follows to a 200', async () => {
  let down = false;
  const app = appWithStore(() => down);
  const first = await request(app).get('/sign-in').expect(200);
  const cookie = ([] as string[]).concat(first.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  down = true;
  const res = await request(app).delete('/api/items/7').set('Cookie', cookie).set('Accept', '*/*');
  expect(res.status).toBe(503);
});
