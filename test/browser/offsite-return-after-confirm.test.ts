/**
 * An app allows a return to another of its origins (`allowedRedirectUrls`), and
 * a person confirms a link on the built-in confirm page (security.md item 33).
 * Browsers hold a form's redirect to the page's CSP `form-action`; with only
 * `'self'` there, the 303 to the allowed origin was blocked after the token had
 * been spent: a dead end. The built-in pages now list the allowed origins.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium } from './support/browser';

let browser: Browser;
let t: TestApp;
let appServer: Server;
let otherOrigin: Server;
let appUrl: string;
let otherUrl: string;

function listen(server: Server, host: string): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, host, () =>
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  otherOrigin = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Landed</title><h1>Landed on the other origin</h1>');
  });
  otherUrl = await listen(otherOrigin, 'localhost');
  t = await startTestApp({
    requestRouter: { allowedRedirectUrls: [`${otherUrl}/`] },
    verifyRouter: { allowedRedirectUrls: [`${otherUrl}/`] },
  });
  appServer = createServer(t.app);
  appUrl = await listen(appServer, '127.0.0.1');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => appServer?.close(resolve));
  await new Promise((resolve) => otherOrigin?.close(resolve));
  await t?.close();
});

test('the confirm form lands on an allowed off-site returnTo', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const target = `${otherUrl}/welcome`;
  const sent = await context.request.post(`${appUrl}/auth/link`, {
    form: { email: 'ada@example.com', returnTo: target },
  });
  expect(sent.status()).toBe(200);
  const link = new URL(t.emulator.outbox.latest('ada@example.com')!.link!);
  await page.goto(`${appUrl}/auth/callback${link.search}`);
  const csp = (await page.request.get(page.url())).headers()['content-security-policy'];
  expect(csp).toContain(`form-action 'self' ${otherUrl}`);
  await Promise.all([page.waitForURL(target), page.click('button[type=submit]')]);
  expect(await page.locator('h1').textContent()).toBe('Landed on the other origin');
  expect(t.emulator.calls.verifyEmailToken).toBe(1);
  await context.close();
});
