/**
 * On the built-in pages, in Chromium: a person whose email carries a code as
 * well as a link types the code on the "check your inbox" page and is signed in
 * (`emailCode: true`); the link is the other way, and keeps working.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { serveTestApp, type ServedTestApp } from './support/test-app-server';

let browser: Browser;
let t: ServedTestApp;
beforeAll(async () => {
  [browser, t] = await Promise.all([
    launchChromium(),
    serveTestApp({ emulator: { emailToken: 'both' }, requestRouter: { emailCode: true } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

test('the code typed on "check your inbox" signs in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The app's own sign-in form would post this; the built-in routers have none.
  const sent = await context.request.post(`${t.url}/auth/link`, {
    form: { email: 'grace@example.com' },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  await page.goto(`${t.url}${sent.headers().location}`);
  expect(await page.locator('h1').textContent()).toBe('Check your inbox');
  await page
    .getByLabel('Code from the email')
    .fill(t.emulator.outbox.latest('grace@example.com')!.otp!);
  await Promise.all([
    page.waitForURL(`${t.url}/`),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  const me = await context.request.get(`${t.url}/me`, { headers: { accept: 'application/json' } });
  expect(((await me.json()) as { email: string }).email).toBe('grace@example.com');
  expect(t.emulator.calls.verifyEmailOtp).toBe(1);
  await context.close();
});
