import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  InvalidInputError,
  PasswordlessError,
  PayloadTooLargeError,
  SetupError,
  UnsupportedMediaTypeError,
} from '../errors';
import { sessionOf } from '../session';
import { markParsedElsewhere } from './request-body';

/**
 * The routers are small Express sub-apps rather than bare Routers for one reason:
 * a sub-app hears `app.use` mount it, so it can look at what was mounted before
 * it and refuse, at startup, a session middleware that cannot regenerate the
 * session id at login (cookie-session), instead of failing on the first login.
 * Mounted with `app.use`, a sub-app inherits the parent's settings (`trust proxy`
 * among them), so it behaves as a Router would.
 */
export function createSubApp(factory: string, maxBodyBytes: number): Express {
  const app = express();
  app.disable('x-powered-by');
  app.on('mount', (parent: unknown) => checkSessionMiddleware(factory, parent));
  // The app's own body parsers usually ran already (then these skip); if not,
  // these parse just the small form and JSON bodies the routes accept.
  const urlencoded = express.urlencoded({
    extended: false,
    limit: maxBodyBytes,
    parameterLimit: 20,
  });
  const json = express.json({ limit: maxBodyBytes });
  app.use(function parseBodyUnlessParsed(req: Request, res: Response, next: NextFunction) {
    // A body the app's parsers already read is over (readableEnded); both parsers
    // would skip it too, but as two more router layers, each with its own checks.
    if (req.readableEnded) {
      markParsedElsewhere(req);
      next();
      return;
    }
    urlencoded(req, res, (error?: unknown) => (error ? next(error) : json(req, res, next)));
  });
  app.use(function requireUsableSession(req: Request, _res: Response, next: NextFunction) {
    try {
      sessionOf(req);
      next();
    } catch (error) {
      // A mounting mistake, not a runtime fault: hand it to the app's error handler
      // with a message that says what to mount.
      next(new SetupError('ERR_PASSWORDLESS_SESSION', `${factory}: ${(error as Error).message}`));
    }
  });
  return app;
}

/**
 * Body-parser's own errors (bad JSON, too large, bad charset) as this package's
 * errors, so they are answered in the documented shape; `undefined` for others.
 */
export function fromBodyParserError(error: unknown): PasswordlessError | undefined {
  const type = (error as { type?: unknown })?.type;
  if (typeof type !== 'string') {
    // A body whose Content-Encoding is a lie: body-parser passes zlib's own error
    // on (Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_1…) with status 400 and no `type`.
    return isDecompressionError(error)
      ? new InvalidInputError('body', 'could not be decompressed')
      : undefined;
  }
  if (type === 'entity.too.large')
    return new PayloadTooLargeError(Number((error as { limit?: number }).limit) || 0);
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new UnsupportedMediaTypeError(`body-parser refused it (${type})`);
  }
  if (
    [
      'entity.parse.failed',
      'entity.verify.failed',
      'parameters.too.many',
      'request.size.invalid',
      'stream.encoding.set',
      'request.aborted',
    ].includes(type)
  ) {
    return new InvalidInputError('body', 'could not be read as a form or JSON object');
  }
  return undefined;
}

function isDecompressionError(error: unknown): boolean {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return status === 400 && typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code);
}

/** True when `app` mounts express-session (its middleware function is named `session`). */
export function mountsExpressSession(app: unknown): boolean {
  return stackOf(app).some((layer) => (layer.handle?.name ?? layer.name) === 'session');
}

interface Layer {
  name?: string;
  handle?: { name?: string };
}

function stackOf(parent: unknown): Layer[] {
  const app = parent as { _router?: { stack?: Layer[] }; router?: { stack?: Layer[] } };
  // Express 4 keeps its router in `_router`, Express 5 in `router`.
  return app._router?.stack ?? app.router?.stack ?? [];
}

function checkSessionMiddleware(factory: string, parent: unknown): void {
  const names = stackOf(parent).map((layer) => layer.handle?.name ?? layer.name ?? '');
  const hasExpressSession = names.includes('session');
  const hasCookieSession = names.some((name) => /^_?cookieSession$/.test(name));
  if (hasCookieSession && !hasExpressSession) {
    throw new SetupError(
      'ERR_PASSWORDLESS_SESSION',
      `${factory}: cookie-session is mounted, but passwordless login needs a session that can ` +
        'regenerate its id at login and be destroyed at logout (req.session.regenerate/save/destroy). ' +
        'Use express-session instead, with a store such as connect-redis in production.',
    );
  }
}
