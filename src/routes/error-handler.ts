import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { PasswordlessError } from '../loginradius/errors';
import { publicError } from './answers';
import { fromBodyParserError } from './sub-app';

/**
 * An app-level error handler for what happens before the routers run: the
 * app's own `express.json()`/`express.urlencoded()` refuse bad JSON, huge bodies
 * and odd charsets with errors that Express would answer as an HTML stack trace
 * in development. This answers them, and any error of this package, in the
 * routers' `{ error: { code, message } }` shape; everything else goes on to `next`.
 * Mount it last.
 */
export function errorHandler(): ErrorRequestHandler {
  return function passwordlessErrorHandler(
    error: unknown,
    _req: Request,
    res: Response,
    next: NextFunction,
  ): void {
    const known = error instanceof PasswordlessError ? error : fromBodyParserError(error);
    if (!known || res.headersSent) {
      next(error);
      return;
    }
    const answer = publicError(known);
    if (answer.retryAfter !== undefined) res.setHeader('Retry-After', String(answer.retryAfter));
    res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
  };
}
