/**
 * Every page the routers render themselves, in English and in German, passes
 * axe-core's WCAG 2.1 A/AA rules and best practices: the confirm step in each
 * form (this browser, another browser, the cross-device offer, refused with and
 * without it), "check your inbox" with the number and the code field, "enter
 * your code" (during the cooldown, and after it with "Call me instead"),
 * "signed in on your other device", and the error page with and without
 * "Send me a new link". The app is the README's mount with `crossDevice`,
 * `emailCode` and `locales: { de }`.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { de } from '../../src/locales/de';
import { openTwoBrowsers, pageChecker, startOverIn } from './support/axe';
import { withoutFlow } from './support/flows';
import { launchChromium } from './support/browser';
import { serveTestApp, type ServedTestApp } from './support/test-app-server';

const routers = { crossDevice: true, locales: { de } };
let browser: Browser;
let browsers: Awaited<ReturnType<typeof openTwoBrowsers>>;
let t: ServedTestApp;
/** The same app with `linkBinding: 'same-browser'`: a link from another browser is refused. */
let strict: ServedTestApp;

beforeAll(async () => {
  const emulator = { emailToken: 'both' as const };
  [browser, t, strict] = await Promise.all([
    launchChromium(),
    serveTestApp({
      emulator,
      // A one-second cooldown: "Call me instead" shows once it is over.
      requestRouter: { ...routers, emailCode: true, limits: { cooldownSeconds: 1 } },
      verifyRouter: routers,
    }),
    serveTestApp({
      emulator,
      requestRouter: { ...routers, emailCode: true },
      verifyRouter: { ...routers, linkBinding: 'same-browser' },
    }),
  ]);
  browsers = await openTwoBrowsers(browser);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([t?.close(), strict?.close()]);
});

/** Who signs in in each language: every send has its own cooldown key. */
const PEOPLE = {
  en: { email: 'ada@example.com', phone: '+14155550101' },
  de: { email: 'grace@example.com', phone: '+442079460958' },
} as const;

/** Asks for a link as a form would, in this context's session; resolves to the link's path. */
async function askForLink(context: BrowserContext, app: ServedTestApp, email: string) {
  const sent = await context.request.post(`${app.url}/auth/link`, {
    form: { email },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  const link = new URL(app.emulator.outbox.latest(email)!.link!);
  return `${app.url}/auth/callback${link.search}`;
}

async function visitEveryPage(lang: 'en' | 'de'): Promise<string[]> {
  const people = PEOPLE[lang];
  const found: string[] = [];
  const check = pageChecker(lang, found, 'built-in ');
  const { contextA, contextB, a, b } = browsers;
  await startOverIn([contextA, contextB], lang);
  // A browser with nothing in progress gets the way back to sign-in.
  await b.goto(`${t.url}/auth/callback?vtoken=%3Cnot%20a%20token%3E`);
  expect(await b.locator('a[href="/"]').count()).toBe(1);
  await check(b, 'error without a resend');
  // B asks for a code by SMS: its page during the cooldown now, after it at the end.
  await contextB.request.post(`${t.url}/auth/otp`, { form: { phone: people.phone } });
  await b.goto(`${t.url}/auth/otp/sent`);
  expect(await b.locator('input[name=voice]').count()).toBe(0);
  await check(b, 'otp-sent during the cooldown');

  const link = await askForLink(contextA, t, people.email);
  await a.goto(`${t.url}/auth/link/sent`);
  expect(await a.locator('.match').count()).toBe(1);
  expect(await a.locator('#otp').count()).toBe(1);
  await check(a, 'link-sent with the number and the code field');
  const number = (await a.locator('.match').textContent())?.trim() ?? '';

  await a.goto(link);
  await check(a, 'confirm: this browser');
  await b.goto(link);
  await check(b, 'confirm: another device, with the cross-device offer');
  await b.goto(withoutFlow(link));
  await check(b, 'confirm: another browser');
  await b.goto(link);
  await b.fill('#match', number);
  await b.click('form:has(#match) button[type=submit]');
  await b.waitForLoadState();
  await check(b, 'signed-in-elsewhere');

  // A code that does not sign in, typed in A's browser (a sign-in in progress): "Send me a new link".
  await a.goto(`${t.url}/auth/link/sent`);
  await a.fill('#otp', '000000');
  await a.click('form:has(#otp) button[type=submit]');
  await a.waitForLoadState();
  expect(await a.locator('form[action="/auth/link"]').count()).toBe(1);
  await check(a, 'error with "send me a new link"');

  // The one-second cooldown of B's code (asked for above) is over by now.
  await b.goto(`${t.url}/auth/otp/sent`);
  expect(await b.locator('input[name=voice]').count()).toBe(1);
  await check(b, 'otp-sent with "call me instead"');

  const strictLink = await askForLink(contextA, strict, people.email);
  await b.goto(strictLink);
  await check(b, 'confirm: refused, with the cross-device offer');
  await b.goto(withoutFlow(strictLink));
  await check(b, 'confirm: refused');
  return found;
}

test('every built-in page, in English and in German, has no WCAG 2.1 AA or best-practice violation', async () => {
  const english = await visitEveryPage('en');
  const german = await visitEveryPage('de');
  expect([...english, ...german]).toEqual([]);
}, 60_000);
