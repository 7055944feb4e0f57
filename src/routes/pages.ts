import type { Response } from 'express';

/**
 * The few pages the routers serve themselves: the confirm step of an email
 * link, "check your inbox", "enter your code", and a short error page. Plain,
 * accessible HTML with no script; every value is escaped. An app replaces any of
 * them with its own look through the routers' `renderPage` option.
 */

export type PageName = 'confirm' | 'link-sent' | 'otp-sent' | 'error';

/** What a page is rendered with. */
export interface PageData {
  /** Where the page's form posts to (confirm, otp-sent). */
  action?: string;
  /** Hidden form fields (the confirm page carries the link's token). */
  hidden?: Record<string, string>;
  /** Where "resend" posts to (otp-sent). */
  resendAction?: string;
  /** The short, uniform message to show (error). */
  message?: string;
  /** A stable code for the message (error). */
  code?: string;
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

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}' +
  'button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #1f4fd1;background:#1f4fd1;color:#fff;cursor:pointer}' +
  'button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}' +
  'input{font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.3rem;width:10rem;letter-spacing:.2em}' +
  '.secondary{background:#fff;color:#1f4fd1}';

function layout(title: string, body: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

function hiddenFields(hidden: Record<string, string> = {}): string {
  return Object.entries(hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
}

function pageHtml(page: PageName, data: PageData): string {
  switch (page) {
    case 'confirm':
      return layout(
        'Sign in',
        '<p>Press the button to finish signing in on this device.</p>' +
          `<form method="post" action="${escapeHtml(data.action ?? '')}">${hiddenFields(data.hidden)}` +
          '<button type="submit" autofocus>Sign in</button></form>',
      );
    case 'link-sent':
      return layout(
        'Check your inbox',
        '<p role="status">If an account matches, we have sent it a sign-in link. ' +
          'It works once; open it on this device.</p>',
      );
    case 'otp-sent':
      return layout(
        'Enter your code',
        '<p role="status">If an account matches, we have sent a code by SMS.</p>' +
          `<form method="post" action="${escapeHtml(data.action ?? '')}">` +
          '<label for="otp">Code</label> <input id="otp" name="otp" inputmode="numeric" ' +
          'autocomplete="one-time-code" required autofocus> <button type="submit">Sign in</button></form>' +
          (data.resendAction
            ? `<form method="post" action="${escapeHtml(data.resendAction)}"><p>` +
              '<button type="submit" class="secondary" name="resend" value="1">Send a new code</button></p></form>'
            : ''),
      );
    case 'error':
      return layout(
        'Sign-in problem',
        `<p role="alert">${escapeHtml(data.message ?? 'Something went wrong.')}</p>`,
      );
  }
}

/** The default renderer: the built-in pages above. */
export const renderBuiltInPage: PageRenderer = (page, data, res) => {
  // The built-in pages need nothing but their inline style; an app's own renderer
  // keeps its own Content-Security-Policy (helmet's, with its stylesheets).
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  res.type('html').send(pageHtml(page, data));
};

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
