import type { Request } from 'express';
import type { FlowRecordStore } from './routes/options';
import { storeEntryLifetime } from './session';

/**
 * Keeps a signed-out session signed out. express-session writes back, at the end
 * of each request that changed it, the copy of the session the request loaded
 * when it started. A request still in flight when the person signs out (a send
 * or a wrong code typed with a stolen cookie, waiting on LoginRadius) would
 * therefore write the destroyed session back, signed in, after the logout.
 *
 * Logout leaves a marker under the session id in the session store, which every
 * instance shares; a signed-in request's save first looks for it and, once the
 * session was signed out, writes nothing. The marker is read only when a
 * signed-in request saves (rarely: most signed-in requests change nothing), not
 * on every request. Written here because express-session has no hook for it and
 * session stores have no compare-and-set; what is left is the store round trip
 * between the marker's read and the save's write.
 */

const KEY_PREFIX = 'passwordless-signed-out:';
/** Far longer than any request that could still be in flight (LoginRadius's timeout, the store's). */
const MARKER_TTL_MS = 60 * 60_000;

interface SavableSession {
  id: string;
  save(callback?: (error?: unknown) => void): unknown;
}

function storeOf(req: Request): FlowRecordStore | undefined {
  const store = (req as unknown as { sessionStore?: Partial<FlowRecordStore> }).sessionStore;
  return typeof store?.get === 'function' && typeof store.set === 'function'
    ? (store as FlowRecordStore)
    : undefined;
}

/** Leaves the signed-out marker for this request's session id (call before destroying it). */
export function markSignedOut(req: Request): Promise<void> {
  const store = storeOf(req);
  const id = (req as unknown as { sessionID?: string }).sessionID;
  if (!store || !id) return Promise.resolve();
  const now = Date.now();
  const marker = { signedOut: now, cookie: storeEntryLifetime(now + MARKER_TTL_MS, now) };
  return new Promise((resolve, reject) =>
    store.set(KEY_PREFIX + id, marker, (error) => (error ? reject(error) : resolve())),
  );
}

/** Sessions whose save is already guarded (a request passes several of the package's middlewares). */
const guarded = new WeakSet<object>();

/**
 * Makes this signed-in request's session save write nothing if the session was
 * signed out while the request ran. Cheap: one closure; the store is read only
 * if the request saves.
 */
export function guardSignedInSave(req: Request): void {
  const session = (req as unknown as { session?: SavableSession }).session;
  if (!session || typeof session.save !== 'function' || guarded.has(session)) return;
  const store = storeOf(req);
  if (!store) return;
  guarded.add(session);
  const save = session.save;
  session.save = function saveUnlessSignedOut(this: SavableSession, callback) {
    store.get(KEY_PREFIX + this.id, (error, marker) => {
      // A marker that cannot be read may be there: the save fails closed (and
      // express-session reports the error), or one store timeout would let a
      // request with a stolen cookie write a signed-out session back.
      // ENOENT is "no such entry" to stores that read files (session-file-store), as
      // express-session itself reads it: no marker.
      if (error && (error as { code?: unknown }).code !== 'ENOENT') {
        callback?.(error);
        return;
      }
      if (!error && marker) {
        callback?.();
        return;
      }
      save.call(this, callback);
    });
    return this;
  };
}
