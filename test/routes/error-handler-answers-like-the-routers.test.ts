/**
 * errorHandler() answers what fails before the routers (the app's own body
 * parsers) as the routers answer their failures: JSON to JSON clients, and to an
 * HTML form post the error page with the status, or a 303 to `failureRedirect`.
 * A form post over express.urlencoded()'s limit used to get JSON in a browser.
 */
import express from 'express';
import request from 'supertest';
import { errorHandler, type ErrorHandlerOptions } from '../../src/index';
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
