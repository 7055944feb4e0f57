import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { PasswordlessError, SessionError } from '../errors';
import { Translator } from '../i18n';
import type { Locales } from '../locales/catalogue';
import { checkOptionNames, functionOption, pathOption, requireOptions } from '../option-checks';
import { checkLocales } from './config';
import { sendFailure } from './failure';
import { builtInPages, type PageRenderer } from './pages';
import { fromBodyParserError, mountsExpressSession } from './sub-app';

/** Options of {@link errorHandler}: for HTML clients, the same as the routers'. */
export interface ErrorHandlerOptions {
  /** Catalogues for the answers' messages, as the routers take them. Default: English only. */
  locales?: Locales;
  /**
   * Where HTML form posts are sent, with `?error=<code>` appended, as the routers'
   * option (other requests get the error page with the status). Default: unset, and
   * the built-in error page is rendered with the status.
   */
  failureRedirect?: string;
  /** The sign-in page the error page links back to, as the routers' option. Default: `'/'`. */
  signInPath?: string;
  /** Replaces the built-in error page, as the routers' option. Default: the built-in page. */
  renderPage?: PageRenderer;
}

const OWNER = 'errorHandler';

/**
 * An app-level error handler for what happens before the routers run: the
 * app's own `express.json()`/`express.urlencoded()` refuse bad JSON, huge bodies
 * and odd charsets with errors that Express would answer as an HTML stack trace
 * in development. This answers them, and any error of this package, as the
 * routers answer their failures: `{ error: { code, message } }` to JSON clients
 * (a JSON body, or `Accept: application/json`), and to HTML form posts a 303 to
 * `failureRedirect` or the error page; everything else goes on to `next`. Mount it last.
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  requireOptions(OWNER, options, '{ locales?, failureRedirect?, signInPath?, renderPage? }');
  checkOptionNames(OWNER, options, {
    top: ['locales', 'failureRedirect', 'signInPath', 'renderPage'],
  });
  const translator = new Translator(checkLocales(OWNER, options.locales));
  const failureRedirect = pathOption(OWNER, 'failureRedirect', options.failureRedirect);
  const signInPath = pathOption(OWNER, 'signInPath', options.signInPath) ?? '/';
  const renderPage =
    functionOption<PageRenderer>(OWNER, 'renderPage', options.renderPage) ??
    builtInPages({ formActionOrigins: [] });
  const settings = { translator, failureRedirect, signInPath, renderPage };
  // Only a form post is sent to failureRedirect: a GET of any page (failureRedirect's
  // own, while the session store is down) would loop, and a script's DELETE would
  // follow the 303 to a page and take it for success. Others get the status.
  const withoutRedirect = { ...settings, failureRedirect: undefined };
  return function passwordlessErrorHandler(
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void {
    const known =
      error instanceof PasswordlessError
        ? error
        : (fromBodyParserError(error) ?? fromDisconnectedSessionStore(error, req));
    if (!known || res.headersSent) {
      next(error);
      return;
    }
    sendFailure(req.method === 'POST' ? settings : withoutRedirect, req, res, known);
  };
}

/**
 * When its store emits 'disconnect', express-session lets requests through with
 * no `req.session` at all; `passport.session()` (or these routers) then fail with
 * "session support missing" although express-session is mounted. That is the
 * session store being down: a 503, not a 500 that tells the developer to mount
 * what is already mounted.
 */
function fromDisconnectedSessionStore(error: unknown, req: Request): SessionError | undefined {
  if ((req as unknown as { session?: unknown }).session !== undefined) return undefined;
  const message = String((error as { message?: unknown })?.message ?? '');
  const code = (error as { code?: unknown })?.code;
  const missingSession =
    code === 'ERR_PASSWORDLESS_SESSION' ||
    message.startsWith('Login sessions require session support');
  if (!missingSession || !mountsExpressSession(req.app)) return undefined;
  return new SessionError('the session store is disconnected', error);
}
