import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import express from 'express';

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
 * An `http.IncomingMessage` with Passport's request properties declared up
 * front, for `http.createServer({ IncomingMessage: PassportIncomingMessage }, app)`.
 * Optional: Passport and the routers behave the same with it; only what V8 pays
 * on every request changes.
 *
 * Why: Express swaps each request's prototype for the app's (`app.request`),
 * and on Node 20 V8 does not cache property additions on an object whose
 * prototype was swapped, so every property added afterwards builds a new hidden
 * class (about 2 µs each, and garbage). Passport adds up to nine per request, so
 * a signed-in request pays 20–40 µs for them: much of its cost over a route
 * that reads express-session by hand (docs/benchmarks.md). Declared here, before
 * the swap, Passport's assignments store into existing fields instead.
 *
 * What you can tell apart: the names are own properties of every request from
 * the start, `undefined` until Passport sets them (so `Object.keys(req)` and
 * `'user' in req` list them before Passport runs), and an own property hides
 * one of the same name on the request's prototype. So a name already defined
 * where this constructor can see it, on `http.IncomingMessage.prototype` (as
 * passport 0.4 and 0.5 patch it, for an old strategy) or on
 * `express.request`, is left out, and Passport finds that one as it would
 * without this class. Names defined on one app's own `app.request` cannot be
 * seen here: don't use this class with an app that defines any of these names
 * there.
 *
 * Works for `https.createServer` too (the same option); it is not for HTTP/2's
 * compatibility API, whose requests are another class. Passport's
 * `userProperty` option names another property than `user`: extend this class
 * and declare that one too.
 */
export class PassportIncomingMessage extends IncomingMessage {
  constructor(socket: Socket) {
    super(socket);
    const request = this as unknown as Record<PassportRequestProperty, unknown>;
    if (definedOnAPrototype()) {
      for (const name of PASSPORT_REQUEST_PROPERTIES) {
        if (!(name in IncomingMessage.prototype || name in express.request)) {
          request[name] = undefined;
        }
      }
      return;
    }
    // Named stores in a fixed order: one hidden class for every request, and cheap.
    request.login = undefined;
    request.logIn = undefined;
    request.logout = undefined;
    request.logOut = undefined;
    request.isAuthenticated = undefined;
    request.isUnauthenticated = undefined;
    request._sessionManager = undefined;
    request.user = undefined;
    request.authInfo = undefined;
  }
}

type PassportRequestProperty = (typeof PASSPORT_REQUEST_PROPERTIES)[number];

/**
 * Whether a prototype the request will have defines one of the names. Checked
 * per request, as a strategy loaded later may still patch a prototype; with
 * constant names (a few ns each), where a loop over them costs 1–2 µs a request.
 */
function definedOnAPrototype(): boolean {
  const node: object = IncomingMessage.prototype;
  const app: object = express.request;
  return (
    'login' in node ||
    'logIn' in node ||
    'logout' in node ||
    'logOut' in node ||
    'isAuthenticated' in node ||
    'isUnauthenticated' in node ||
    '_sessionManager' in node ||
    'user' in node ||
    'authInfo' in node ||
    'login' in app ||
    'logIn' in app ||
    'logout' in app ||
    'logOut' in app ||
    'isAuthenticated' in app ||
    'isUnauthenticated' in app ||
    '_sessionManager' in app ||
    'user' in app ||
    'authInfo' in app
  );
}
