import { URLSearchParams } from 'node:url';
import { de as packageDe } from 'passport-loginradius-passwordless/locales/de';
import { en as packageEn } from 'passport-loginradius-passwordless/locales/en';
import { es as packageEs } from 'passport-loginradius-passwordless/locales/es';
import { fr as packageFr } from 'passport-loginradius-passwordless/locales/fr';
import { de } from './locales/de.mjs';
import { en } from './locales/en.mjs';
import { es } from './locales/es.mjs';
import { fr } from './locales/fr.mjs';
import { html, joinHtml } from './views/html.mjs';
import { knownErrorCode } from './views/messages.mjs';

/**
 * The demo speaks the person's language: the browser's (Accept-Language), or
 * the one picked with the switch in the header, which is kept in a `lang`
 * cookie. `chooseLanguage` runs before the routers and rewrites Accept-Language
 * from that cookie, so the package's pages and JSON messages follow the switch
 * too. Words come from the demo's catalogue (./locales) and, for what the
 * package already says, from the package's own catalogues.
 */

/** The languages on offer, each named in itself. English first: the fallback. */
export const LANGUAGES = [
  { tag: 'en', name: 'English' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'es', name: 'Español' },
  { tag: 'fr', name: 'Français' },
];

/** The package's catalogues, for the routers, `errorHandler` and `requireLogin`. */
export const PACKAGE_LOCALES = { de: packageDe, es: packageEs, fr: packageFr };

const TAGS = LANGUAGES.map((language) => language.tag);
const APP_CATALOGUES = { en, de, es, fr };
const PACKAGE_CATALOGUES = { en: packageEn, ...PACKAGE_LOCALES };
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * Middleware, mounted before the routers: a `lang` cookie naming a language on
 * offer replaces Accept-Language; then the request's language is negotiated the
 * way the package does it (`req.acceptsLanguages`) into `res.locals.lang`.
 */
export function chooseLanguage(req, res, next) {
  // The switch on a page whose URL holds a sign-in token (the confirm step) is a GET
  // form back to that page with `lang`: a 303 to it would put the token in a Location.
  const asked = req.method === 'GET' ? req.query?.lang : undefined;
  if (typeof asked === 'string' && TAGS.includes(asked)) {
    res.cookie(LANGUAGE_COOKIE, asked, {
      path: '/',
      maxAge: ONE_YEAR_S * 1000,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
    });
    req.headers.cookie = `${LANGUAGE_COOKIE}=${asked}; ${req.headers.cookie ?? ''}`;
  }
  const chosen = cookieValue(req.headers.cookie, LANGUAGE_COOKIE);
  if (chosen !== undefined && TAGS.includes(chosen)) req.headers['accept-language'] = chosen;
  const lang = req.acceptsLanguages(TAGS) || 'en';
  res.locals.lang = lang;
  res.setHeader('Content-Language', lang);
  next();
}

/**
 * POST /language (`lang`, `back`): the language switch. Keeps the choice in a
 * cookie and goes back to the page it was made on. Only this site's own forms
 * may use it; it touches no session.
 *
 * @param {{ secure: boolean, appOrigin: string }} settings
 */
export function languageSwitch({ secure, appOrigin }) {
  return function switchLanguage(req, res) {
    if (!sameSiteForm(req, appOrigin)) {
      res.status(403).type('text').send('Forbidden');
      return;
    }
    const lang = typeof req.body?.lang === 'string' ? req.body.lang : '';
    if (TAGS.includes(lang)) {
      res.cookie(LANGUAGE_COOKIE, lang, {
        path: '/',
        maxAge: ONE_YEAR_S * 1000,
        httpOnly: true,
        sameSite: 'lax',
        secure,
      });
    }
    res.redirect(303, samePath(req.body?.back) ?? '/');
  };
}

/** Query parameters a page may come back with after a switch, each with what it may hold. */
const KEPT_QUERY = {
  error: (value) => knownErrorCode(value) !== undefined,
  resend: (value) => value === '1',
  signed_out: (value) => value === '1',
};

/** The link's parameters, which the confirm page's switch carries in a GET form, never in a redirect. */
const LINK_QUERY = {
  flow: (value) => /^[\w-]{1,128}$/.test(value),
  vtype: (value) => /^\w{1,64}$/.test(value),
  vtoken: (value) => /^[\w.~-]{1,4096}$/.test(value),
};

/**
 * For a page reached by a sign-in link (GET with `vtoken`), the switch is a GET
 * form back to it carrying the link's parameters; `undefined` for other pages.
 *
 * @returns {{ action: string, hidden: Record<string, string> } | undefined}
 */
export function linkSwitch(req) {
  if (req.method !== 'GET' || typeof req.query?.vtoken !== 'string') return undefined;
  const hidden = {};
  for (const [name, allowed] of Object.entries(LINK_QUERY)) {
    const value = req.query?.[name];
    if (typeof value === 'string' && allowed(value)) hidden[name] = value;
  }
  if (hidden.vtoken === undefined) return undefined;
  const action = new URL(req.originalUrl, 'http://localhost').pathname;
  // `/.//evil.example/` resolves to `//evil.example/`: a form there would carry the token off-site.
  if (action.startsWith('//')) return undefined;
  return { action, hidden };
}

/**
 * Where the switch on this page comes back to: the page itself when it was
 * fetched with GET (with the query parameters the demo's pages read, checked,
 * so nothing else from the URL is echoed), else the sign-in page (a page that
 * answered a POST cannot be fetched again).
 */
export function backPath(req) {
  const path = new URL(req.originalUrl, 'http://localhost').pathname;
  if (req.method !== 'GET' || !/^\/(?!\/)[\w./-]*$/.test(path)) return '/';
  const query = new URLSearchParams();
  for (const [name, allowed] of Object.entries(KEPT_QUERY)) {
    const value = req.query?.[name];
    if (typeof value === 'string' && allowed(value)) query.set(name, value);
  }
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

/**
 * The strings of `lang`: `t(key, values)` gives text, `t.html(key, values)`
 * escaped HTML into which `values` may put markup (an `html` template, such as
 * a link). Keys of the demo come from its catalogue; the package's keys from
 * `packageMessages` (a page the routers render: the request's own catalogue),
 * else from the package's catalogue of that language. A key nobody has throws:
 * a typo in a template should fail its test, not show a key to people.
 *
 * @param {string} lang
 * @param {import('passport-loginradius-passwordless').Messages} [packageMessages]
 */
export function translator(lang, packageMessages) {
  const own = APP_CATALOGUES[lang] ?? en;
  const pkg = PACKAGE_CATALOGUES[lang] ?? packageEn;
  const raw = (key) => {
    const text =
      own[key] ??
      (Object.hasOwn(packageEn, key) ? (packageMessages?.t(key) ?? pkg[key]) : undefined) ??
      en[key];
    if (text === undefined) throw new Error(`no string for "${key}"`);
    return text;
  };
  const t = (key, values = {}) =>
    raw(key).replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  t.html = (key, values = {}) =>
    joinHtml(
      raw(key)
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          return name !== undefined && Object.hasOwn(values, name) ? html`${values[name]}` : part;
        }),
    );
  return t;
}

/**
 * The package's rule for cross-site POSTs: a browser says where a form comes
 * from in Sec-Fetch-Site, else in Origin (which is "null" on pages with
 * `Referrer-Policy: no-referrer` in some browsers, hence Sec-Fetch-Site first);
 * a request with neither is not a browser's, so carries no cookie to abuse.
 */
function sameSiteForm(req, appOrigin) {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.get('origin');
  return origin === undefined || origin === appOrigin;
}

/** A path on this site (not `//host`, `/\host` or a scheme), at most 2 KB, or `undefined`. */
function samePath(value) {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  // Printable ASCII only (a browser sends the rest percent-encoded), and no backslash.
  if (!/^\/(?!\/)[\x21-\x7e]*$/.test(value) || value.includes('\\')) return undefined;
  // Only the query parameters the demo's pages read (never a sign-in token) go back.
  const url = new URL(value, 'http://localhost');
  // The URL parser resolves dot segments (`/.//evil`, `/a/..//evil`, `/%2e//evil`):
  // what goes back must still be one path on this site after that.
  if (url.host !== 'localhost' || url.pathname.startsWith('//')) return undefined;
  const query = new URLSearchParams();
  for (const [name, allowed] of Object.entries(KEPT_QUERY)) {
    const kept = url.searchParams.get(name);
    if (kept !== null && allowed(kept)) query.set(name, kept);
  }
  const search = query.toString();
  return search === '' ? url.pathname : `${url.pathname}?${search}`;
}

function cookieValue(header, name) {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
