/**
 * `PassportIncomingMessage` declares Passport's request properties before
 * Express swaps the request's prototype, so Passport stores into existing
 * fields rather than adding properties (which V8 makes costly after the swap).
 * It must change no behaviour: a whole sign-in, a signed-in request and a
 * logout work on a server made with it, and Passport adds no property of its
 * own to its requests (on the server made without it, it does, so the check
 * sees what it claims to see).
 */
import { createServer, IncomingMessage, type Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import request from 'supertest';
import { PassportIncomingMessage } from '../../src/index';
import { PASSPORT_REQUEST_PROPERTIES } from '../../src/passport-incoming-message';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

/** The own properties each request gained after express-session ran: from Passport, the routers and the route. */
const added: string[][] = [];
const recordAddedProperties: RequestHandler = (req, res, next) => {
  const before = new Set(Object.keys(req));
  res.on('finish', () => added.push(Object.keys(req).filter((key) => !before.has(key))));
  next();
};
const expressSession = session({ secret: 'test secret', resave: false, saveUninitialized: false });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    sessionMiddleware: (req, res, next) =>
      expressSession(req, res, (error?: unknown) =>
        error ? next(error) : recordAddedProperties(req, res, next),
      ),
  });
});
afterAll(async () => t.close());

/** Own properties a request gains without Passport: Express's router sets `route`, Node's EventEmitter `_eventsCount` with a first listener. */
const NOT_PASSPORTS = ['route', '_eventsCount'];

/** A whole SMS sign-in, a signed-in request and a logout; the properties each request gained. */
async function signInAndOut(server: Server, account: number): Promise<string[][]> {
  added.length = 0;
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
  return added.map((keys) => [...keys].sort());
}

test('a sign-in, a signed-in request and a logout work, and Passport adds no property to a request', async () => {
  const withClass = await signInAndOut(
    createServer({ IncomingMessage: PassportIncomingMessage }, t.app),
    0,
  );
  expect(withClass).toHaveLength(5);
  // Nothing but Express's and Node's own: a property a new Passport added would show here.
  for (const keys of withClass)
    expect(keys.filter((key) => !NOT_PASSPORTS.includes(key))).toEqual([]);

  // The same requests on a plain server: Passport adds its properties there, so the check above sees them.
  const plain = await signInAndOut(createServer(t.app), 1);
  expect(plain).toHaveLength(5);
  for (const keys of plain) {
    expect(keys).toEqual(expect.arrayContaining(['isAuthenticated', 'logIn', '_sessionManager']));
    const passports = keys.filter((key) => !NOT_PASSPORTS.includes(key));
    expect(PASSPORT_REQUEST_PROPERTIES).toEqual(expect.arrayContaining(passports));
  }
});

test('the properties start undefined, so a request nobody signed in is not authenticated', () => {
  const req = new PassportIncomingMessage(null as never);
  for (const name of PASSPORT_REQUEST_PROPERTIES) {
    expect(Object.prototype.hasOwnProperty.call(req, name)).toBe(true);
    expect((req as unknown as Record<string, unknown>)[name]).toBeUndefined();
  }
});

test('a name already on a prototype it can see is left out, so that one still counts', () => {
  // passport 0.4 and 0.5 patch IncomingMessage.prototype; a library may add to express.request.
  const patched: [Record<string, unknown>, string][] = [
    [IncomingMessage.prototype as unknown as Record<string, unknown>, 'logIn'],
    [express.request as unknown as Record<string, unknown>, 'isAuthenticated'],
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
    for (const [index, [, name]] of patched.entries()) {
      expect(Object.prototype.hasOwnProperty.call(req, name)).toBe(false);
      if (name === 'logIn') expect(req[name]).toBe(methods[index]);
    }
    expect(Object.prototype.hasOwnProperty.call(req, 'login')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(req, 'user')).toBe(true);
  } finally {
    for (const [prototype, name] of patched) delete prototype[name];
  }
  // Once they are gone, every name is declared again.
  const req = new PassportIncomingMessage(null as never);
  for (const name of PASSPORT_REQUEST_PROPERTIES) {
    expect(Object.prototype.hasOwnProperty.call(req, name)).toBe(true);
  }
});
