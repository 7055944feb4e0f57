/**
 * The demo works for everyone: someone using only a keyboard can sign in (every
 * step reachable with Tab, submitted with Enter, the focus visibly outlined),
 * every field has a label, and the pages fit a phone screen.
 */
import type { Browser, Page } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveScreenshot, startAppAndBrowser } from './support/browser';

let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Presses Tab until the element matching `selector` has focus (at most 40 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    const focused = await hasFocus(page, selector);
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => element.matches(':focus'));
}

/** The outline style of the focused element: the visible focus ring. */
async function focusOutline(page: Page): Promise<string> {
  return page
    .locator(':focus')
    .evaluate(
      (element) => element.ownerDocument.defaultView?.getComputedStyle(element).outlineStyle ?? '',
    );
}

test('a person signs in by email link with only Tab and Enter', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await hasFocus(page, '.skip-link')).toBe(true);

    await tabTo(page, '#email');
    expect(await focusOutline(page)).toBe('solid');
    await page.keyboard.type('grace@example.com');
    await saveScreenshot(page, 'keyboard-sign-in');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/check-inbox`);

    await tabTo(page, '#open-mailbox');
    expect(await focusOutline(page)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/dev/mailbox`);

    await tabTo(page, '.message[data-to="grace@example.com"] a.open-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/auth\/callback\?/);

    // The confirm button has focus on arrival: Enter signs in.
    expect(await hasFocus(page, '#confirm-form button')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Grace Hopper');

    await tabTo(page, '#logout-form button');
    await saveScreenshot(page, 'keyboard-profile');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/?signed_out=1`);
  } finally {
    await context.close();
  }
});

test('every visible field of the sign-in and enter-code pages has a label', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    const unlabelled = async (): Promise<number> =>
      page
        .locator('input:not([type=hidden])')
        // `labels` lists the <label>s that name an input (for= or wrapping).
        .evaluateAll(
          (inputs) =>
            inputs.filter((input) => !(input as unknown as { labels: unknown[] }).labels.length)
              .length,
        );
    expect(await page.locator('input:not([type=hidden])').count()).toBe(3);
    expect(await unlabelled()).toBe(0);
    await page.getByLabel('Mobile number').fill('+442079460958');
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.waitForURL(`${app.url}/enter-code`);
    await page.getByLabel('Code').waitFor();
    expect(await unlabelled()).toBe(0);
  } finally {
    await context.close();
  }
});

test('the sign-in page fits a phone screen without sideways scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    const overflow = await page
      .locator('html')
      .evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBe(0);
    await saveScreenshot(page, 'sign-in-phone');
  } finally {
    await context.close();
  }
});
