/**
 * Sign-in by SMS code in a real browser: the enter-code page, one wrong code
 * (refused, the person stays on the page), the visible resend cooldown, a new
 * code once it ends, and the right code signing in. The cooldown is shortened
 * to five seconds (RESEND_COOLDOWN_SECONDS) so the test can see it end.
 */
import type { Browser } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveScreenshot, startAppAndBrowser } from './support/browser';
import { readNewestCode } from './support/flows';

const PHONE = '+14155550101';
let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser({ RESEND_COOLDOWN_SECONDS: '5' }));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a person signs in by SMS code after one wrong code and a resend once the cooldown ends', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    await page.fill('#phone', PHONE);
    await page.click('#phone-form button[type=submit]');
    await page.waitForURL(`${app.url}/enter-code`);
    expect(await page.locator('[role=status]').first().textContent()).toContain(PHONE);

    // The cooldown is visible and the resend button waits for it.
    expect(await page.locator('#resend-button').isDisabled()).toBe(true);
    expect(await page.locator('#resend-wait').textContent()).toMatch(
      /ask for a new code in \d seconds/,
    );
    await saveScreenshot(page, 'enter-code');

    const firstCode = await readNewestCode(page, app.url, PHONE);
    const wrongCode = firstCode.replace(/.$/, (digit) => String((Number(digit) + 1) % 10));
    await page.fill('#otp', wrongCode);
    await page.click('#otp-form button[type=submit]');
    await page.waitForURL(`${app.url}/enter-code?error=verify_failed`);
    expect(await page.locator('[role=alert]').textContent()).toContain(
      'That sign-in link or code is invalid',
    );
    await saveScreenshot(page, 'wrong-code');

    // When the cooldown ends the button comes back, and that is announced once.
    await page.waitForSelector('#resend-button:not([disabled])', { timeout: 20_000 });
    expect(await page.locator('#resend-ready').textContent()).toBe(
      'You can now ask for a new code.',
    );
    await page.click('#resend-button');
    await page.waitForURL(`${app.url}/enter-code`);
    const secondCode = await readNewestCode(page, app.url, PHONE);

    await page.fill('#otp', secondCode);
    await page.click('#otp-form button[type=submit]');
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Ada Lovelace');
    await saveScreenshot(page, 'sms-profile');
  } finally {
    await context.close();
  }
});

test('the dev mailbox holds both codes, the newest first', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/dev/mailbox`);
    const codes = page.locator('.message[data-kind="passwordless_otp"]').filter({ hasText: PHONE });
    expect(await codes.count()).toBe(2);
    const times = await codes
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
  } finally {
    await context.close();
  }
});
