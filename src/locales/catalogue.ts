import type { en } from './en';

/** The stable name of one string a person can see. */
export type MessageKey = keyof typeof en;

/** Every string a person can see from the package, by key: a complete language. */
export type Catalogue = { readonly [K in MessageKey]: string };

/**
 * The `locales` option: language tag (BCP 47, such as `'de'` or `'pt-BR'`) →
 * catalogue. A partial catalogue falls back to English key by key.
 */
export type Locales = Readonly<Record<string, Partial<Catalogue>>>;
