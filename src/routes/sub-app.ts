import express, { type Request, type Response, type Router } from 'express';
import {
  InvalidInputError,
  PasswordlessError,
  PayloadTooLargeError,
  SetupError,
  UnsupportedMediaTypeError,
} from '../errors';
import { sessionOf } from '../session';
import { guardSignedInSave } from '../signed-out-sessions';
import { markParsedElsewhere } from './request-body';

/**
 * A router that Express mounts as if it were a sub-app. Why: an app hears
 * `app.use` mount it, so it can look at what was mounted before it and refuse,
 * at startup, a session middleware that cannot regenerate the session id at
 * login (cookie-session), instead of failing on the first login. A real
 * sub-app costs every request passing through it two prototype swaps of `req`
 * and `res` (which also spoil V8's inline caches) and its own init and query
 * layers; a Router with `handle`, `set` and `emit` is mounted the same way
 * (Express 4 and 5 tell an app by `handle` and `set`) and costs neither. It
 * inherits nothing and needs nothing: `req.app` stays the parent app, so
 * `trust proxy` and the other settings are the app's own.
 */
export type MountableRouter = Router & {
  /** Lets Express tell it for an app (it keeps no settings of its own). */
  set(setting: string, value?: unknown): unknown;
  /** Hears `app.use` mount it, and checks the session middleware mounted before it. */
  emit(event: string, parent: unknown): boolean;
};

export function createMountableRouter(factory: string): MountableRouter {
  const router = express.Router() as MountableRouter;
  router.set = () => router;
  router.emit = (event, parent) => {
    if (event === 'mount') checkSessionMiddleware(factory, parent);
    return true;
  };
  return router;
}

/**
 * What a route needs before its handler runs: a session that can regenerate
 * (else a {@link SetupError} that says what to mount) and, for a POST, its
 * small form or JSON body parsed. Run by each route rather than as router-level
 * middleware, so a request for the other router passes through this one untouched.
 */
export function routePreparer(
  factory: string,
  maxBodyBytes: number,
): (req: Request, res: Response) => Promise<void> {
  // The app's own body parsers usually ran already; if not, these parse just the
  // small form and JSON bodies the routes accept.
  const urlencoded = express.urlencoded({
    extended: false,
    limit: maxBodyBytes,
    parameterLimit: 20,
  });
  const json = express.json({ limit: maxBodyBytes });
  const parse = (req: Request, res: Response): Promise<void> =>
    new Promise((resolve, reject) => {
      urlencoded(req, res, (error?: unknown) =>
        error ? reject(error) : json(req, res, (e?: unknown) => (e ? reject(e) : resolve())),
      );
    });
  return async function prepare(req, res) {
    try {
      sessionOf(req);
    } catch (error) {
      throw new SetupError('ERR_PASSWORDLESS_SESSION', `${factory}: ${(error as Error).message}`);
    }
    // A signed-in browser's send or verify must not bring back a session signed out meanwhile.
    if ((req as { user?: unknown }).user) guardSignedInSave(req);
    if (req.method !== 'POST') return;
    // A body the app's parsers already read is over (readableEnded).
    if (req.readableEnded) {
      markParsedElsewhere(req);
      return;
    }
    await parse(req, res);
  };
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
