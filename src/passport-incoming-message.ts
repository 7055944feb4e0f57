import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The properties Passport (0.6 and 0.7) sets on every request it sees:
 * `passport.session()`, `passport.initialize()` and `passport.authenticate()`
 * assign the first seven, a login sets `user`, a strategy's success `authInfo`.
 */
export const PASSPORT_REQUEST_PROPERTIES = [
  'login',
  'logIn',
  'logout',
  'logOut',
  'isAuthenticated',
  'isUnauthenticated',
  '_sessionManager',
  'user',
  'authInfo',
] as const;

/**
 * Passport 0.4 and 0.5 put `logIn` and the other five request methods on
 * `http.IncomingMessage.prototype`; this one tells whether they are there.
 */
const LEGACY_PROTOTYPE_METHOD = 'logIn';

/**
 * An `http.IncomingMessage` with Passport's request properties declared up
 * front, for `http.createServer({ IncomingMessage: PassportIncomingMessage }, app)`.
 * Optional: it changes no behaviour, only what V8 pays on every request.
 *
 * Why: Express swaps each request's prototype for the app's (`app.request`),
 * and on Node 20 V8 does not cache property additions on an object whose
 * prototype was swapped, so every property added afterwards builds a new hidden
 * class (about 2 µs each, and garbage). Passport adds up to nine per request, so
 * a signed-in request pays 20–40 µs for them: much of its cost over a route
 * that reads express-session by hand (docs/benchmarks.md). Declared here, before
 * the swap, Passport's assignments store into existing fields instead.
 *
 * The properties start `undefined`, which is what Passport sees on a plain
 * request: `req.isAuthenticated` is still set by Passport's middleware before
 * use, and `req.user` is `undefined` until a session or a login sets it. When
 * passport 0.4 or 0.5 (pulled in by an old strategy) has put `logIn` and its
 * siblings on `http.IncomingMessage.prototype`, the method slots are left out,
 * so that Passport still finds those methods as it would without this class.
 * Works for `https.createServer` too (the same option); it is not for HTTP/2's
 * compatibility API, whose requests are another class.
 *
 * Passport's `userProperty` option names another property than `user`: extend
 * this class and declare that one too.
 */
export class PassportIncomingMessage extends IncomingMessage {
  constructor(socket: Socket) {
    super(socket);
    // Plain named assignments, in a fixed order: every request starts with the same hidden class.
    const request = this as unknown as Record<
      (typeof PASSPORT_REQUEST_PROPERTIES)[number],
      unknown
    >;
    if (!(LEGACY_PROTOTYPE_METHOD in IncomingMessage.prototype)) {
      request.login = undefined;
      request.logIn = undefined;
      request.logout = undefined;
      request.logOut = undefined;
      request.isAuthenticated = undefined;
      request.isUnauthenticated = undefined;
    }
    request._sessionManager = undefined;
    request.user = undefined;
    request.authInfo = undefined;
  }
}
