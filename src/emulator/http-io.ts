import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies above this are refused with 413: no LoginRadius call this package makes needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' };

/**
 * Reads the request body up to {@link MAX_BODY_BYTES}. Stops reading as soon as
 * the limit is passed (or announced by `Content-Length`), so a hostile client
 * cannot make the emulator buffer an unbounded body.
 */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > MAX_BODY_BYTES) {
    discardRest(req);
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        cleanup();
        discardRest(req);
        resolve({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ ok: true, body: Buffer.concat(chunks) });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * Drops what is left of a refused body. Reading it (rather than leaving it
 * unread) lets the 413 reach the client: closing a socket with unread input
 * makes the kernel answer with a reset that can overtake the response.
 */
function discardRest(req: IncomingMessage): void {
  req.on('error', () => {});
  req.resume();
}

/** Sends `body` as JSON. Every emulator answer is `no-store`, like LoginRadius's. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(payload)),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}
