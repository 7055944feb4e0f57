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
 * The properties the rest of the stack the README mounts sets on every request
 * it routes: Express (`res`), its router (`next`, `baseUrl`, `originalUrl`,
 * `params`, `route`, and parseurl's caches `_parsedUrl` and
 * `_parsedOriginalUrl`), body-parser (`body`, `_body`, and `length`, where
 * body-parser 1, Express 4's, parks the Content-Length for a moment) and
 * express-session (`session`, `sessionID`, `sessionStore`). Each reads them as
 * unset when they are `undefined`.
 */
export const EXPRESS_REQUEST_PROPERTIES = [
  'res',
  'next',
  'baseUrl',
  'originalUrl',
  'params',
  'route',
  '_parsedUrl',
  '_parsedOriginalUrl',
  'body',
  '_body',
  'length',
  'session',
  'sessionID',
  'sessionStore',
] as const;

/**
 * An `http.IncomingMessage` with the request properties that Passport, Express,
 * its router, body-parser and express-session add declared up front, for
 * `http.createServer({ IncomingMessage: PassportIncomingMessage, ServerResponse:
 * PassportServerResponse }, app)`. Optional: Passport, Express and the routers
 * behave the same with it; only what V8 pays on every request changes.
 *
 * Why: Express swaps each request's prototype for the app's (`app.request`),
 * and on Node 20 V8 does not cache a property added to an object whose
 * prototype was swapped: every such addition builds a new hidden class, so
 * every request ends with a hidden class of its own. That costs the addition
 * (about 2 µs, and garbage), and then every later read of the request, in every
 * middleware, finds a shape it has never seen (V8's caches go megamorphic). A
 * request through express-session, body-parser and Passport gains about twenty
 * properties after the swap; declared here, before it, they are stores into
 * existing fields, and every request keeps one hidden class
 * (docs/benchmarks.md, "Serving").
 *
 * What you can tell apart, all of it because the names are own properties of
 * every request from the start, `undefined` until their owner sets them:
 * - `'user' in req`, `req.hasOwnProperty('user')` and `Object.keys(req)` see
 *   them before their owner runs, and for the whole request when it never does
 *   (`user` on a request nobody is signed in to). Test `req.user`, as Passport
 *   does, or serve with `app.listen()`.
 * - `Object.defineProperty(req, 'user', { value })` changes only the value of
 *   the existing property, which stays writable and enumerable (on a plain
 *   request it would make a read-only, hidden one).
 * - An own property hides one of the same name on the request's prototype. So
 *   a name already defined where this constructor can see it, on
 *   `http.IncomingMessage.prototype` (as passport 0.4 and 0.5 patch it, for an
 *   old strategy) or on `express.request`, is left out, and its owner finds
 *   that one as it would without this class. Names defined on one app's own
 *   `app.request` cannot be seen here: don't use this class with an app that
 *   defines any of these names there. `query` is never declared: Express 5
 *   reads it through a getter, and the `express` this package resolves may not
 *   be the app's.
 *
 * Works for `https.createServer` too (the same option); it is not for HTTP/2's
 * compatibility API, whose requests are another class. Passport's
 * `userProperty` option names another property than `user`: extend this class
 * and declare that one too.
 */
export class PassportIncomingMessage extends IncomingMessage {
  constructor(socket: Socket) {
    super(socket);
    const request = this as unknown as Record<string | symbol, unknown>;
    if (definedOnAPrototype()) {
      for (const name of [...PASSPORT_REQUEST_PROPERTIES, ...EXPRESS_REQUEST_PROPERTIES]) {
        if (!(name in IncomingMessage.prototype || name in express.request)) {
          request[name] = undefined;
        }
      }
    } else {
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
      request.res = undefined;
      request.next = undefined;
      request.baseUrl = undefined;
      request.originalUrl = undefined;
      request.params = undefined;
      request.route = undefined;
      request._parsedUrl = undefined;
      request._parsedOriginalUrl = undefined;
      request.body = undefined;
      request._body = undefined;
      request.length = undefined;
      request.session = undefined;
      request.sessionID = undefined;
      request.sessionStore = undefined;
    }
    // EventEmitter counts listeners from its prototype's 0 until the first one is
    // added, often after the swap; the same value, own from the start.
    const eventsCount = request._eventsCount;
    request._eventsCount = eventsCount;
    const routerSymbol = learnedRouterSymbol(this);
    if (routerSymbol) request[routerSymbol] = undefined;
  }
}

/** What router 2.3 names the symbol under which it keeps a request's matched route, for tracing. */
const ROUTER_SYMBOL = 'router.tracing.matchedRoute';
/** Requests looked at before giving up (Express 4's router and router 2.2 have no such symbol). */
const ROUTER_SYMBOL_LOOKS = 64;
let routerSymbol: symbol | undefined;
let routerSymbolLooks = 0;
let previousRequest: WeakRef<object> | undefined;

/**
 * Router 2.3's tracing symbol, once a request it routed has shown it. It sets
 * that symbol on every request at its first matching layer, right after the
 * swap, and it has no public name; so each new request looks at the one before
 * it (routed by now) until one has it. Nothing is routed to find it: a fake
 * request would reach the tracers that subscribe to the router's channel.
 */
function learnedRouterSymbol(request: object): symbol | undefined {
  if (routerSymbol || routerSymbolLooks >= ROUTER_SYMBOL_LOOKS) return routerSymbol;
  const previous = previousRequest?.deref();
  previousRequest = new WeakRef(request);
  if (!previous) return undefined;
  routerSymbolLooks += 1;
  routerSymbol = Object.getOwnPropertySymbols(previous).find(
    (key) => key.description === ROUTER_SYMBOL,
  );
  if (routerSymbol) previousRequest = undefined;
  return routerSymbol;
}

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
    'res' in node ||
    'next' in node ||
    'baseUrl' in node ||
    'originalUrl' in node ||
    'params' in node ||
    'route' in node ||
    '_parsedUrl' in node ||
    '_parsedOriginalUrl' in node ||
    'body' in node ||
    '_body' in node ||
    'length' in node ||
    'session' in node ||
    'sessionID' in node ||
    'sessionStore' in node ||
    'login' in app ||
    'logIn' in app ||
    'logout' in app ||
    'logOut' in app ||
    'isAuthenticated' in app ||
    'isUnauthenticated' in app ||
    '_sessionManager' in app ||
    'user' in app ||
    'authInfo' in app ||
    'res' in app ||
    'next' in app ||
    'baseUrl' in app ||
    'originalUrl' in app ||
    'params' in app ||
    'route' in app ||
    '_parsedUrl' in app ||
    '_parsedOriginalUrl' in app ||
    'body' in app ||
    '_body' in app ||
    'length' in app ||
    'session' in app ||
    'sessionID' in app ||
    'sessionStore' in app
  );
}
