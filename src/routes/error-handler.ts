import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { FAILURES, PasswordlessError, SessionError } from '../errors';
import { Translator } from '../i18n';
import type { Locales } from '../locales/catalogue';
import { checkOptionNames, requireOptions } from '../option-checks';
import { fromBodyParserError, mountsExpressSession } from './sub-app';

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /** Catalogues for the answers' messages, as the routers take them. Default: English only. */
  locales?: Locales;
}

/**
 * An app-level error handler for what happens before the routers run: the
 * app's own `express.json()`/`express.urlencoded()` refuse bad JSON, huge bodies
 * and odd charsets with errors that Express would answer as an HTML stack trace
 * in development. This answers them, and any error of this package, in the
 * routers' `{ error: { code, message } }` shape; everything else goes on to `next`.
 * Mount it last.
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  requireOptions('errorHandler', options, '{ locales? }');
  checkOptionNames('errorHandler', options, { top: ['locales'] });
  const translator = new Translator(options.locales);
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
    const kind = FAILURES[known.code];
    const retryAfter = (known as { retryAfter?: unknown }).retryAfter;
    if (typeof retryAfter === 'number')
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    else if (kind.status === 429) res.setHeader('Retry-After', '1');
    const message = translator.for(req).t(kind.message);
    res.status(kind.status).json({ error: { code: kind.publicCode, message } });
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
