import type { Page } from 'playwright-core';

/**
 * Steps a person takes in the example app, by mouse. Each waits for the page
 * it leads to, so a test reads as the path through the app.
 */

/** On the sign-in page: asks for a link by email; ends on "Check your inbox". */
export async function requestLinkByEmail(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page.fill('#email', email);
  await page.click('#email-form button[type=submit]');
  await page.waitForURL(`${appUrl}/check-inbox`);
}

/** From "Check your inbox": opens the dev mailbox and the newest link sent to `to`; ends on the confirm step. Resolves to the link. */
export async function openNewestLink(page: Page, appUrl: string, to: string): Promise<string> {
  await page.click('#open-mailbox');
  await page.waitForURL(`${appUrl}/dev/mailbox`);
  const link = page
    .locator('.message[data-kind="passwordless_link"]')
    .filter({ hasText: to })
    .first()
    .locator('a.open-link');
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`the dev mailbox has no link for ${to}`);
  await link.click();
  await page.waitForURL(/\/auth\/callback\?/);
  return href;
}

/** On the confirm step: presses "Sign in". */
export async function confirmSignIn(page: Page): Promise<void> {
  await page.click('#confirm-form button[type=submit]');
  await page.waitForLoadState();
}

/** The whole email-link sign-in; ends on the profile page. Resolves to the link used. */
export async function signInByEmailLink(
  page: Page,
  appUrl: string,
  email: string,
): Promise<string> {
  await requestLinkByEmail(page, appUrl, email);
  const link = await openNewestLink(page, appUrl, email);
  await confirmSignIn(page);
  await page.waitForURL(`${appUrl}/profile`);
  return link;
}

/**
 * The newest code sent to `to` (a phone, or an email address whose email carries a
 * code), read from the dev mailbox in another tab.
 */
export async function readNewestCode(page: Page, appUrl: string, to: string): Promise<string> {
  const mailbox = await page.context().newPage();
  try {
    await mailbox.goto(`${appUrl}/dev/mailbox`);
    const code = await mailbox
      .locator(`.message[data-to="${to}"]`)
      .filter({ has: mailbox.locator('.code') })
      .first()
      .locator('.code')
      .textContent();
    if (!code) throw new Error(`the dev mailbox has no code for ${to}`);
    return code.trim();
  } finally {
    await mailbox.close();
  }
}

/**
 * From any page: opens the dev mailbox and the newest link sent to `to`, as a
 * second device that only has the email would; ends on the confirm step.
 */
export async function openLinkFromMailbox(page: Page, appUrl: string, to: string): Promise<void> {
  await page.goto(`${appUrl}/dev/mailbox`);
  await page
    .locator(`.message[data-kind="passwordless_link"][data-to="${to}"]`)
    .first()
    .locator('a.open-link')
    .click();
  await page.waitForURL(/\/auth\/callback\?/);
}

/** A link without its `flow` reference: opened as a browser that cannot be told from any other. */
export function withoutFlow(link: string): string {
  const url = new URL(link);
  url.searchParams.delete('flow');
  return url.href;
}
