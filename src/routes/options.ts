import type { Store } from 'express-rate-limit';
import type { EventListener } from '../events';
import type { StoreFactory } from '../limits';
import type { Locales } from '../locales/catalogue';
import type { LoginRadiusClient } from '../loginradius/client';
import type { PageRenderer } from './pages';

export type { Store };

/**
 * An ISO 3166-1 alpha-2 country code such as `'US'` or `'GB'` (a plain string, so
 * the published types do not depend on libphonenumber-js's).
 */
export type CountryCode = string;

/** Options shared by both router factories. */
export interface CommonRouterOptions {
  /** The LoginRadius client. Required. */
  client: LoginRadiusClient;
  /**
   * Origins (besides this site's own) allowed to POST to the routers, for
   * example a separate front-end at `https://www.app.example`. Default: none.
   */
  trustedOrigins?: string[];
  /**
   * Absolute URLs (origin + path prefix) allowed as `returnTo` besides same-site
   * paths; a prefix ends at a path segment (`https://x.example/app` allows `/app`
   * and `/app/…`, not `/app-beta`). An entry with a query string, fragment,
   * credentials, `.`/`..` segments or a host that is not a plain name or IP
   * address is refused at setup, since only origin and path are compared.
   * Their origins are also allowed as form targets on the built-in pages. Default: none.
   */
  allowedRedirectUrls?: string[];
  /**
   * Where HTML clients are sent when something fails; `?error=<code>` is appended.
   * Default: unset, and the router renders its own short error page with the status.
   */
  failureRedirect?: string;
  /**
   * The app's sign-in page, which the error page links back to when there is
   * no sign-in in progress to resend. Default: `'/'`.
   */
  signInPath?: string;
  /**
   * Replaces the built-in pages (confirm step, "check your inbox", "enter your code",
   * error). Default: the built-in minimal, accessible pages.
   */
  renderPage?: PageRenderer;
  /**
   * Catalogues of the pages' and answers' strings by language tag, such as
   * `{ de, fr }` from `passport-loginradius-passwordless/locales/de` and `/fr`;
   * a partial catalogue falls back to English. The language is picked per
   * request from `Accept-Language`. Default: English only.
   */
  locales?: Locales;
  /** Told of every send, login, failure and limit hit; never given a secret. Default: none. */
  onEvent?: EventListener;
  /**
   * Largest request body accepted, in bytes (as inflated); larger ones get 413. A
   * chunked or compressed body the app's own parsers already read cannot be
   * counted, so it gets 413 too. Default: `4096`.
   */
  maxBodyBytes?: number;
  /**
   * Where the routers' counters live: one express-rate-limit `Store` per purpose,
   * with `get()` (refused at setup without it). Pass rate-limit-redis stores when
   * several instances run, the same factory to both routers and the strategy.
   * Default: MemoryStore.
   */
  stores?: StoreFactory;
  /**
   * Send the person's IP (`req.ip`, which honours `trust proxy`) to LoginRadius
   * as `X-Origin-IP` on every send and verify, so LoginRadius sees the person,
   * not your server. Default: `true`.
   */
  forwardClientIp?: boolean;
  /**
   * Cross-device sign-in: a link asked for on one device and opened on another
   * signs in the device that asked, once the person types there the two-digit
   * number the first device shows. Turn it on in both routers. Default: `false`.
   */
  crossDevice?: boolean;
  /**
   * Where cross-device sign-ins in progress are kept, so that every instance
   * sees them: any express-session store (connect-redis...). Default: the
   * session store of the request (`req.sessionStore`).
   */
  crossDeviceStore?: FlowRecordStore;
}

/** The part of an express-session `Store` that cross-device sign-in uses. */
export interface FlowRecordStore {
  /** Reads a record (`undefined` or `null` when there is none). */
  get(id: string, callback: (error: unknown, value?: unknown) => void): void;
  /** Writes a record; it carries `cookie.expires`, which session stores use as its lifetime. */
  set(id: string, value: unknown, callback?: (error?: unknown) => void): void;
  /** Deletes a record. */
  destroy(id: string, callback?: (error?: unknown) => void): void;
}

/** Options of {@link createRequestRouter}. */
export interface RequestRouterOptions extends CommonRouterOptions {
  /**
   * The absolute URL of the verify router's `GET /callback`, sent to LoginRadius as
   * the link's `verificationurl`. It is the only source of that URL: never the
   * request's `Host`. Its origin is also trusted for cross-site checks.
   * Default: none; required while email links are on.
   */
  callbackUrl?: string;
  /**
   * Which ways to sign in are on; `undefined` keeps a channel's default.
   * Default: `{ email: true, username: true, phone: true, voice: true }`.
   */
  channels?: {
    /** Links asked for by email address (`POST /link` with `email`). Default: `true`. */
    email?: boolean;
    /** Links asked for by username (`POST /link` with `username`). Default: `true`. */
    username?: boolean;
    /** Codes by SMS (`POST /otp`). Default: `true`. */
    phone?: boolean;
    /** Codes read out by a voice call (`POST /otp` with `voice=1`); needs `phone`. Default: `true`. */
    voice?: boolean;
  };
  /**
   * The "check your inbox" page also offers a field for a code from the email,
   * for sites whose passwordless email carries a one-time code. Default: `false`.
   */
  emailCode?: boolean;
  /** Passwordless email template name. Default: the site's default template. */
  passwordlessLoginTemplate?: string;
  /** SMS template name. Default: the site's default template. */
  smsTemplate?: string;
  /** Email templates a request may pick with a `template` field. Default: none (the field is refused). */
  allowedEmailTemplates?: string[];
  /** SMS templates a request may pick with a `template` field. Default: none (the field is refused). */
  allowedSmsTemplates?: string[];
  /**
   * Country calling codes SMS may go to, such as `['1', '44']`; a number elsewhere
   * is refused before any upstream call. With `allowedCountries` too, a number
   * must pass both. Default: every calling code (set this or `allowedCountries`!).
   */
  allowedCallingCodes?: string[];
  /**
   * Countries SMS may go to, as ISO 3166-1 alpha-2 codes such as `['US', 'GB']`,
   * read from the number itself: `'US'` admits US numbers but not Jamaica's, which
   * share calling code 1. A number in a range no country has handed out (a test
   * account's `+1 555 123 4567`) names no country and is refused; allow such
   * numbers with `allowedCallingCodes` instead. With `allowedCallingCodes` too, a
   * number must pass both. Default: every country.
   */
  allowedCountries?: CountryCode[];
  /** Country assumed for phone numbers typed without `+`. Default: none (international format required). */
  defaultCountry?: CountryCode;
  /** Pending sign-ins (links and codes) expire after this many ms (max 1 hour). Default: `600000` (10 min). */
  pendingFlowTtlMs?: number;
  /** Limits on sending; each is an option with a sane default. */
  limits?: SendLimits;
  /** Where HTML clients go after a link is sent. Default: `<mount path>/link/sent`. */
  linkSentRedirect?: string;
  /** Where HTML clients go after a code is sent (the enter-code page). Default: `<mount path>/otp/sent`. */
  otpSentRedirect?: string;
}

/** Send limits. Counts survive new cookies: they are keyed on the identifier or the IP. */
export interface SendLimits {
  /**
   * Seconds before the same email, username or phone can be sent to again, and
   * before one browser can ask again by email (or by SMS), however it spells the
   * account. Default: `60`.
   */
  cooldownSeconds?: number;
  /** Sends (links and codes) per client IP per window. Default: `30`. */
  perIp?: number;
  /** The per-IP window in ms. Default: `900000` (15 min). */
  perIpWindowMs?: number;
  /** SMS and voice codes per client IP per day that LoginRadius accepted. Default: `20`. */
  smsPerIpPerDay?: number;
  /** SMS and voice codes per day for the whole site that LoginRadius accepted. Default: `1000`. */
  smsPerDay?: number;
}

/** Options of {@link createVerifyRouter}. */
export interface VerifyRouterOptions extends CommonRouterOptions {
  /** Where to go after login when there is no `returnTo`. Default: `'/'`. */
  successRedirect?: string;
  /** Where to go after logout. Default: `'/'`. */
  logoutRedirect?: string;
  /** Name of the Passport strategy to authenticate with. Default: `'loginradius-passwordless'`. */
  strategy?: string;
  /**
   * The Passport instance the strategy is registered on. Default: the `passport`
   * module's singleton.
   */
  passport?: PassportLike;
  /** The session cookie's name, cleared at logout (express-session's `name`). Default: `'connect.sid'`. */
  sessionCookieName?: string;
  /** Verify attempts (links and codes) per client IP per window. Default: `60`. */
  verifyPerIp?: number;
  /** The window of `verifyPerIp`, in ms. Default: `900000` (15 min). */
  verifyPerIpWindowMs?: number;
  /**
   * A link opened in a browser other than the one that asked for it: `'warn'`
   * shows a page that says so and asks for a deliberate choice before signing
   * in; `'same-browser'` refuses it. Default: `'warn'`.
   */
  linkBinding?: 'warn' | 'same-browser';
  /**
   * Profile keys the JSON login answer may show besides `Uid`, the names,
   * `Email` and `PhoneId`; token- and secret-like keys are removed at every
   * depth whatever you list. Default: none.
   */
  publicProfileFields?: string[];
}

/** The part of a Passport instance the verify router uses. */
export interface PassportLike {
  /** Passport's `authenticate(strategy, options, callback)` with a custom callback. */
  authenticate(
    strategy: string,
    options: object,
    callback: (error: unknown, user?: unknown, info?: unknown, status?: unknown) => void,
  ): (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
  /** Looks a registered strategy up by name (Passport's own, used to explain a missing `passport.use`). */
  _strategy?(name: string): unknown;
}
