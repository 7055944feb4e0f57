import { escapeHtml } from '../../../src/index';
import { en } from '../../../src/locales/en';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a catalogue string's `{placeholders}`, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((found) => found[1]!).sort();
}

/** The pieces of a catalogue string between its placeholders, as a page's HTML holds them. */
export function fragmentsOf(text: string): string[] {
  return text
    .split(/\{\w+\}/)
    .map((piece) => piece.trim())
    .filter((piece) => /\p{L}/u.test(piece))
    .map(escapeHtml);
}

/**
 * Every piece of English of two words or more: what a page in another
 * language must not hold (one word such as "Code" may well be the same).
 */
export const ENGLISH_PHRASES: readonly string[] = [
  ...new Set(
    Object.values(en)
      .flatMap(fragmentsOf)
      .filter((piece) => piece.split(/\s+/).length >= 2),
  ),
];
