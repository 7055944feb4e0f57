/**
 * Every shipped catalogue is a complete translation of English: the same keys,
 * each a non-empty string with the same `{placeholders}` (a missing one would
 * drop a value from the page, an extra one would show as `{name}`).
 */
import type { Catalogue } from '../../src/index';
import { de } from '../../src/locales/de';
import { en } from '../../src/locales/en';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { placeholdersOf } from './support/phrases';

const SHIPPED: [string, Catalogue][] = [
  ['de', de],
  ['es', es],
  ['fr', fr],
];

describe.each(SHIPPED)('the %s catalogue', (_tag, catalogue) => {
  test('has exactly the keys of English', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  test('has a non-empty string for every key', () => {
    const empty = Object.entries(catalogue).filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  test('keeps the placeholders of every English string', () => {
    const differing = Object.entries(en)
      .filter(([key, text]) => {
        const translated = catalogue[key as keyof Catalogue];
        return placeholdersOf(translated).join() !== placeholdersOf(text).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  test('leaves no sentence in English (one word such as "Code" may read the same)', () => {
    const untranslated = Object.entries(en)
      .filter(([key, text]) => catalogue[key as keyof Catalogue] === text && /\s/.test(text))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

test('French strings use typographic apostrophes and no-break spaces before : ; ? !', () => {
  const loose = Object.entries(fr)
    .filter(([, text]) => /'|[^\u00a0\u202f][:;?!]|[\u00a0\u202f]$/.test(text))
    .map(([key]) => key);
  expect(loose).toEqual([]);
});
