/** A minimal stand-in for LoginRadius: each test says what every call answers. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}
export type FakeAnswer = {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
};
export type FakeHandler = (call: FakeCall) => FakeAnswer;

export interface FakeLr {
  url: string;
  calls: FakeCall[];
  handle: FakeHandler;
  close(): Promise<void>;
}

export async function startFakeLr(handle: FakeHandler): Promise<FakeLr> {
  const fake: FakeLr = { url: '', calls: [], handle, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const call: FakeCall = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      fake.calls.push(call);
      const answer = fake.handle(call);
      const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

export function lrError(code: number, status = 403): FakeAnswer {
  return {
    status,
    body: {
      Description: `description of ${code}`,
      ErrorCode: code,
      Message: `message of ${code}`,
      IsProviderError: false,
      ProviderErrorResponse: null,
    },
  };
}

export function loginAnswer(overrides: Record<string, unknown> = {}): FakeAnswer {
  return {
    status: 200,
    body: {
      Profile: { Uid: 'uid-1234', Email: [{ Type: 'Primary', Value: 'ada@example.com' }] },
      access_token: 'a029e8a7-1111-4453-2222-a5e721e1f358',
      expires_in: new Date(Date.now() + 15 * 60_000).toISOString(),
      ...overrides,
    },
  };
}
