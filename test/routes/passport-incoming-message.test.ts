/**
 * `PassportIncomingMessage` and `PassportServerResponse` declare the properties
 * Passport, Express, its router, body-parser and express-session add to each
 * request and response before Express swaps their prototypes, so those
 * packages store into existing fields rather than adding properties (which V8
 * makes costly after the swap, and which gave every request a hidden class of
 * its own). They must change no behaviour: a whole sign-in, a signed-in request
 * and a logout work on a server made with them, and no request or response
 * gains an own property on the way (on the server made without them, they do,
 * so the check sees what it claims to see). Run on Express 4 and 5.
 */
import {
  createServer,
  IncomingMessage,
  OutgoingMessage,
  ServerResponse,
  type RequestListener,
  type Server,
} from 'node:http';
import express from 'express';
import request from 'supertest';
import { PassportIncomingMessage, PassportServerResponse } from '../../src/index';
import {
  EXPRESS_REQUEST_PROPERTIES,
  PASSPORT_REQUEST_PROPERTIES,
} from '../../src/passport-incoming-message';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Key = string | symbol;
interface Gained {
  request: Key[];
  response: Key[];
}

/** The app, recording the own properties each request and response gained between construction and the response's end. */
function recording(gained: Gained[]): RequestListener {
  return (req, res) => {
    const requestBefore = new Set(Reflect.ownKeys(req));
    const responseBefore = new Set(Reflect.ownKeys(res));
    res.on('finish', () =>
      gained.push({
        request: Reflect.ownKeys(req).filter((key) => !requestBefore.has(key)),
        response: Reflect.ownKeys(res).filter((key) => !responseBefore.has(key)),
      }),
    );
    t.app(req as never, res as never);
  };
}

/** A whole SMS sign-in, a signed-in request and a logout on `server`; what each request and response gained. */
async function signInAndOut(server: Server, account: number): Promise<void> {
  const { phone: accountPhone, uid } = t.emulator.accounts[account]!;
  const phone = accountPhone!;
  const agent = request.agent(server);
  await agent.post('/auth/otp').send({ phone }).expect(200);
  const signedIn = await agent.post('/auth/otp/verify').send({ otp: latestOtp(t.emulator, phone) });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body).toMatchObject({ signedIn: true, user: { uid } });
  const me = await agent.get('/me').set('Accept', 'application/json');
  expect(me.status).toBe(200);
  expect(me.body.uid).toBe(uid);
  await agent.post('/auth/logout').set('Accept', 'application/json').expect(200);
  await agent.get('/me').set('Accept', 'application/json').expect(401);
  // A failure answered by the error handler and a page take other paths through the stack.
  await agent.post('/auth/otp/verify').send({ otp: '000000' }).expect(401);
  await agent.get('/auth/otp/sent').set('Accept', 'text/html').expect(200);
}

/** Router 2.3 (Express 5's) keeps each request's matched route under a symbol with this description. */
const isRouterSymbol = (key: Key): boolean =>
  typeof key === 'symbol' && key.description === 'router.tracing.matchedRoute';
/** Express 4's query middleware adds `query`, which the class leaves to it (Express 5 has a getter). */
const notQuery = (gained: Gained): Gained => ({
  request: gained.request.filter((key) => key !== 'query' || 'query' in express.request),
  response: gained.response,
});

test('a sign-in, a signed-in request, a logout and a failure work, and no request or response gains a property', async () => {
  const withClasses: Gained[] = [];
  const server = createServer(
    { IncomingMessage: PassportIncomingMessage, ServerResponse: PassportServerResponse },
    recording(withClasses),
  );
  // The first request shows the class router 2.3's symbol, which it declares from the next one on.
  await request(server).get('/me').set('Accept', 'application/json').expect(401);
  const [first] = withClasses.splice(0);
  expect(notQuery(first!).request.filter((key) => !isRouterSymbol(key))).toEqual([]);
  expect(first!.response).toEqual([]);

  await signInAndOut(server, 0);
  expect(withClasses).toHaveLength(7);
  for (const gained of withClasses) expect(notQuery(gained)).toEqual({ request: [], response: [] });

  // The same requests on a plain server gain Passport's, Express's and express-session's properties.
  const plain: Gained[] = [];
  await signInAndOut(createServer(recording(plain)), 1);
  expect(plain).toHaveLength(7);
  for (const { request: keys, response } of plain) {
    expect(keys).toEqual(expect.arrayContaining(['isAuthenticated', '_sessionManager', 'res']));
    // (`session` too, but a logout deletes it.)
    expect(keys).toEqual(expect.arrayContaining(['sessionStore', 'originalUrl', 'route']));
    expect(response).toEqual(expect.arrayContaining(['locals', 'end', 'writeHead']));
  }
});

test('the request properties start undefined, so a request nobody signed in is not authenticated', () => {
  const req = new PassportIncomingMessage(null as never) as unknown as Record<Key, unknown>;
  for (const name of [...PASSPORT_REQUEST_PROPERTIES, ...EXPRESS_REQUEST_PROPERTIES]) {
    expect(Object.hasOwn(req, name)).toBe(true);
    expect(req[name]).toBeUndefined();
  }
  // Never `query`: Express 5 reads it through a getter, and the app's express may not be ours.
  expect(Object.hasOwn(req, 'query')).toBe(false);
  // EventEmitter's count, own from the start with the prototype's value.
  expect(Object.hasOwn(req, '_eventsCount')).toBe(true);
  expect(req._eventsCount).toBe(0);
});

test('a name already on a prototype it can see is left out, so that one still counts', () => {
  // passport 0.4 and 0.5 patch IncomingMessage.prototype; a library may add to express.request.
  const patched: [Record<string, unknown>, string][] = [
    [IncomingMessage.prototype as unknown as Record<string, unknown>, 'logIn'],
    [express.request as unknown as Record<string, unknown>, 'isAuthenticated'],
    [express.request as unknown as Record<string, unknown>, 'body'],
  ];
  const methods = patched.map(([prototype, name]) => {
    const method = function patchedMethod(): boolean {
      return true;
    };
    prototype[name] = method;
    return method;
  });
  try {
    const req = new PassportIncomingMessage(null as never) as unknown as Record<string, unknown>;
    // As Express does on its way in.
    Object.setPrototypeOf(req, express.request);
    for (const [index, [, name]] of patched.entries()) {
      expect(Object.hasOwn(req, name)).toBe(false);
      expect(req[name]).toBe(methods[index]);
    }
    expect(Object.hasOwn(req, 'login')).toBe(true);
    expect(Object.hasOwn(req, 'user')).toBe(true);
    expect(Object.hasOwn(req, 'session')).toBe(true);
  } finally {
    for (const [prototype, name] of patched) delete prototype[name];
  }
  // Once they are gone, every name is declared again.
  const req = new PassportIncomingMessage(null as never);
  for (const name of [...PASSPORT_REQUEST_PROPERTIES, ...EXPRESS_REQUEST_PROPERTIES]) {
    expect(Object.hasOwn(req, name)).toBe(true);
  }
});

test('a response starts with the values its prototype gives, so nothing reads another value', () => {
  const req = new PassportIncomingMessage(null as never);
  const res = new PassportServerResponse(req) as unknown as Record<string, unknown>;
  for (const name of ['locals', 'statusCode', 'statusMessage', 'writeHead', 'end']) {
    expect(Object.hasOwn(res, name)).toBe(true);
  }
  expect(res.locals).toBeUndefined();
  expect(res.statusCode).toBe(200);
  expect(res.statusMessage).toBeUndefined();
  expect(res.writeHead).toBe(ServerResponse.prototype.writeHead);
  expect(res.end).toBe(OutgoingMessage.prototype.end);
});

test('an end or writeHead that express.response defines is left out, so that one still counts', () => {
  const response = express.response as unknown as Record<string, unknown>;
  const end = function patchedEnd(): void {};
  response.end = end;
  try {
    const res = new PassportServerResponse(new IncomingMessage(null as never)) as unknown as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(res, 'end')).toBe(false);
    Object.setPrototypeOf(res, express.response);
    expect(res.end).toBe(end);
    expect(Object.hasOwn(res, 'writeHead')).toBe(true);
  } finally {
    delete response.end;
  }
});
