/**
 * Cross-device sign-in in the example app, with two browsers: A (the laptop)
 * asks for a link and shows a number; B (the phone) opens the link from the
 * email, types that number and finishes the sign-in for A. A goes on to the
 * profile by itself (its page polls), and B is not signed in. A wrong number
 * ends the cross-device path, and A's page says so.
 */
import type { Browser, Page } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveScreenshot, startAppAndBrowser } from './support/browser';
import { openLinkFromMailbox, requestLinkByEmail } from './support/flows';

let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The two-digit number A's "check your inbox" page shows. */
async function shownNumber(page: Page): Promise<string> {
  const number = (await page.locator('#match').textContent())?.trim() ?? '';
  expect(number).toMatch(/^\d{2}$/);
  return number;
}

test('a link opened on a second device signs in the first one once its number is typed there', async () => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const a = await laptop.newPage();
    await requestLinkByEmail(a, app.url, 'ada@example.com');
    const number = await shownNumber(a);
    expect(await a.locator('#match').locator('..').textContent()).toContain(
      `When you open the link on another device, type ${number} there.`,
    );
    expect(await a.locator('#cross-device-status').textContent()).toContain(
      'Waiting for the link to be opened',
    );
    await saveScreenshot(a, 'cross-device-waiting');

    const b = await phone.newPage();
    await openLinkFromMailbox(b, app.url, 'ada@example.com');
    expect(await b.locator('h1').textContent()).toBe('Finish signing in');
    expect(await b.locator('main').textContent()).toContain(
      'This sign-in link was requested in another browser or on another device.',
    );
    // Nothing has focus: no single keypress signs anyone in.
    expect(await b.locator(':focus').count()).toBe(0);
    await saveScreenshot(b, 'cross-device-confirm');
    await b.getByLabel('Number shown on that device').fill(number);
    await b.getByRole('button', { name: 'Sign in on that device' }).click();
    await b.waitForLoadState();
    expect(await b.locator('h1').textContent()).toBe('Signed in on your other device');
    expect(await b.locator('[role=status]').last().textContent()).toBe(
      'You are signed in on your other device. You can close this tab.',
    );

    // A was left alone on "check your inbox": it goes on to the profile by itself.
    await a.waitForURL(`${app.url}/profile`, { timeout: 10_000 });
    expect(await a.locator('#profile-name').textContent()).toBe('Ada Lovelace');

    // B has no session of its own.
    await b.goto(`${app.url}/profile`);
    expect(new URL(b.url()).pathname).toBe('/');
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test('a wrong number ends the cross-device path, and the first device says so', async () => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const a = await laptop.newPage();
    await requestLinkByEmail(a, app.url, 'grace@example.com');
    const number = await shownNumber(a);
    const wrong = String(((Number(number) - 10 + 1) % 90) + 10);

    const b = await phone.newPage();
    await openLinkFromMailbox(b, app.url, 'grace@example.com');
    await b.getByLabel('Number shown on that device').fill(wrong);
    await b.getByRole('button', { name: 'Sign in on that device' }).click();
    await b.waitForURL(`${app.url}/?error=verify_failed`);

    await a
      .locator('#cross-device-status', { hasText: 'can no longer finish from another device' })
      .waitFor({ timeout: 10_000 });
    expect(await a.locator('#check-again').isHidden()).toBe(true);
    expect(new URL(a.url()).pathname).toBe('/check-inbox');
  } finally {
    await laptop.close();
    await phone.close();
  }
});
