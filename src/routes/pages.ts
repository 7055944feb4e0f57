import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { Messages } from '../i18n';
import { pageBody, POLL_SCRIPT } from './page-bodies';

/**
 * The few pages the routers serve themselves: the confirm step of an email
 * link, "check your inbox", "enter your code", the page a second device sees
 * after it finished a cross-device sign-in, and a short error page. Plain,
 * accessible HTML in the person's language, every value escaped, no script but
 * the small poller of a cross-device sign-in. An app replaces any of them with
 * its own look through the routers' `renderPage` option.
 */

/** Which page: see {@link PageData} for what each is given. */
export type PageName = 'confirm' | 'link-sent' | 'otp-sent' | 'signed-in-elsewhere' | 'error';

/** What a page is rendered with. Every page gets `messages`; the rest depends on the page. */
export interface PageData {
  /** The request's language: `lang`, `dir` and `t(key, values)` for your own templates. */
  messages: Messages;
  /** Where the page's main form posts to (confirm, otp-sent; link-sent with an emailed code). */
  action?: string;
  /** Hidden fields of the main form (the confirm page carries the link's token and flow). */
  hidden?: Record<string, string>;
  /**
   * confirm: whether this browser asked for the link (`'this-browser'`), another
   * did (`'other-browser'`: say so, focus nothing, ask for a deliberate choice),
   * or another did and `linkBinding: 'same-browser'` forbids signing in here (`'refused'`).
   */
  binding?: 'this-browser' | 'other-browser' | 'refused';
  /** confirm: the cross-device sign-in this link can finish on the device that asked. */
  crossDevice?: {
    /** When and on what kind of browser it was asked for. */
    requestedAt: Date;
    browser: string;
    /** Where the number form posts to (it also carries `hidden`). */
    action: string;
  };
  /** otp-sent: where "send a new code" posts to (with `resend=1`). */
  resendAction?: string;
  /** otp-sent: where "call me instead" posts to (with `resend=1&voice=1`), when voice codes are on. */
  voiceAction?: string;
  /** otp-sent: seconds until a new code may be asked for. */
  waitSeconds?: number;
  /** otp-sent: the code is read out by a voice call. */
  voice?: boolean;
  /** link-sent: the number to type on the other device (`crossDevice: true`). */
  match?: string;
  /** link-sent: where the page polls whether the other device finished (`GET`, JSON). */
  statusUrl?: string;
  /** link-sent: the cross-device state when the page was rendered. */
  status?: 'pending' | 'signed_in' | 'expired' | 'none';
  /** error: the short, uniform message to show. */
  message?: string;
  /** error: its stable code. */
  code?: string;
  /** error: "send me a new link/code" for this browser's sign-in in progress. */
  resend?: {
    action: string;
    hidden: Record<string, string>;
    channel: 'email' | 'sms';
    /** Where it would go, masked (`a***@example.com`). */
    recipient: string;
  };
  /** error: the app's sign-in page, when there is nothing to resend. */
  signInPath?: string;
}

/** Renders one of the routers' pages; replaceable per router. */
export type PageRenderer = (page: PageName, data: PageData, res: Response) => void;

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const POLL_SCRIPT_HASH = `'sha256-${createHash('sha256').update(POLL_SCRIPT).digest('base64')}'`;

/**
 * The default renderer. Its Content-Security-Policy allows nothing but the
 * pages' inline style and poller, and form posts to this site and to the
 * origins of `allowedRedirectUrls` (a form's redirect is held to `form-action`
 * too, so a permitted off-site `returnTo` would otherwise end in a blocked page
 * after the token was spent).
 */
export function builtInPages(settings: { formActionOrigins: readonly string[] }): PageRenderer {
  const formAction = ["'self'", ...settings.formActionOrigins].join(' ');
  const policy =
    `default-src 'none'; style-src 'unsafe-inline'; script-src ${POLL_SCRIPT_HASH}; ` +
    `connect-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
  return function renderBuiltInPage(page, data, res) {
    res.setHeader('Content-Security-Policy', policy);
    res.type('html').send(pageBody(page, data));
  };
}

/**
 * Headers for every page the routers render: never cached (the confirm page
 * carries a token), never leaking its URL as a referrer, never framed (so the
 * confirm button cannot be clickjacked).
 */
export function setPageHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}
