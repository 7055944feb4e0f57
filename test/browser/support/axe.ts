import axe from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/**
 * axe-core in Chromium: the WCAG 2.1 A and AA rules and axe's best practices.
 *
 * Contexts made here load axe into every page they open (`addInitScript`: the
 * browser evaluates it as each document starts, which costs far less than
 * sending and compiling its 550 KB with `addScriptTag` on every page, and keeps
 * the suites within their time). They also set `bypassCSP: true`: the pages'
 * Content-Security-Policy rightly forbids scripts the page did not name and,
 * on the routers' pages, any connection, and axe must be free to run its
 * checks (it reads the page's stylesheets). Nothing axe checks depends on the
 * CSP: markup, names, roles, landmarks, contrast. The pages are otherwise served
 * exactly as to people.
 */

const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** A browser context whose pages can be checked; `locale` sets Accept-Language too. */
export async function axeContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, bypassCSP: true });
  await context.addInitScript({ content: axe.source });
  return context;
}

/** One violation, short enough to read in a test failure. */
export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; summary: string | undefined }[];
}

/** Runs axe on the page as it is now; resolves to its violations (none is a pass). */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // The page's globals, without the DOM types (this project compiles for Node).
  type PageGlobals = { axe?: typeof axe; document: unknown };
  const injected = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).axe !== undefined,
  );
  // A page of a context not made by axeContext gets axe now.
  if (!injected) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate((tags) => {
    const { axe: injectedAxe, document } = globalThis as unknown as PageGlobals;
    return injectedAxe!.run(document as axe.ElementContext, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
  }, RULE_TAGS);
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      summary: node.failureSummary,
    })),
  }));
}

/**
 * Checks the page and reports any violation with where it was found, e.g.
 * `expect(await axeReport(page, 'confirm (de)')).toEqual([])`.
 */
export async function axeReport(page: Page, name: string): Promise<string[]> {
  const violations = await axeViolations(page);
  return violations.map(
    (v) =>
      `${name} ${new URL(page.url()).pathname}: ${v.rule} (${v.impact}) ${v.help}\n` +
      v.nodes.map((node) => `    at ${node.target}: ${node.summary ?? ''}`).join('\n'),
  );
}

/**
 * A check for pages in `lang`: the page says it is in `lang`, and axe's findings
 * (named `<prefix><name> (<lang>)`) are added to `found`.
 */
export function pageChecker(
  lang: 'en' | 'de',
  found: string[],
  prefix = '',
): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    found.push(...(await axeReport(page, `${prefix}${name} (${lang})`)));
  };
}

/** The Accept-Language a browser set to each language sends. */
const ACCEPT_LANGUAGE = { en: 'en-GB,en;q=0.9', de: 'de-DE,de;q=0.9' } as const;

/**
 * Two browsers for a file's checks, A (asks for a link) and B (the other
 * device), opened once: a context's first page is by far its slowest.
 */
export async function openTwoBrowsers(
  browser: Browser,
): Promise<{ contextA: BrowserContext; contextB: BrowserContext; a: Page; b: Page }> {
  const [contextA, contextB] = await Promise.all([axeContext(browser), axeContext(browser)]);
  const [a, b] = await Promise.all([contextA.newPage(), contextB.newPage()]);
  return { contextA, contextB, a, b };
}

/**
 * Starts the contexts over as browsers that prefer `lang`: no cookies (so no
 * session, no language picked with a switch), and that language's Accept-Language.
 */
export async function startOverIn(
  contexts: BrowserContext[],
  lang: keyof typeof ACCEPT_LANGUAGE,
): Promise<void> {
  await Promise.all(
    contexts.map(async (context) => {
      await context.clearCookies();
      await context.setExtraHTTPHeaders({ 'Accept-Language': ACCEPT_LANGUAGE[lang] });
    }),
  );
}
