/**
 * A person opens a link that was already used (here: the same link, first
 * spent on another device). The page that says so offers "Send me a new link"
 * for this browser's sign-in in progress; one click sends it, and the new link
 * in the dev mailbox signs in. The button waits out the resend cooldown,
 * shortened to two seconds (RESEND_COOLDOWN_SECONDS) so the test can see it end.
 */
import type { Browser } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveScreenshot, startAppAndBrowser } from './support/browser';
import { confirmSignIn, openLinkFromMailbox, requestLinkByEmail } from './support/flows';

const EMAIL = 'grace@example.com';
let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser({ RESEND_COOLDOWN_SECONDS: '2' }));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a used link leads to a fresh link in one click', async () => {
  const mine = await browser.newContext();
  const other = await browser.newContext();
  try {
    const page = await mine.newPage();
    await requestLinkByEmail(page, app.url, EMAIL);
    await openLinkFromMailbox(page, app.url, EMAIL);
    const firstLink = page.url();

    // Another browser spends the link first (with the deliberate tick it asks for).
    const elsewhere = await other.newPage();
    await elsewhere.goto(firstLink);
    await elsewhere.getByLabel('I asked for this link myself').check();
    await elsewhere.getByRole('button', { name: 'Sign in on this device' }).click();
    await elsewhere.waitForURL(`${app.url}/profile`);

    // Back in this browser, the link is dead.
    await confirmSignIn(page);
    await page.waitForURL(`${app.url}/sign-in-problem?error=verify_failed&resend=1`);
    expect(await page.locator('h1').textContent()).toBe('Sign-in problem');
    expect(await page.locator('[role=alert]').textContent()).toContain('already used');
    expect(await page.locator('#resend-form').textContent()).toContain(
      'We will send it to g***@example.com.',
    );
    const resend = page.getByRole('button', { name: 'Send me a new link' });
    await saveScreenshot(page, 'dead-link');

    // The button is usable once the cooldown allows another send: wait for that, then one click.
    await page.locator('#resend-button:not([disabled])').waitFor({ timeout: 10_000 });
    await resend.click();
    await page.waitForURL(`${app.url}/check-inbox`);

    await openLinkFromMailbox(page, app.url, EMAIL);
    expect(page.url()).not.toBe(firstLink);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await confirmSignIn(page);
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Grace Hopper');
  } finally {
    await mine.close();
    await other.close();
  }
});
