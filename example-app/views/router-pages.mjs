import { checkInboxPage, confirmPage } from './steps.mjs';
import { errorMessage } from './messages.mjs';
import { errorPage } from './error-page.mjs';

/**
 * The routers' own pages in the demo's look. The routers set strict headers
 * for these pages (no-store, no-referrer, no framing) and a CSP that only
 * allows inline styles; ours lets in the demo's stylesheet and nothing else.
 *
 * @param {(req: import('express').Request) => import('./layout.mjs').Site} site
 * @param {(res: import('express').Response, page: unknown, status?: number) => void} send
 * @returns {import('passport-loginradius-passwordless').PageRenderer}
 */
export function routerPage(site, send) {
  return function renderPage(page, data, res) {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'",
    );
    const req = res.req;
    switch (page) {
      case 'confirm':
        send(res, confirmPage({ site: site(req), action: data.action, hidden: data.hidden }));
        return;
      case 'link-sent':
        send(res, checkInboxPage({ site: site(req) }));
        return;
      case 'otp-sent':
        res.redirect(303, '/enter-code');
        return;
      default:
        send(
          res,
          errorPage({
            site: site(req),
            title: 'Sign-in problem',
            message: data.message ?? errorMessage(undefined),
          }),
          res.statusCode >= 400 ? res.statusCode : 400,
        );
    }
  };
}
