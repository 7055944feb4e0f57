/**
 * Every page of the example app, in English and in German, passes axe-core's
 * WCAG 2.1 A/AA rules and best practices: sign-in (with and without an error),
 * "check your inbox" (with the cross-device number and the code field, and
 * after a failed code; /auth/link/sent draws the same view), the confirm step
 * in each form (this browser, another browser with and without the
 * cross-device offer, refused with and without it), "signed in on your other
 * device", "enter your code" (SMS, voice), the sign-in problem page with "Send
 * me a new link", the profile, the dev mailbox (links, codes, a voice call)
 * and the not-found page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import {
  startExampleApp,
  type ExampleAppProcess,
} from '../example-app/support/example-app-process';
import { openTwoBrowsers, pageChecker, startOverIn } from './support/axe';
import { withoutFlow } from './support/flows';
import { startAppAndBrowser } from './support/browser';

let app: ExampleAppProcess;
/** The same app refusing links opened in another browser (LINK_BINDING=same-browser). */
let strictApp: ExampleAppProcess;
let browser: Browser;
let browsers: Awaited<ReturnType<typeof openTwoBrowsers>>;

beforeAll(async () => {
  [{ app, browser }, strictApp] = await Promise.all([
    startAppAndBrowser(),
    startExampleApp({ LINK_BINDING: 'same-browser' }),
  ]);
  browsers = await openTwoBrowsers(browser);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), strictApp?.stop()]);
});

/** Who signs in in each language: every send has its own cooldown key. */
const PEOPLE = {
  en: {
    email: 'ada@example.com',
    phone: '+14155550101',
    voicePhone: '+14155550111',
    linus: { email: 'linus@example.com' },
  },
  de: {
    email: 'grace@example.com',
    phone: '+442079460958',
    voicePhone: '+14155550112',
    linus: { username: 'linus' },
  },
} as const;

/**
 * Asks for a link as the sign-in form does, in this context's session (pages
 * other than the ones checked need no browser tab); resolves to the newest link
 * to `to` in the dev mailbox.
 */
async function askForLink(
  context: BrowserContext,
  url: string,
  by: { email: string } | { username: string },
  to: string,
): Promise<string> {
  const sent = await context.request.post(`${url}/auth/link`, { form: by, maxRedirects: 0 });
  expect(sent.headers().location).toBe('/check-inbox');
  const mailbox = await (await context.request.get(`${url}/dev/mailbox`)).text();
  const link = new RegExp(
    `data-to="${to}"\\s+data-kind="passwordless_link"[^]*?class="button open-link" href="([^"]+)"`,
  ).exec(mailbox)?.[1];
  if (!link) throw new Error(`no link for ${to}`);
  return link.replaceAll('&amp;', '&');
}

/**
 * Visits every page in `lang` with two browsers (A asks, B is the other device),
 * as few as possible since a browser's first page costs the most; resolves to
 * axe's findings.
 */
async function visitEveryPage(lang: 'en' | 'de'): Promise<string[]> {
  const people = PEOPLE[lang];
  const found: string[] = [];
  const check = pageChecker(lang, found);
  const { contextA, contextB, a, b } = browsers;
  await startOverIn([contextA, contextB], lang);
  await a.goto(`${app.url}/`);
  await check(a, 'sign-in');
  await a.goto(`${app.url}/?error=invalid_input`);
  await check(a, 'sign-in with an error');

  const link = await askForLink(contextA, app.url, { email: people.email }, people.email);
  await a.goto(`${app.url}/check-inbox`);
  await check(a, 'check your inbox');
  const number = (await a.locator('#match').textContent())?.trim() ?? '';
  await a.goto(`${app.url}/check-inbox?error=verify_failed&resend=1`);
  await check(a, 'check your inbox after a wrong code');
  await a.goto(`${app.url}/sign-in-problem?error=verify_failed&resend=1`);
  await check(a, 'sign-in problem with "send me a new link"');

  await b.goto(link);
  await check(b, 'confirm: another device, with the cross-device offer');
  await b.goto(withoutFlow(link));
  await check(b, 'confirm: another browser');
  await a.goto(link);
  await check(a, 'confirm: this browser');

  await b.goto(link);
  await b.fill('#match', number);
  await b.click('#other-device-form button[type=submit]');
  await b.waitForLoadState();
  await check(b, 'signed in on your other device');
  await a.goto(`${app.url}/auth/link/status?back=/auth/link/sent`);
  await a.waitForURL(`${app.url}/profile`);
  await check(a, 'profile');

  // A code by SMS (A, signed in: the form posts as on the sign-in page), a code by voice call (B: its own session, its own cooldown).
  await contextA.request.post(`${app.url}/auth/otp`, { form: { phone: people.phone } });
  await a.goto(`${app.url}/enter-code`);
  await check(a, 'enter your code');
  await contextB.request.post(`${app.url}/auth/otp`, {
    form: { phone: people.voicePhone, voice: '1' },
  });
  await b.goto(`${app.url}/enter-code`);
  await check(b, 'enter your code (voice call)');
  await b.goto(`${app.url}/dev/mailbox`);
  await check(b, 'dev mailbox');
  await b.goto(`${app.url}/no-such-page`);
  await check(b, 'not found');

  // The app that refuses links opened in another browser (cookies are per host, not
  // per port: A and B are done with the first app).
  const strictLink = await askForLink(contextA, strictApp.url, people.linus, 'linus@example.com');
  await b.goto(strictLink);
  expect(await b.locator('#confirm-form').count()).toBe(0);
  await check(b, 'confirm: refused, with the cross-device offer');
  await b.goto(withoutFlow(strictLink));
  expect(await b.locator('form[method="post"][action="/auth/callback"]').count()).toBe(0);
  await check(b, 'confirm: refused');
  return found;
}

test('every page, in English and in German, has no WCAG 2.1 AA or best-practice violation', async () => {
  const english = await visitEveryPage('en');
  const german = await visitEveryPage('de');
  expect([...english, ...german]).toEqual([]);
}, 60_000);
