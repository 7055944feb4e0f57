import type { MessageKey } from './en';

export type { MessageKey };

/** Every string a person can see from the package, by key: a complete language. */
export type Catalogue = { readonly [K in MessageKey]: string };

/**
 * The `locales` option: language tag (BCP 47, such as `'de'` or `'pt-BR'`) →
 * catalogue. A partial catalogue falls back to English key by key.
 */
export type Locales = Readonly<Record<string, Partial<Catalogue>>>;
