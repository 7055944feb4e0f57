import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorOptionsError } from './errors';
import { parseFault } from './faults';
import { readBody, sendJson } from './http-io';
import { MalformedParameterError, parseJsonObject } from './params';
import type { EmulatorState } from './state';
import type { EmulatorAccount, EmulatorAccountInput } from './types';

/**
 * The `/emulator/*` endpoints, for tests in other processes and for people
 * poking at a running emulator. Development only: they need no API key and
 * hand out every link and code that was "sent", so web pages are kept out (see
 * request-guard.ts) and writes must be JSON.
 */
export async function handleControlRequest(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const resource = Object.hasOwn(CONTROL_ROUTES, path) ? CONTROL_ROUTES[path] : undefined;
  if (!resource) {
    return sendJson(res, 404, { error: `No emulator control endpoint at ${path}.` });
  }
  const action = Object.hasOwn(resource, method) ? resource[method] : undefined;
  if (!action) {
    const allowed = Object.keys(resource).join(', ');
    return sendJson(res, 405, { error: `${path} answers ${allowed}.` }, { Allow: allowed });
  }
  let body: Record<string, unknown> | undefined;
  if (method === 'POST' && !isJson(req.headers['content-type'])) {
    // A web page can POST text/plain across sites without asking first; JSON it cannot.
    return sendJson(res, 415, { error: 'Control API writes need Content-Type: application/json.' });
  }
  if (method === 'POST') {
    const read = await readBody(req);
    if (!read.ok) {
      return sendJson(res, 413, { error: 'Body over 64 KiB.' }, { Connection: 'close' });
    }
    try {
      body = parseJsonObject(read.body);
    } catch (error) {
      if (error instanceof MalformedParameterError) {
        return sendJson(res, 400, { error: 'The body must be a JSON object.' });
      }
      throw error;
    }
  }
  try {
    const [status, payload] = action(state, new URLSearchParams(search), body ?? {});
    sendJson(res, status, payload);
  } catch (error) {
    if (!(error instanceof EmulatorOptionsError)) throw error;
    const status = /already exists/.test(error.message) ? 409 : 400;
    sendJson(res, status, { error: error.message });
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

type ControlAction = (
  state: EmulatorState,
  query: URLSearchParams,
  body: Record<string, unknown>,
) => [number, unknown];

const CONTROL_ROUTES: Readonly<Record<string, Readonly<Record<string, ControlAction>>>> = {
  '/emulator/health': {
    GET: () => [200, { ok: true }],
  },
  '/emulator/outbox': {
    GET: (state, query) => {
      const to = query.get('to');
      return [200, to ? state.outbox.for(to) : [...state.outbox]];
    },
    DELETE: (state) => {
      state.outbox.clear();
      return [200, { ok: true }];
    },
  },
  '/emulator/calls': {
    GET: (state) => [200, state.calls.snapshot()],
    DELETE: (state) => {
      state.calls.reset();
      return [200, { ok: true }];
    },
  },
  '/emulator/requests': {
    GET: (state) => [200, state.requests.list()],
    DELETE: (state) => {
      state.requests.clear();
      return [200, { ok: true }];
    },
  },
  '/emulator/faults': {
    POST: (state, _query, body) => {
      state.faults.add(parseFault(body));
      return [201, { ok: true }];
    },
    DELETE: (state) => {
      state.faults.clear();
      return [200, { ok: true }];
    },
  },
  '/emulator/accounts': {
    GET: (state) => [200, state.accounts.list().map(accountSummary)],
    POST: (state, _query, body) => [
      201,
      accountSummary(state.accounts.add(body as unknown as EmulatorAccountInput)),
    ],
  },
};

/** An account without its (large) Profile. */
export function accountSummary(account: EmulatorAccount): Omit<EmulatorAccount, 'profile'> {
  return {
    uid: account.uid,
    email: account.email,
    ...(account.username !== undefined && { username: account.username }),
    ...(account.phone !== undefined && { phone: account.phone }),
    phoneVerified: account.phoneVerified,
    blocked: account.blocked,
    locked: account.locked,
    twoFactor: account.twoFactor,
  };
}
