/**
 * The first thing a new user does: open the demo, ask for a link for a demo
 * account (by email or by username), take it from the dev mailbox, confirm, and
 * land on the profile; or type the code from the same email on "check your
 * inbox". Then what must not work: the same link twice; and signing out ends
 * the session.
 */
import type { Browser } from 'playwright-core';
import type { ExampleAppProcess } from '../example-app/support/example-app-process';
import { saveDocsScreenshot, saveScreenshot, startAppAndBrowser } from './support/browser';
import {
  confirmSignIn,
  openNewestLink,
  readNewestCode,
  requestLinkByEmail,
  signInByEmailLink,
} from './support/flows';

let app: ExampleAppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startAppAndBrowser());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a person signs in with an email link from the dev mailbox and sees their profile', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    await page.locator('#demo-accounts').waitFor();
    await saveScreenshot(page, 'sign-in');
    await saveDocsScreenshot(page, 'sign-in');

    await requestLinkByEmail(page, app.url, 'ada@example.com');
    expect(await page.locator('h1').textContent()).toBe('Check your inbox');
    await saveScreenshot(page, 'check-inbox');

    const link = await openNewestLink(page, app.url, 'ada@example.com');
    expect(link).toMatch(
      new RegExp(`^${app.url}/auth/callback\\?flow=[\\w-]+&vtype=oneclicksignin&vtoken=`),
    );
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await saveScreenshot(page, 'confirm');

    await confirmSignIn(page);
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Ada Lovelace');
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('ada@example.com');
    expect(facts).toContain('+14155550101');
    expect(await page.locator('#profile-uid').textContent()).toMatch(/^[0-9a-f]{32}$/);
    expect(await page.locator('#session-ends').getAttribute('datetime')).toMatch(/^\d{4}-/);
    await saveScreenshot(page, 'profile');
    await saveDocsScreenshot(page, 'profile');
  } finally {
    await context.close();
  }
});

test('a person signs in by username: the link goes to the address on the account', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}/`);
    await page.fill('#username', 'grace');
    await page.click('#username-form button[type=submit]');
    await page.waitForURL(`${app.url}/check-inbox`);
    await openNewestLink(page, app.url, 'grace@example.com');
    await confirmSignIn(page);
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Grace Hopper');
    await saveScreenshot(page, 'username-profile');
  } finally {
    await context.close();
  }
});

test('a code from the email, typed on "check your inbox", signs in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // By username (its own cooldown key): the email goes to ada@example.com.
    await page.goto(`${app.url}/`);
    await page.fill('#username', 'ada');
    await page.click('#username-form button[type=submit]');
    await page.waitForURL(`${app.url}/check-inbox`);
    const code = await readNewestCode(page, app.url, 'ada@example.com');
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Code from the email').fill(code);
    await saveScreenshot(page, 'emailed-code');
    await page.locator('#email-code-form').getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}/profile`);
    expect(await page.locator('#profile-name').textContent()).toBe('Ada Lovelace');
  } finally {
    await context.close();
  }
});

test('the dev mailbox lists what was sent newest first, with clickable links', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // By username (its own cooldown key), so the sign-out test below can use the email.
    await page.goto(`${app.url}/`);
    await page.fill('#username', 'linus');
    await page.click('#username-form button[type=submit]');
    await page.waitForURL(`${app.url}/check-inbox`);
    await page.goto(`${app.url}/dev/mailbox`);
    const first = page.locator('.message').first();
    expect(await first.getAttribute('data-to')).toBe('linus@example.com');
    expect(await first.locator('a.open-link').getAttribute('href')).toMatch(/vtoken=/);
    expect(await page.locator('.callout-dev').textContent()).toContain('Development only');
    await saveScreenshot(page, 'dev-mailbox');
  } finally {
    await context.close();
  }
});

test('a link that was already used is refused with a friendly message', async () => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const firstPage = await first.newPage();
    const link = await signInByEmailLink(firstPage, app.url, 'grace@example.com');

    // The same link again, as if forwarded to another browser: that browser is told
    // so, nothing has focus, and signing in takes a deliberate tick.
    const page = await second.newPage();
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('Check this sign-in link');
    expect(await page.locator('[role=note]').last().textContent()).toContain(
      'requested in another browser or on another device',
    );
    expect(await page.locator(':focus').count()).toBe(0);
    await page.getByLabel('I asked for this link myself').check();
    await confirmSignIn(page);
    // This browser has no sign-in in progress, so there is nothing to resend: back to the form.
    await page.waitForURL(`${app.url}/?error=verify_failed`);
    expect(await page.locator('[role=alert]').textContent()).toContain(
      'invalid, has expired or was already used',
    );
    await saveScreenshot(page, 'used-link');
    await page.goto(`${app.url}/profile`);
    expect(new URL(page.url()).pathname).toBe('/');
  } finally {
    await first.close();
    await second.close();
  }
});

test('signing out ends the session: the profile is no longer reachable', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInByEmailLink(page, app.url, 'linus@example.com');
    await page.click('#logout-form button[type=submit]');
    await page.waitForURL(`${app.url}/?signed_out=1`);
    expect(await page.locator('[role=status]').first().textContent()).toContain(
      'You have signed out',
    );
    await saveScreenshot(page, 'signed-out');
    await page.goto(`${app.url}/profile`);
    expect(new URL(page.url()).pathname).toBe('/');
    const cookies = await context.cookies(app.url);
    expect(cookies.find((cookie) => cookie.name === 'example.sid')).toBeUndefined();
  } finally {
    await context.close();
  }
});
