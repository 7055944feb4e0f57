/**
 * A person whose browser asks for German, Spanish or French gets every built-in
 * page, and the JSON answers, in that language: not one English sentence left,
 * every translated page string shown somewhere, `<html lang dir>` set.
 */
import type { Catalogue } from '../../src/index';
import { de } from '../../src/locales/de';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { ENGLISH_PHRASES, fragmentsOf } from './support/phrases';
import { tourEveryPage, type Tour } from './support/page-tour';

describe.each<[string, string, Catalogue, string]>([
  ['German', 'de', de, 'de-DE,de;q=0.9'],
  ['Spanish', 'es', es, 'es-ES,es;q=0.9'],
  ['French', 'fr', fr, 'fr-FR,fr;q=0.9'],
])('a browser that asks for %s', (_language, tag, catalogue, acceptLanguage) => {
  let tour: Tour;
  beforeAll(async () => {
    tour = await tourEveryPage({ [tag]: catalogue }, acceptLanguage);
  });

  test(`gets every page marked <html lang="${tag}" dir="ltr">`, () => {
    const tags = Object.values(tour.pages).map((html) => /<html[^>]*>/.exec(html)?.[0]);
    expect(new Set(tags)).toEqual(new Set([`<html lang="${tag}" dir="ltr">`]));
    expect(tags).toHaveLength(14);
  });

  test('sees no sentence of the English catalogue on any page', () => {
    const english = Object.entries(tour.pages).flatMap(([page, html]) =>
      ENGLISH_PHRASES.filter((phrase) => html.includes(phrase)).map(
        (phrase) => `${page}: ${phrase}`,
      ),
    );
    expect(english).toEqual([]);
  });

  test('sees every page string of the catalogue on some page (the tour misses none)', () => {
    const everything = Object.values(tour.pages).join('\n');
    const unseen = Object.entries(catalogue)
      .filter(([key]) => key.startsWith('page.'))
      .filter(([, text]) => !fragmentsOf(text).every((piece) => everything.includes(piece)))
      .map(([key]) => key);
    expect(unseen).toEqual([]);
  });

  test('gets the message of a JSON refusal in that language', () => {
    expect(tour.json).toEqual({ status: 401, message: catalogue['error.verifyFailed'] });
  });
});
