import type { ServerResponse } from 'node:http';
import { EmulatorOptionsError } from './errors';
import { secondFactorChallenge } from './login-response';
import type { EmulatorEndpoint, EmulatorFault, EmulatorFaultType } from './types';

const FAULT_TYPES: readonly EmulatorFaultType[] = [
  'latency',
  'hang',
  'status',
  'rate_limit',
  'malformed_json',
  'reset',
  'second_factor',
];

export const ENDPOINTS: readonly EmulatorEndpoint[] = [
  'sendEmailLink',
  'verifyEmailToken',
  'verifyEmailOtp',
  'sendPhoneOtp',
  'verifyPhoneOtp',
  'validateAccessToken',
  'invalidateAccessToken',
  'getProfile',
];

const VERIFY_ENDPOINTS: ReadonlySet<EmulatorEndpoint> = new Set([
  'verifyEmailToken',
  'verifyEmailOtp',
  'verifyPhoneOtp',
]);

/** A validated fault with every default filled in. */
export interface QueuedFault {
  endpoint: EmulatorEndpoint | '*';
  type: EmulatorFaultType;
  remaining: number;
  ms: number;
  status: number;
  retryAfter: number | undefined;
}

/** Checks a fault given to `inject` or `POST /emulator/faults`; throws on a bad one. */
export function parseFault(input: unknown): QueuedFault {
  if (input === null || typeof input !== 'object') {
    throw new EmulatorOptionsError('A fault must be an object like { type: "hang" }.');
  }
  const fault = input as EmulatorFault;
  if (!FAULT_TYPES.includes(fault.type)) {
    throw new EmulatorOptionsError(
      `Unknown fault type ${JSON.stringify(fault.type)}; use one of ${FAULT_TYPES.join(', ')}.`,
    );
  }
  const endpoint = fault.endpoint ?? '*';
  if (endpoint !== '*' && !ENDPOINTS.includes(endpoint)) {
    throw new EmulatorOptionsError(
      `Unknown fault endpoint ${JSON.stringify(endpoint)}; use '*' or one of ${ENDPOINTS.join(', ')}.`,
    );
  }
  if (fault.type === 'second_factor' && endpoint !== '*' && !VERIFY_ENDPOINTS.has(endpoint)) {
    throw new EmulatorOptionsError(
      'A `second_factor` fault only applies to verifyEmailToken, verifyEmailOtp and verifyPhoneOtp.',
    );
  }
  const times = fault.times ?? Infinity;
  if (times !== Infinity && !(Number.isInteger(times) && times > 0)) {
    throw new EmulatorOptionsError('Fault `times` must be a positive integer (or omitted).');
  }
  if (fault.type === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
    throw new EmulatorOptionsError('A `latency` fault needs `ms`, a delay of 0 or more.');
  }
  const status = fault.status ?? 500;
  if (!(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new EmulatorOptionsError('Fault `status` must be an HTTP status from 400 to 599.');
  }
  const retryAfter = fault.retryAfter ?? (fault.type === 'rate_limit' ? 1 : undefined);
  if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && retryAfter >= 0)) {
    throw new EmulatorOptionsError('Fault `retryAfter` must be a whole number of seconds.');
  }
  return { endpoint, type: fault.type, remaining: times, ms: fault.ms ?? 0, status, retryAfter };
}

/** The injected faults, consumed oldest first. */
export class FaultQueue {
  #faults: QueuedFault[] = [];

  add(fault: QueuedFault): void {
    this.#faults.push(fault);
  }

  clear(): void {
    this.#faults = [];
  }

  /** Takes one use of the first fault that applies to `endpoint`, if any. */
  take(endpoint: EmulatorEndpoint): QueuedFault | undefined {
    const fault = this.#faults.find(
      (candidate) =>
        (candidate.endpoint === '*' || candidate.endpoint === endpoint) &&
        // A second-factor challenge only exists for verifies; other calls leave it queued.
        (candidate.type !== 'second_factor' || VERIFY_ENDPOINTS.has(endpoint)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((other) => other !== fault);
    return fault;
  }
}

/**
 * Answers `res` as the fault says. `latency` is not handled here: the caller
 * waits and then runs the real handler.
 */
export function answerWithFault(fault: QueuedFault, res: ServerResponse, now: number): void {
  switch (fault.type) {
    case 'latency':
    case 'hang':
      // Hang: leave the request open; close() or the client's own timeout ends it.
      return;
    case 'status':
      return answerStatus(fault, res);
    case 'rate_limit':
      res.writeHead(429, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': String(fault.retryAfter ?? 1),
      });
      res.end('Too Many Requests');
      return;
    case 'malformed_json':
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end('{"Profile":{"Uid":"4f2c');
      return;
    case 'reset':
      return resetMidBody(res);
    case 'second_factor':
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(secondFactorChallenge(now)));
      return;
  }
}

// What a load balancer or the platform in front of LoginRadius answers: not a
// LoginRadius error body, so a client must not read one into it.
function answerStatus(fault: QueuedFault, res: ServerResponse): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  if (fault.status === 500) {
    res.writeHead(500, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end('{"Message":"An error has occurred."}');
    return;
  }
  const title = `${fault.status} ${statusText(fault.status)}`;
  res.writeHead(fault.status, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`);
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Time-out',
  };
  return texts[status] ?? 'Error';
}

function resetMidBody(res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': '512',
  });
  res.write('{"Profile":{"Uid":"', () => {
    const socket = res.socket;
    if (!socket) return;
    try {
      // A TCP RST, as a dropped connection looks to the client.
      socket.resetAndDestroy();
    } catch {
      // TLS sockets cannot send a bare RST; closing mid-body still breaks the response.
      socket.destroy();
    }
  });
}
