import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ROUTES, type Route } from './api-routes';
import { handleControlRequest } from './control-api';
import { LoginRadiusError, httpErrorBody } from './errors';
import { answerWithFault } from './faults';
import type { ApiReply } from './handler-types';
import { readBody, sendJson } from './http-io';
import { MalformedParameterError, RequestParams, parseJsonObject } from './params';
import { carriesCaptcha, originIpOf } from './request-log';
import { refuseForeignRequest } from './request-guard';
import type { EmulatorState } from './state';

/**
 * The emulator's request listener. `signal` aborts when the emulator closes, so
 * a `latency` fault in progress does not outlive it.
 */
export function createRequestListener(state: EmulatorState, signal: AbortSignal): RequestListener {
  return (req, res) => {
    route(state, signal, req, res).catch((error: unknown) => {
      // A client that went away mid-request is not an emulator bug.
      if (res.destroyed || res.writableEnded) return;
      state.log(`internal error on ${req.method} ${pathOf(req.url)}: ${String(error)}`);
      if (!res.headersSent) {
        // The generic answer of LoginRadius's platform, not a LoginRadius error body.
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end('{"Message":"An error has occurred."}');
      } else {
        res.destroy();
      }
    });
  };
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return query < 0 ? raw : raw.slice(0, query);
}

async function route(
  state: EmulatorState,
  signal: AbortSignal,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const rawUrl = req.url ?? '/';
  const path = pathOf(rawUrl);
  const search = rawUrl.slice(path.length + 1);
  const method = req.method ?? 'GET';

  const control = path === '/emulator' || path.startsWith('/emulator/');
  // Before anything else, so a refused request does nothing at all (not even count).
  const refusal = refuseForeignRequest(state.config, req);
  if (refusal) {
    // Its body is never read (Node discards what is left once the answer is sent).
    return control
      ? sendJson(res, refusal.status, { error: refusal.reason })
      : sendJson(res, refusal.status, httpErrorBody(refusal.status, refusal.reason));
  }
  if (control) return handleControlRequest(state, req, res, path, search);
  const normalized = path.length > 1 ? path.replace(/\/+$/, '').toLowerCase() : path;
  const found = ROUTES.get(normalized);
  if (!found) {
    return sendJson(
      res,
      404,
      httpErrorBody(404, `This emulator serves no LoginRadius API at ${method} ${path}.`),
    );
  }
  if (!found.methods.includes(method)) {
    return sendJson(
      res,
      405,
      httpErrorBody(405, `${path} answers ${found.methods.join(' and ')}, not ${method}.`),
      { Allow: found.methods.join(', ') },
    );
  }

  // Counted and logged on arrival, whatever happens next, so tests see every attempt.
  state.calls.count(found.endpoint);
  const read = await readBody(req);
  const originIp = originIpOf(req);
  state.requests.record({
    endpoint: found.endpoint,
    method,
    ...(originIp !== undefined && { originIp }),
    captcha: carriesCaptcha(method, search, read.ok ? read.body : undefined),
    at: new Date(state.config.clock()).toISOString(),
  });
  if (!read.ok) {
    return sendJson(res, 413, httpErrorBody(413, 'The request body is larger than 64 KiB.'), {
      Connection: 'close',
    });
  }

  // Faults come before the real handler, so they never spend a token or code.
  const fault = state.faults.take(found.endpoint);
  if (fault && fault.type !== 'latency') {
    return answerWithFault(fault, res, state.config.clock());
  }
  if (fault) {
    try {
      await delay(fault.ms, undefined, { signal });
    } catch {
      return; // The emulator closed while waiting.
    }
  }
  const reply = answer(state, found, method, search, read.body, req.headers.authorization);
  sendJson(res, reply.status, reply.body);
}

function answer(
  state: EmulatorState,
  found: Route,
  method: string,
  search: string,
  rawBody: Buffer,
  authorization: string | undefined,
): ApiReply {
  try {
    const apiKey = new RequestParams(search).query('apikey');
    if (apiKey === undefined) throw new LoginRadiusError(922);
    if (apiKey !== state.config.apiKey) throw new LoginRadiusError(920);
    // GETs carry no body (the SDK still says `Content-Type: application/json`).
    const body = method === 'GET' ? undefined : parseJsonObject(rawBody);
    const params = new RequestParams(search, body);
    return found.handler(state, { params, authorization });
  } catch (error) {
    if (error instanceof LoginRadiusError) return { status: error.status, body: error.body };
    if (error instanceof MalformedParameterError) {
      const malformed = new LoginRadiusError(908);
      return { status: malformed.status, body: malformed.body };
    }
    throw error;
  }
}
