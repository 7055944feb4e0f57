import type { Store } from 'express-rate-limit';
import type { EventListener } from '../events';
import type { LoginRadiusClient } from '../loginradius/client';
import type { StoreFactory } from '../limits';
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
  /** Absolute URLs (origin + path prefix) allowed as `returnTo` besides same-site paths. Default: none. */
  allowedRedirectUrls?: string[];
  /**
   * Where HTML clients are sent when something fails; `?error=<code>` is appended.
   * Default: unset, and the router renders its own short error page with the status.
   */
  failureRedirect?: string;
  /**
   * Replaces the built-in pages (confirm step, "check your inbox", "enter your code",
   * error). Default: the built-in minimal, accessible pages.
   */
  renderPage?: PageRenderer;
  /** Told of every send, login, failure and limit hit; never given a secret. Default: none. */
  onEvent?: EventListener;
  /** Largest request body accepted, in bytes; larger ones get 413. Default: `4096`. */
  maxBodyBytes?: number;
  /**
   * Where the routers' counters live: one express-rate-limit `Store` per purpose.
   * Pass rate-limit-redis stores when several instances run. Default: MemoryStore.
   */
  stores?: StoreFactory;
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
  /** Which ways to sign in are on. Default: `{ email: true, username: true, phone: true }`. */
  channels?: {
    /** Links asked for by email address (`POST /link` with `email`). Default: `true`. */
    email?: boolean;
    /** Links asked for by username (`POST /link` with `username`). Default: `true`. */
    username?: boolean;
    /** Codes by SMS (`POST /otp`). Default: `true`. */
    phone?: boolean;
  };
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
   * is refused before any upstream call. Default: every country (set this!).
   */
  allowedCallingCodes?: string[];
  /** Country assumed for phone numbers typed without `+`. Default: none (international format required). */
  defaultCountry?: CountryCode;
  /** Pending phone flows and link `returnTo`s expire after this many ms (max 1 hour). Default: `600000` (10 min). */
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
  /** Seconds before the same email, username or phone can be sent to again. Default: `60`. */
  cooldownSeconds?: number;
  /** Sends (links and codes) per client IP per window. Default: `30`. */
  perIp?: number;
  /** The per-IP window in ms. Default: `900000` (15 min). */
  perIpWindowMs?: number;
  /** SMS per client IP per day. Default: `20`. */
  smsPerIpPerDay?: number;
  /** SMS per day for the whole site, across all IPs. Default: `1000`. */
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
}

/** The part of a Passport instance the verify router uses. */
export interface PassportLike {
  /** Passport's `authenticate(strategy, callback)` with a custom callback. */
  authenticate(
    strategy: string,
    callback: (error: unknown, user?: unknown, info?: unknown, status?: unknown) => void,
  ): (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
  /** Looks a registered strategy up by name (Passport's own, used to explain a missing `passport.use`). */
  _strategy?(name: string): unknown;
}
