import { checkInboxPage } from './steps.mjs';
import { confirmPage, signedInElsewherePage, signInProblemPage } from './confirm.mjs';

/**
 * The routers' own pages in the demo's look, in the request's language
 * (`data.messages`). The routers set strict headers for these pages (no-store,
 * no-referrer, no framing); the policy here lets in the demo's stylesheet, and
 * on "check your inbox" its polling script, and nothing else.
 *
 * @param {(req: import('express').Request, messages?: import('passport-loginradius-passwordless').Messages) => import('./layout.mjs').Site} site
 * @param {(res: import('express').Response, page: unknown, status?: number) => void} send
 * @returns {import('passport-loginradius-passwordless').PageRenderer}
 */
export function routerPage(site, send) {
  return function renderPage(page, data, res) {
    const scripts = page === 'link-sent' ? "script-src 'self'; connect-src 'self'; " : '';
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; ${scripts}style-src 'self'; img-src 'self' data:; form-action 'self'; ` +
        "frame-ancestors 'none'; base-uri 'none'",
    );
    const req = res.req;
    const pageSite = site(req, data.messages);
    switch (page) {
      case 'confirm':
        send(res, confirmPage({ site: pageSite, page: data }), res.statusCode);
        return;
      case 'link-sent':
        // The same page as /check-inbox, with the cross-device state as the router knows it:
        // "Check again" comes back here.
        send(
          res,
          checkInboxPage({
            site: pageSite,
            codeAction: data.action,
            match: data.match,
            statusUrl: data.statusUrl,
            status: data.status,
          }),
        );
        return;
      case 'otp-sent':
        res.redirect(303, '/enter-code');
        return;
      case 'signed-in-elsewhere':
        send(res, signedInElsewherePage({ site: pageSite }));
        return;
      default:
        send(
          res,
          signInProblemPage({
            site: pageSite,
            message: data.message ?? pageSite.t('problem.fallback'),
            resend: data.resend && {
              channel: data.resend.channel,
              recipient: data.resend.recipient,
              waitSeconds: 0,
            },
          }),
          res.statusCode >= 400 ? res.statusCode : 400,
        );
    }
  };
}
