import express, { type Request } from 'express';
import { en } from './locales/en';
import type { Catalogue, Locales, MessageKey } from './locales/catalogue';

/** The strings and formats of one language, as a page or an answer needs them. */
export interface Messages {
  /** The language tag, for `<html lang>`. */
  readonly lang: string;
  /** The writing direction, for `<html dir>`. */
  readonly dir: 'ltr' | 'rtl';
  /** The string of `key`, with `{name}` filled in from `values`. */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  /** A time of day, such as "14:05" or "2:05 PM". */
  time(at: Date | number): string;
  /** A span from now, such as "in 45 seconds" or "3 minutes ago". */
  relative(ms: number): string;
}

/** Distinct `Accept-Language` values remembered per translator (each router has one). */
export const MAX_REMEMBERED_HEADERS = 256;
/** Longer values are negotiated every time: no browser sends one, and they would fill memory. */
const MAX_REMEMBERED_HEADER_LENGTH = 200;

// Languages written right to left, by primary subtag, for runtimes whose
// Intl.Locale has no textInfo.
const RIGHT_TO_LEFT = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/**
 * Picks a language per request with Express's own `req.acceptsLanguages()`
 * (the `negotiator` library: quality values and prefixes, `de-DE` → `de`) among
 * English and the app's `locales`, and serves its strings. Built once per router.
 */
export class Translator {
  readonly #languages = new Map<string, Messages>();
  readonly #tags: string[];
  readonly #english: Messages;
  /**
   * The language each `Accept-Language` value picked (`undefined`: none sent):
   * negotiating one costs 4-54 µs and browsers send a handful of distinct values.
   * A bounded Map that starts over when full, rather than an LRU library: a
   * client sending a new value per request only costs the negotiation it would
   * have cost anyway.
   */
  readonly #picks = new Map<string | undefined, Messages>();

  constructor(locales: Locales = {}) {
    this.#english = messagesFor('en', { ...en, ...locales.en });
    this.#languages.set('en', this.#english);
    for (const [tag, catalogue] of Object.entries(locales)) {
      if (tag.toLowerCase() === 'en') continue;
      this.#languages.set(tag, messagesFor(tag, { ...en, ...catalogue }));
    }
    this.#tags = [...this.#languages.keys()];
  }

  /** The language the request prefers among those on offer; English when none fits. */
  for(req: Request): Messages {
    if (this.#tags.length === 1) return this.#english;
    // Express's own negotiation reads nothing but the header; an app that replaced
    // it (to pick by a cookie or a path, say) is asked every time.
    if (req.acceptsLanguages !== express.request.acceptsLanguages) return this.#negotiate(req);
    const header = req.headers['accept-language'];
    const known = this.#picks.get(header);
    if (known) return known;
    const messages = this.#negotiate(req);
    if ((header?.length ?? 0) <= MAX_REMEMBERED_HEADER_LENGTH) {
      if (this.#picks.size >= MAX_REMEMBERED_HEADERS) this.#picks.clear();
      this.#picks.set(header, messages);
    }
    return messages;
  }

  #negotiate(req: Request): Messages {
    const picked = req.acceptsLanguages(this.#tags);
    return (picked && this.#languages.get(picked)) || this.#english;
  }

  /** English (for answers given before a request is known). */
  get english(): Messages {
    return this.#english;
  }
}

function messagesFor(lang: string, catalogue: Catalogue): Messages {
  const times = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
  const relatives = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return {
    lang,
    dir: directionOf(lang),
    t(key, values) {
      const text = catalogue[key] ?? en[key];
      if (!values) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(values, name) ? String(values[name]) : whole,
      );
    },
    time: (at) => times.format(at),
    relative(ms) {
      // Never "now": a moment ago is "1 second ago", a moment ahead "in 1 second".
      const seconds = Math.round(ms / 1000) || (ms < 0 ? -1 : 1);
      if (Math.abs(seconds) < 60) return relatives.format(seconds, 'second');
      const minutes = Math.round(seconds / 60);
      if (Math.abs(minutes) < 60) return relatives.format(minutes, 'minute');
      return relatives.format(Math.round(minutes / 60), 'hour');
    },
  };
}

function directionOf(lang: string): 'ltr' | 'rtl' {
  try {
    const info = (new Intl.Locale(lang) as { textInfo?: { direction?: string } }).textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // Not a well-formed tag: fall through to the list.
  }
  return RIGHT_TO_LEFT.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
