/**
 * A person whose browser prefers German goes through the whole email-link
 * sign-in in German: the app's own pages and the routers' pages (the confirm
 * step), each carrying <html lang="de">. The language switch in the header
 * changes the language of the page at hand and of everything after it, the
 * package's JSON messages included.
 */
import type { Browser, Page } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveScreenshot, startAppAndBrowser } from './support/browser';
import { confirmSignIn, openNewestLink } from './support/flows';

let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function language(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

async function heading(page: Page): Promise<string | null> {
  return page.locator('h1').textContent();
}

test('a browser that prefers German signs in by email link in German', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    expect(await language(page)).toBe('de');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await heading(page)).toBe('Ohne Passwort anmelden');
    expect(await page.locator('#by-email').textContent()).toBe('Link per E-Mail');
    await page.getByLabel('E-Mail-Adresse').fill('ada@example.com');
    await page.getByRole('button', { name: 'Link per E-Mail senden' }).click();
    await page.waitForURL(`${app.url}/check-inbox`);

    expect(await language(page)).toBe('de');
    expect(await heading(page)).toBe('Posteingang prüfen');
    expect(await page.locator('main').textContent()).toContain(
      'Wenn Sie den Link auf einem anderen Gerät öffnen, geben Sie dort',
    );
    expect(await page.locator('#open-mailbox').textContent()).toBe('Entwickler-Postfach öffnen');
    await saveScreenshot(page, 'check-inbox-de');

    await page.click('#open-mailbox');
    await page.waitForURL(`${app.url}/dev/mailbox`);
    expect(await heading(page)).toBe('Entwickler-Postfach');
    expect(await page.locator('a.open-link').first().textContent()).toBe('Anmeldelink öffnen');
    await page.goto(`${app.url}/check-inbox`);
    await openNewestLink(page, app.url, 'ada@example.com');

    // The confirm step is the verify router's page, in the demo's look and in German.
    expect(await language(page)).toBe('de');
    expect(await heading(page)).toBe('Anmelden');
    expect(await page.locator('#confirm-form button').textContent()).toBe('Anmelden');
    await confirmSignIn(page);
    await page.waitForURL(`${app.url}/profile`);

    expect(await language(page)).toBe('de');
    expect(await heading(page)).toBe('Hallo, Ada');
    expect(await page.locator('[role=status]').first().textContent()).toBe(
      'Sie sind als Ada Lovelace angemeldet.',
    );
    expect((await page.locator('#logout-form button').textContent())?.trim()).toBe('Abmelden');
    await saveScreenshot(page, 'profile-de');
  } finally {
    await context.close();
  }
});

test('the language switch changes the page at hand, the pages after it and the JSON messages', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  // A code with no sign-in in progress, posted by the page (so with the browser's
  // Accept-Language): the verify router refuses it in the request's language.
  const jsonMessage = (): Promise<string> =>
    page.evaluate(async () => {
      const answer = await fetch('/auth/otp/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ otp: '123456' }),
      });
      return ((await answer.json()) as { error: { message: string } }).error.message;
    });
  try {
    await page.goto(`${app.url}/?error=verify_failed`);
    expect(await heading(page)).toBe('Ohne Passwort anmelden');
    expect(await jsonMessage()).toContain('ungültig oder abgelaufen');

    // The current language is marked, the others are buttons named in their own language.
    expect(await page.locator('[aria-current="true"]').textContent()).toContain('Deutsch');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(`${app.url}/?error=verify_failed`);
    expect(await language(page)).toBe('en');
    expect(await heading(page)).toBe('Sign in without a password');
    expect(await page.locator('[role=alert]').textContent()).toContain(
      'invalid, has expired or was already used',
    );
    expect(await jsonMessage()).toBe(
      'That sign-in link or code is invalid or has expired. Please request a new one.',
    );

    await page.goto(`${app.url}/dev/mailbox`);
    expect(await heading(page)).toBe('Dev mailbox');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.waitForURL(`${app.url}/dev/mailbox`);
    expect(await language(page)).toBe('fr');
    expect(await heading(page)).toBe('Boîte de développement');
    expect(await jsonMessage()).toContain('invalide ou a expiré');
  } finally {
    await context.close();
  }
});
