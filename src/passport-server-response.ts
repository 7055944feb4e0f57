import { ServerResponse, type IncomingMessage } from 'node:http';
import express from 'express';

/**
 * An `http.ServerResponse` with the properties Express, express-session and
 * on-headers add to every response declared up front: the partner of
 * {@link PassportIncomingMessage}, for `http.createServer({ IncomingMessage:
 * PassportIncomingMessage, ServerResponse: PassportServerResponse }, app)`, and
 * optional in the same way: nothing behaves differently, only what V8 pays.
 *
 * Why: Express swaps each response's prototype for the app's (`app.response`)
 * as it does the request's, so each property added afterwards gives the
 * response a hidden class of its own (see {@link PassportIncomingMessage}).
 * Express adds `locals`; a status sets `statusCode` and `statusMessage` (Node
 * keeps their defaults on the prototype); express-session and on-headers
 * replace `end` and `writeHead` by assignment. Here `locals` starts
 * `undefined` (Express makes it on first sight), and the other four start as
 * own copies of what the prototype holds when the response is made, so
 * nothing reads a different value.
 *
 * What you can tell apart: those five are own properties of every response,
 * and an own `end` or `writeHead` hides one defined on a prototype after it
 * was read. So `end` or `writeHead` that `express.response` defines is left
 * out; defined on one app's own `app.response` they cannot be seen here (don't
 * use this class with an app that defines them there); and an agent that
 * wraps `http.ServerResponse.prototype.end` reaches the responses made after
 * it did so, not one already in flight.
 */
export class PassportServerResponse<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  constructor(req: Request, ...rest: unknown[]) {
    // Node passes its options (highWaterMark…) as a second argument its types leave out.
    super(...([req, ...rest] as [Request]));
    const response = this as unknown as Record<string, unknown>;
    response.locals = undefined;
    response.statusCode = this.statusCode;
    response.statusMessage = this.statusMessage;
    if (!Object.hasOwn(express.response, 'writeHead')) response.writeHead = this.writeHead;
    if (!Object.hasOwn(express.response, 'end')) response.end = this.end;
  }
}
