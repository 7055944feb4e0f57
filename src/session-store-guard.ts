import { SessionError } from './errors';

/**
 * Wraps an express-session store (connect-redis, or any other) so that its
 * failures reach Express as {@link SessionError}s, which `errorHandler()` and
 * the routers answer with 503 "temporarily unavailable" instead of a 500 with
 * the store's own message. The store keeps working as before; only the errors
 * passed to its callbacks (or thrown) are wrapped, with the original as `cause`.
 *
 * Written here because express-session hands a store's error straight to
 * `next(err)` and no library marks those errors as "the session store is down".
 */
export function guardSessionStore<S extends object>(store: S): S {
  const target = store as unknown as Record<string, unknown>;
  for (const method of ['get', 'set', 'destroy', 'touch', 'all', 'length', 'clear']) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function guarded(this: unknown, ...args: unknown[]): unknown {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, ...rest: unknown[]) =>
          (callback as (...a: unknown[]) => void)(error ? wrap(method, error) : error, ...rest);
      }
      try {
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        // Promise-returning stores that also call back: keep the rejection handled.
        if (result && typeof (result as Promise<unknown>).catch === 'function') {
          return (result as Promise<unknown>).catch((error: unknown) => {
            if (typeof callback === 'function') return undefined;
            throw wrap(method, error);
          });
        }
        return result;
      } catch (error) {
        if (typeof callback === 'function') {
          (args[last] as (error: unknown) => void)(error);
          return undefined;
        }
        throw wrap(method, error);
      }
    };
  }
  return store;
}

function wrap(method: string, error: unknown): SessionError {
  if (error instanceof SessionError) return error;
  return new SessionError(`the session store failed to ${method} a session`, error);
}
