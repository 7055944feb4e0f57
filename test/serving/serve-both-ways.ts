/**
 * The same request listener served plainly
 * (`createServer(app)`) and with the two serving classes, so a test can make
 * one request of each and compare what the app saw or answered.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassportIncomingMessage, PassportServerResponse } from '../../src/index';

export type Serving = 'plain' | 'classes';
export const SERVINGS: Serving[] = ['plain', 'classes'];

export function serve(serving: Serving, listener: RequestListener): Server {
  return serving === 'plain'
    ? createServer(listener)
    : createServer(
        { IncomingMessage: PassportIncomingMessage, ServerResponse: PassportServerResponse },
        listener,
      );
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Serves `listener` one way, runs `body` against its base URL, and closes it. */
export async function withServer<T>(
  serving: Serving,
  listener: RequestListener,
  body: (url: string, server: Server) => Promise<T>,
): Promise<T> {
  const server = serve(serving, listener);
  const url = await listen(server);
  try {
    return await body(url, server);
  } finally {
    await close(server);
  }
}
