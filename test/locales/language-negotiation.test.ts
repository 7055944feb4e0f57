/**
 * Which language a request gets: the best of English and the app's `locales`
 * by `Accept-Language` (quality values, `fr-CA` → `fr`), English when nothing
 * fits, and English for each key a partial catalogue leaves out.
 */
import express, { type Request } from 'express';
import request from 'supertest';
import { MAX_REMEMBERED_HEADERS, Translator } from '../../src/i18n';
import { en } from '../../src/locales/en';
import { de } from '../../src/locales/de';
import { fr } from '../../src/locales/fr';
import { startTestApp, type TestApp } from '../support/test-app';

/** A link opened in a browser that did not ask for it: a page, and nothing is sent. */
const LINK = '/auth/callback?vtoken=some-link-token-0000';

async function pageFor(t: TestApp, acceptLanguage?: string): Promise<string> {
  const req = request(t.app).get(LINK);
  if (acceptLanguage !== undefined) req.set('Accept-Language', acceptLanguage);
  const page = await req;
  expect(page.status).toBe(200);
  return page.text;
}

const langOf = (html: string): string | undefined => /<html lang="([^"]*)"/.exec(html)?.[1];

describe('with German and French on offer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      requestRouter: { locales: { de, fr } },
      verifyRouter: { locales: { de, fr } },
    });
  });
  afterAll(async () => t.close());

  test.each([
    ['fr-CA, de;q=0.5', 'fr'],
    ['de;q=0.5, fr;q=0.9', 'fr'],
    ['de-AT', 'de'],
    ['en-GB, de;q=0.8', 'en'],
    ['ja, zh;q=0.8', 'en'],
    ['*', 'en'],
  ])('Accept-Language: %s picks %s', async (acceptLanguage, lang) => {
    expect(langOf(await pageFor(t, acceptLanguage))).toBe(lang);
  });

  test('a request without Accept-Language gets English', async () => {
    const page = await pageFor(t);
    expect(langOf(page)).toBe('en');
    expect(page).toContain(`<h1>${en['page.otherBrowser.title']}</h1>`);
  });

  test('the picked language serves the whole page', async () => {
    const page = await pageFor(t, 'fr-CA, de;q=0.5');
    expect(page).toContain(`<h1>${fr['page.otherBrowser.title']}</h1>`);
    expect(page).toContain(fr['page.otherBrowser.warning']);
  });
});

test('a partial catalogue falls back to English key by key', async () => {
  const partial = { 'page.otherBrowser.title': de['page.otherBrowser.title'] };
  const t = await startTestApp({
    requestRouter: { locales: { de: partial } },
    verifyRouter: { locales: { de: partial } },
  });
  try {
    const page = await pageFor(t, 'de');
    expect(langOf(page)).toBe('de');
    expect(page).toContain(`<h1>${de['page.otherBrowser.title']}</h1>`);
    expect(page).toContain(en['page.otherBrowser.warning']);
    expect(page).toContain(en['page.otherBrowser.acknowledge']);

    const json = await request(t.app)
      .post('/auth/callback')
      .set('Accept-Language', 'de')
      .send({ vtoken: 'no-such-token-0000' });
    expect(json.body.error.message).toBe(en['error.verifyFailed']);
  } finally {
    await t.close();
  }
});

describe('the language each Accept-Language value picked is remembered', () => {
  /** A request as Express makes it; the negotiation (Express's own, spied on) is counted. */
  const requestWith = (acceptLanguage?: string): Request =>
    Object.assign(Object.create(express.request) as Request, {
      headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
    });
  let negotiations: jest.SpyInstance;
  beforeEach(() => {
    negotiations = jest.spyOn(express.request, 'acceptsLanguages');
  });
  afterEach(() => negotiations.mockRestore());
  const negotiated = (): unknown[] =>
    negotiations.mock.contexts.map((req) => (req as Request).headers['accept-language']);

  test('negotiated once per value, and a different value still gets its own language', () => {
    const translator = new Translator({ de, fr });
    expect(translator.for(requestWith('de-AT')).lang).toBe('de');
    expect(translator.for(requestWith('de-AT')).lang).toBe('de');
    expect(translator.for(requestWith('fr, de;q=0.5')).lang).toBe('fr');
    expect(translator.for(requestWith()).lang).toBe('en');
    expect(translator.for(requestWith()).lang).toBe('en');
    expect(translator.for(requestWith('')).lang).toBe('en');
    expect(negotiated()).toEqual(['de-AT', 'fr, de;q=0.5', undefined, '']);
  });

  test('a client sending a new value each time cannot grow it past its bound, and answers stay right', () => {
    const translator = new Translator({ de, fr });
    translator.for(requestWith('fr'));
    for (let i = 0; i < MAX_REMEMBERED_HEADERS; i += 1) {
      expect(translator.for(requestWith(`de, x-${i};q=0.1`)).lang).toBe('de');
    }
    // Full: it started over, so 'fr' is negotiated again, and still picks French.
    expect(translator.for(requestWith('fr')).lang).toBe('fr');
    expect(negotiated().filter((value) => value === 'fr')).toHaveLength(2);
  });

  test('a very long value is negotiated every time rather than remembered', () => {
    const translator = new Translator({ de, fr });
    const long = `fr, ${'x-abcdefgh;q=0.1, '.repeat(20)}`;
    expect(translator.for(requestWith(long)).lang).toBe('fr');
    expect(translator.for(requestWith(long)).lang).toBe('fr');
    expect(negotiated()).toHaveLength(2);
  });

  test("an app's own acceptsLanguages (a language by path, say) is asked every time", () => {
    const translator = new Translator({ de, fr });
    const byPath = (path: string): Request =>
      Object.assign(requestWith('en-US'), {
        acceptsLanguages: (tags: string[]) =>
          tags.find((tag) => path.startsWith(`/${tag}/`)) ?? 'en',
      });
    expect(translator.for(byPath('/fr/page')).lang).toBe('fr');
    expect(translator.for(byPath('/de/page')).lang).toBe('de');
    expect(translator.for(byPath('/page')).lang).toBe('en');
  });
});
