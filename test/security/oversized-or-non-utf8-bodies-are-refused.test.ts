/**
 * Attack: get a large or non-UTF-8 body past the routers (security.md item
 * 36). The app mounted its own `express.json({ limit: '1mb' })` and
 * `express.urlencoded({ limit: '1mb' })`, so its parsers read the body before
 * the routers, whose limit (`maxBodyBytes`, 4096) is far smaller; the attacker
 * sends the body chunked (no `Content-Length` to check), compressed (its
 * `Content-Length` is the size before the app's parser inflates it) or pads it
 * with what a parser drops. The limit counts bytes however the body came: 413
 * `PAYLOAD_TOO_LARGE`. Only UTF-8 is read: a form in ISO-8859-1 or JSON in
 * UTF-16, however the charset is declared, gets 415 `UNSUPPORTED_MEDIA_TYPE`.
 * None of these reaches LoginRadius.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import express from 'express';
import { startTestApp, type TestApp } from '../support/test-app';

const LIMIT = 4096;
/** A fresh address per request, so no send cooldown can be what refuses it. */
let sent = 0;
const email = (): string => `someone${(sent += 1)}@example.com`;

let t: TestApp;
let server: Server;
beforeAll(async () => {
  t = await startTestApp({
    bodyParsers: [
      express.json({ limit: '1mb' }),
      express.urlencoded({ extended: false, limit: '1mb' }),
    ],
    requestRouter: { limits: { perIp: 1000, cooldownSeconds: 1 } },
    verifyRouter: { verifyPerIp: 1000 },
  });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});
beforeEach(() => t.emulator.resetCalls());

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * POSTs `chunks` as they are: with `chunked`, written one by one with no
 * Content-Length (node then sends `Transfer-Encoding: chunked`).
 */
function rawPost(
  path: string,
  contentType: string,
  chunks: Buffer[],
  chunked: boolean,
  extraHeaders: Record<string, string> = {},
): Promise<RawAnswer> {
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    Accept: 'application/json',
    ...extraHeaders,
  };
  if (!chunked) headers['Content-Length'] = Buffer.concat(chunks).length;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode!, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/** `text` split into chunks of about 1 KB, as a streaming client sends it. */
function inChunks(text: string | Buffer): Buffer[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
  return chunks;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

function expectRefused(answer: RawAnswer, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toEqual({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(t.emulator.calls.total).toBe(0);
}

describe('bodies over maxBodyBytes get 413, however they came', () => {
  const padding = 'a'.repeat(LIMIT + 100);

  test('a declared Content-Length over the limit', async () => {
    const body = JSON.stringify({ email: email(), note: padding });
    expectRefused(
      await rawPost('/auth/link', JSON_TYPE, [Buffer.from(body)], false),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('chunked JSON with one long field', async () => {
    const body = JSON.stringify({ email: email(), note: padding });
    expectRefused(
      await rawPost('/auth/link', JSON_TYPE, inChunks(body), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('a chunked form with one long field', async () => {
    const body = `email=${encodeURIComponent(email())}&note=${padding}`;
    expectRefused(
      await rawPost('/auth/link', FORM_TYPE, inChunks(body), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('a chunked confirm of a link, and a chunked code verify', async () => {
    const body = JSON.stringify({ vtoken: 'a'.repeat(32), note: padding });
    expectRefused(
      await rawPost('/auth/callback', JSON_TYPE, inChunks(body), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const code = JSON.stringify({ otp: '123456', note: padding });
    expectRefused(
      await rawPost('/auth/otp/verify', JSON_TYPE, inChunks(code), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('gzipped JSON whose Content-Length (compressed) is under the limit', async () => {
    const zipped = gzipSync(JSON.stringify({ email: email(), note: 'a'.repeat(200_000) }));
    expect(zipped.length).toBeLessThan(LIMIT);
    expectRefused(
      await rawPost('/auth/link', JSON_TYPE, [zipped], false, { 'Content-Encoding': 'gzip' }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('a deflated form, even a small one: what it inflated to cannot be counted', async () => {
    const form = deflateSync(`email=${encodeURIComponent(email())}`);
    expectRefused(
      await rawPost('/auth/link', FORM_TYPE, [form], false, { 'Content-Encoding': 'Deflate' }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('chunked JSON padded with keys whose value is null', async () => {
    const fields: Record<string, null | string> = { email: email() };
    for (let i = 0; Buffer.byteLength(JSON.stringify(fields)) <= LIMIT + 100; i += 1)
      fields[`pad${i}`] = null;
    expectRefused(
      await rawPost('/auth/link', JSON_TYPE, inChunks(JSON.stringify(fields)), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('chunked JSON padded with whitespace', async () => {
    const body = `{"email":${JSON.stringify(email())}${' '.repeat(LIMIT + 100)}}`;
    expectRefused(
      await rawPost('/auth/link', JSON_TYPE, inChunks(body), true),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('bodies not in UTF-8 get 415', () => {
  test('a form declared charset=iso-8859-1', async () => {
    const body = Buffer.from(`email=${encodeURIComponent(email())}`, 'latin1');
    expectRefused(
      await rawPost('/auth/link', `${FORM_TYPE}; charset=iso-8859-1`, [body], false),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('JSON in UTF-16, declared charset=utf-16', async () => {
    const body = Buffer.from(`\ufeff${JSON.stringify({ email: email() })}`, 'utf16le');
    expectRefused(
      await rawPost('/auth/link', `${JSON_TYPE}; charset=utf-16`, [body], false),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('the charset quoted, in capitals, and chunked', async () => {
    const body = Buffer.from(`\ufeff${JSON.stringify({ email: email() })}`, 'utf16le');
    expectRefused(
      await rawPost('/auth/link', `${JSON_TYPE}; CHARSET="UTF-16"`, inChunks(body), true),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('UTF-16 JSON declared behind a decoy charset=utf-8 inside another parameter', async () => {
    const body = Buffer.from(`\ufeff${JSON.stringify({ email: email() })}`, 'utf16le');
    expectRefused(
      await rawPost(
        '/auth/link',
        `${JSON_TYPE}; x="; charset=utf-8"; charset=utf-16`,
        [body],
        false,
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('an ISO-8859-1 form declared behind a decoy charset=utf-8 inside another parameter', async () => {
    // %E9 is "é" in ISO-8859-1 and not UTF-8 at all.
    const body = Buffer.from('email=ren%E9@example.com', 'latin1');
    expectRefused(
      await rawPost(
        '/auth/link',
        `${FORM_TYPE}; x="; charset=utf-8"; charset=iso-8859-1`,
        [body],
        false,
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('UTF-16 JSON declared with two charset parameters, utf-8 first', async () => {
    const body = Buffer.from(`\ufeff${JSON.stringify({ email: email() })}`, 'utf16le');
    const answer = await rawPost(
      '/auth/link',
      `${JSON_TYPE}; charset=utf-8; charset=utf-16`,
      [body],
      false,
    );
    // Refused either way: as UTF-16 (415), or as UTF-8 that is not JSON (400).
    expect(answer.body).toEqual({
      error: {
        code: expect.stringMatching(/^(UNSUPPORTED_MEDIA_TYPE|INVALID_INPUT)$/),
        message: expect.any(String),
      },
    });
    expect(t.emulator.calls.total).toBe(0);
  });
});
