import { emitter, type Emit } from '../events';
import { Translator } from '../i18n';
import { memoryStores, type StoreFactory } from '../limits';
import type { LoginRadiusClient } from '../loginradius/client';
import {
  booleanOption,
  functionOption,
  numberOption,
  optionsError,
  pathOption,
  stringListOption,
} from '../option-checks';
import { originSet } from './cross-site';
import type { CommonRouterOptions, FlowRecordStore } from './options';
import { builtInPages, type PageRenderer } from './pages';

/**
 * The routers' options, parsed once into filled, private configurations, so no
 * handler ever asks "was this set?" (see `option-checks.ts` for the rules).
 * This file holds what both routers share; `request-config.ts` and
 * `verify-config.ts` the rest.
 */

export const COMMON_NAMES = [
  'client',
  'trustedOrigins',
  'allowedRedirectUrls',
  'failureRedirect',
  'signInPath',
  'renderPage',
  'locales',
  'onEvent',
  'maxBodyBytes',
  'stores',
  'forwardClientIp',
  'crossDevice',
  'crossDeviceStore',
] as const;

export const DAY_MS = 86_400_000;

export interface CommonConfig {
  readonly client: LoginRadiusClient;
  readonly trustedOrigins: ReadonlySet<string>;
  readonly allowedRedirectUrls: readonly string[];
  readonly failureRedirect: string | undefined;
  readonly signInPath: string;
  readonly renderPage: PageRenderer;
  readonly translator: Translator;
  readonly emit: Emit;
  readonly maxBodyBytes: number;
  readonly stores: StoreFactory;
  readonly forwardClientIp: boolean;
  readonly crossDevice: boolean;
  readonly crossDeviceStore: FlowRecordStore | undefined;
}

export function parseCommon(
  owner: string,
  options: CommonRouterOptions,
  ownOrigins: string[],
): CommonConfig {
  const allowedRedirectUrls = stringListOption(
    owner,
    'allowedRedirectUrls',
    options.allowedRedirectUrls,
  );
  const redirectOrigins = allowedRedirectUrls.map((url) => allowedRedirectOrigin(owner, url));
  const trusted = stringListOption(owner, 'trustedOrigins', options.trustedOrigins);
  let trustedOrigins: Set<string>;
  try {
    trustedOrigins = originSet([...trusted, ...ownOrigins]);
  } catch (error) {
    throw optionsError(owner, `\`trustedOrigins\`: ${(error as Error).message}`);
  }
  const renderPage =
    functionOption<PageRenderer>(owner, 'renderPage', options.renderPage) ??
    builtInPages({ formActionOrigins: [...new Set(redirectOrigins)] });
  return {
    client: options.client,
    trustedOrigins,
    allowedRedirectUrls,
    failureRedirect: pathOption(owner, 'failureRedirect', options.failureRedirect),
    signInPath: pathOption(owner, 'signInPath', options.signInPath) ?? '/',
    renderPage,
    translator: new Translator(checkLocales(owner, options.locales)),
    emit: emitter(functionOption(owner, 'onEvent', options.onEvent)),
    maxBodyBytes: numberOption(owner, 'maxBodyBytes', options.maxBodyBytes, 4096, {
      min: 256,
      max: 1_048_576,
    }),
    stores: functionOption<StoreFactory>(owner, 'stores', options.stores) ?? memoryStores,
    forwardClientIp: booleanOption(owner, 'forwardClientIp', options.forwardClientIp, true),
    crossDevice: booleanOption(owner, 'crossDevice', options.crossDevice, false),
    crossDeviceStore: flowRecordStore(owner, options.crossDeviceStore),
  };
}

/** A host name (letters, digits, hyphens, dots; punycode for others) or an IP literal. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;
/** A `.` or `..` path segment, also percent-encoded (URL parsing resolves both). */
const DOT_SEGMENT = /[/\\](?:\.|%2e){1,2}(?:[/\\]|$)/i;

/**
 * The origin of one `allowedRedirectUrls` entry, which must be an http(s) origin
 * and path prefix, and mean what it says: an entry is matched by origin and path
 * only (src/redirects.ts), so a query, fragment or credentials in it would read
 * as a restriction that is not enforced (`https://x.example/app?tenant=1` would
 * admit `/app?tenant=2`). Anything else is refused at startup.
 */
function allowedRedirectOrigin(owner: string, url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw optionsError(
      owner,
      `\`allowedRedirectUrls\` holds "${url}", which is not an http(s) URL`,
    );
  }
  // `?`, `#` and `@` in the text, not `search`, `hash` and `username`: an empty
  // query (`/app?`) or empty credentials (`https://@host/`) count too. A host must
  // be a plain name or an IP literal: `*` would be a literal name here but a
  // wildcard in the built-in pages' CSP, and `;` would end its directive. The path
  // must be as written: `/guides/../admin` would silently allow `/admin`.
  const authority = url.replace(/^[a-z]+:[/\\]*/i, '').split(/[/\\]/)[0]!;
  if (
    /[?#]/.test(url) ||
    authority.includes('@') ||
    !PLAIN_HOST.test(parsed.hostname) ||
    DOT_SEGMENT.test(url)
  ) {
    throw optionsError(
      owner,
      `\`allowedRedirectUrls\` holds "${url}": an entry is an origin (a plain host name or ` +
        'IP address) and a path prefix, without a query string, fragment, credentials or ' +
        '`.`/`..` segments',
    );
  }
  return parsed.origin;
}

export function requireClient(owner: string, client: unknown, method: string): LoginRadiusClient {
  if (!client || typeof (client as Record<string, unknown>)[method] !== 'function') {
    throw optionsError(owner, '`client` must be a LoginRadiusClient');
  }
  return client as LoginRadiusClient;
}

export function checkLocales(
  owner: string,
  value: unknown,
): Record<string, Record<string, string>> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw optionsError(owner, '`locales` must be an object of { "<language tag>": catalogue }');
  }
  for (const [tag, catalogue] of Object.entries(value)) {
    if (!isWellFormedTag(tag)) {
      throw optionsError(
        owner,
        `\`locales\` has "${tag}", which is not a language tag such as "de" or "pt-BR"`,
      );
    }
    if (typeof catalogue !== 'object' || catalogue === null) {
      throw optionsError(owner, `\`locales.${tag}\` must be a catalogue object`);
    }
  }
  return value as Record<string, Record<string, string>>;
}

function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function flowRecordStore(owner: string, value: unknown): FlowRecordStore | undefined {
  if (value === undefined) return undefined;
  const store = value as Partial<FlowRecordStore>;
  if (
    typeof store.get !== 'function' ||
    typeof store.set !== 'function' ||
    typeof store.destroy !== 'function'
  ) {
    throw optionsError(
      owner,
      '`crossDeviceStore` must be an express-session store (get, set, destroy)',
    );
  }
  return value as FlowRecordStore;
}
