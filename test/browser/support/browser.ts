import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  REPO_ROOT,
  startExampleApp,
  type ExampleAppProcess,
} from '../../example-app/support/example-app-process';

/**
 * Debian's chromium package, driven by playwright-core (a browser download
 * cannot work on CI). A missing browser fails the tests with what to install.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'browser');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install it with ` +
        '`apt-get install chromium` (scripts/test.sh does this on Debian).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-artifacts/browser/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * With UPDATE_SCREENSHOTS=1, also writes docs/<name>.png, the screenshots the
 * example app's README shows; otherwise the committed ones are left alone.
 */
export async function saveDocsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(REPO_ROOT, 'docs', `${name}.png`), fullPage: true });
}

/**
 * Starts the example app and Chromium side by side. If either fails, the other
 * is shut down before the error is thrown, so no app process outlives the test.
 */
export async function startAppAndBrowser(
  env: Record<string, string> = {},
): Promise<{ app: ExampleAppProcess; browser: Browser }> {
  const [app, browser] = await Promise.allSettled([startExampleApp(env), launchChromium()]);
  if (app.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { app: app.value, browser: browser.value };
  }
  if (app.status === 'fulfilled') await app.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw app.status === 'rejected' ? app.reason : (browser as PromiseRejectedResult).reason;
}
