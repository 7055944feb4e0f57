import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { Pool } from 'undici';

/**
 * A real listening server on 127.0.0.1 and an undici connection pool to it.
 *
 * The reliability suites send thousands of requests; supertest starts a
 * server per request, while one keep-alive pool over loopback does the same
 * work many times faster and exercises the real HTTP parser (raw bytes, repeated
 * headers, lying Content-Type) the way a browser or an attacker reaches the app.
 */

/** One HTTP answer, read in full. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** How long the request took, in ms, from sending to the last body byte. */
  ms: number;
}

export interface RequestSpec {
  method: string;
  /** Path and query string, such as `/auth/callback?vtoken=x`. */
  path: string;
  /** Header pairs in order; a name may repeat. */
  headers?: [string, string][];
  body?: string | Buffer;
}

export interface LiveServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Requests sent, answers with a 5xx status, and requests that got no answer at all. */
  readonly stats: { requests: number; status5xx: number; unanswered: number };
  /** Sends one request and reads the whole answer. */
  send(spec: RequestSpec): Promise<Answer>;
  /** Closes the pool and the server, dropping idle keep-alive connections. */
  close(): Promise<void>;
}

export async function listen(app: Express, connections = 16): Promise<LiveServer> {
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const pool = new Pool(origin, { connections, keepAliveTimeout: 10_000 });
  const stats = { requests: 0, status5xx: 0, unanswered: 0 };
  return {
    origin,
    stats,
    async send(spec: RequestSpec): Promise<Answer> {
      const started = performance.now();
      stats.requests += 1;
      let response: Awaited<ReturnType<typeof pool.request>>;
      let text: string;
      try {
        response = await pool.request({
          method: spec.method as 'GET',
          path: spec.path,
          headers: (spec.headers ?? []).flat(),
          body: spec.body ?? null,
        });
        text = await response.body.text();
      } catch (error) {
        // The app dropped the connection instead of answering: what a crash looks like.
        // (A request undici refuses to send is the test's own mistake, not the app's.)
        if ((error as { code?: unknown }).code !== 'UND_ERR_INVALID_ARG') stats.unanswered += 1;
        throw error;
      }
      if (response.statusCode >= 500) stats.status5xx += 1;
      return {
        status: response.statusCode,
        headers: response.headers,
        text,
        ms: performance.now() - started,
      };
    },
    async close() {
      await pool.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The values of a header, whether it came once or several times. */
export function headerValues(answer: Answer, name: string): string[] {
  const value = answer.headers[name.toLowerCase()];
  return value === undefined ? [] : ([] as string[]).concat(value);
}

/** The answer's JSON body, or `undefined` when it is not JSON. */
export function jsonOf(answer: Answer): unknown {
  if (!headerValues(answer, 'content-type').some((type) => type.includes('json'))) return undefined;
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A browser with its own session cookie: sends JSON (or form) requests to a
 * live server and keeps the `connect.sid` cookie it is given, dropping it when
 * the server clears it.
 */
export class Browser {
  cookie: string | undefined;
  /** The Set-Cookie headers of the last answer. */
  lastSetCookie: string[] = [];

  constructor(
    private readonly server: LiveServer,
    private readonly cookieName = 'connect.sid',
  ) {}

  /** The session id in the cookie (express-session's `s:<id>.<signature>`), if any. */
  get sessionId(): string | undefined {
    if (!this.cookie) return undefined;
    const value = decodeURIComponent(this.cookie.slice(this.cookieName.length + 1));
    const match = /^s:([^.]+)\./.exec(value);
    return match?.[1];
  }

  async post(path: string, body: Record<string, unknown> = {}): Promise<Answer> {
    return this.send({
      method: 'POST',
      path,
      headers: [
        ['content-type', 'application/json'],
        ['accept', 'application/json'],
      ],
      body: JSON.stringify(body),
    });
  }

  async postForm(path: string, body: Record<string, string>): Promise<Answer> {
    return this.send({
      method: 'POST',
      path,
      headers: [
        ['content-type', 'application/x-www-form-urlencoded'],
        ['accept', 'text/html'],
      ],
      body: new URLSearchParams(body).toString(),
    });
  }

  async get(path: string): Promise<Answer> {
    return this.send({ method: 'GET', path, headers: [['accept', 'application/json']] });
  }

  async send(spec: RequestSpec): Promise<Answer> {
    const headers = [...(spec.headers ?? [])];
    if (this.cookie) headers.push(['cookie', this.cookie]);
    const answer = await this.server.send({ ...spec, headers });
    this.lastSetCookie = headerValues(answer, 'set-cookie');
    for (const line of this.lastSetCookie) {
      const pair = line.split(';')[0] ?? '';
      if (!pair.startsWith(`${this.cookieName}=`)) continue;
      const cleared = pair === `${this.cookieName}=` || /expires=thu, 01 jan 1970/i.test(line);
      this.cookie = cleared ? undefined : pair;
    }
    return answer;
  }
}
