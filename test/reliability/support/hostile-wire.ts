import fc from 'fast-check';
import type { Target } from './hostile-requests';
import { anyText, extraKey, FORBIDDEN_KEYS, printable } from './hostile-values';

/**
 * How a hostile request is put on the wire: payloads (with forbidden keys or
 * invalid UTF-8 when asked), headers (cross-site or not, plus noise), honest or
 * lying encodings, oversized and deeply nested bodies, and hostile query strings.
 */

export type Fields = Record<string, unknown>;

export interface Payload {
  fields: Fields;
  /** Raw JSON text to send instead of `fields` (forbidden keys, invalid UTF-8). */
  raw?: Buffer;
  kind: string;
}

const extraFields = fc.dictionary(extraKey, anyText(20), { maxKeys: 2 });

/** A payload with `fields` plus up to two unrelated keys. */
export const payload = (kind: string, fields: fc.Arbitrary<Fields>): fc.Arbitrary<Payload> =>
  fc.tuple(fields, extraFields).map(([own, extra]) => ({ fields: { ...extra, ...own }, kind }));

/** `{"__proto__": …, "<key>": "<valid>"}` as raw JSON: a forbidden key next to valid input. */
export const forbiddenKeyPayload = (
  key: string,
  valid: fc.Arbitrary<string>,
): fc.Arbitrary<Payload> =>
  fc
    .tuple(fc.constantFrom(...FORBIDDEN_KEYS), fc.jsonValue({ maxDepth: 1 }), valid)
    .map(([forbidden, value, good]) => ({
      fields: {},
      raw: Buffer.from(
        `{"${forbidden}":${JSON.stringify(value) ?? 'null'},"${key}":${JSON.stringify(good)}}`,
      ),
      kind: 'forbidden key',
    }));

/** Valid input with bytes that are not UTF-8 in the middle of it, as raw JSON. */
export const invalidUtf8Payload = (
  key: string,
  valid: fc.Arbitrary<string>,
): fc.Arbitrary<Payload> =>
  fc
    .tuple(
      valid,
      fc.constantFrom([0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x28, 0xa1]),
    )
    .map(([good, bytes]) => {
      const cut = Math.max(1, Math.floor(good.length / 2));
      return {
        fields: {},
        raw: Buffer.concat([
          Buffer.from(`{"${key}":"${good.slice(0, cut)}`),
          Buffer.from(bytes),
          Buffer.from(`${good.slice(cut)}"}`),
        ]),
        kind: 'invalid UTF-8',
      };
    });

// ---------------------------------------------------------------------------
// Headers

const ACCEPTS = fc.constantFrom(
  'application/json',
  'text/html',
  '*/*',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'application/json;q=0.1, text/html',
  'image/png',
  '',
);

export function siteHeaders(target: Target, crossSite: boolean): fc.Arbitrary<[string, string][]> {
  if (crossSite) {
    // Sec-Fetch-Site says another site (and no trusted Origin overrides it), or
    // there is no Sec-Fetch-Site and the Origin is foreign or opaque.
    return fc.oneof(
      fc
        .tuple(
          fc.constantFrom('cross-site', 'same-site', 'CROSS-SITE', 'same-origin, cross-site'),
          fc.option(
            fc.constantFrom('https://evil.example', 'null', `${target.origin}.evil.example`),
          ),
        )
        .map(([site, origin]): [string, string][] => [
          ['sec-fetch-site', site],
          ...(origin === null ? [] : ([['origin', origin]] as [string, string][])),
        ]),
      fc
        .constantFrom(
          'https://evil.example',
          'null',
          'http://127.0.0.1.evil.example',
          'not a url',
          'https://app.example.evil.example',
        )
        .map((origin): [string, string][] => [['origin', origin]]),
    );
  }
  return fc.constantFrom<[string, string][]>(
    [],
    [['sec-fetch-site', 'same-origin']],
    [['sec-fetch-site', 'none']],
    [['origin', target.origin]],
    [
      ['origin', 'https://app.example'],
      ['sec-fetch-site', 'cross-site'],
    ],
  );
}

/** Headers that change nothing about validity: accept, forwarding, cookies, noise, repeats. */
export const noiseHeaders: fc.Arbitrary<[string, string][]> = fc
  .tuple(
    fc.array(ACCEPTS, { maxLength: 2 }), // repeated headers too
    fc.array(
      fc.oneof(fc.ipV4(), fc.ipV6(), printable(40)).map((ip) => `${ip}, 10.0.0.1`),
      { maxLength: 2 },
    ),
    fc.option(
      fc.constantFrom(
        'connect.sid=garbage',
        'connect.sid=s%3Aabc.def',
        'connect.sid=s%3A' + 'A'.repeat(32) + '.sig',
        'connect.sid=%E0%A4%A',
        'a=b; connect.sid=; c',
        '=;=;;',
      ),
    ),
    fc.array(
      fc.tuple(
        fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
        fc.stringMatching(/^[\t\x20-\x7e]{0,60}$/),
      ),
      { maxLength: 2 },
    ),
    fc.option(fc.constantFrom('evil.example', 'app.example', '127.0.0.1')),
  )
  .map(([accepts, forwarded, cookie, extra, host]) => [
    ...accepts.map((accept): [string, string] => ['accept', accept]),
    ...forwarded.map((ip): [string, string] => ['x-forwarded-for', ip]),
    ...(cookie === null ? [] : ([['cookie', cookie]] as [string, string][])),
    ...(host === null ? [] : ([['host', host]] as [string, string][])),
    ...extra,
  ]);

// ---------------------------------------------------------------------------
// Encodings: how a payload is put on the wire

export interface Encoded {
  headers: [string, string][];
  body: Buffer;
  /** The body is sent as what it is (so an invalid payload stays invalid, a valid one valid). */
  honest: boolean;
}

function formKeepsShape(fields: Fields): boolean {
  return Object.values(fields).every(
    (value) =>
      typeof value === 'string' ||
      value === null ||
      (Array.isArray(value) ? value.length >= 2 : typeof value === 'object'),
  );
}

function formOf(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value !== null && typeof value === 'object') {
      for (const [inner, item] of Object.entries(value))
        params.append(`${key}[${inner}]`, String(item));
    } else params.append(key, String(value));
  }
  return params.toString();
}

/**
 * An honest JSON or form body, or a lie: the type says one thing and the bytes
 * are another, a charset that is refused, an encoding that is not applied, or a
 * body far over the size limit.
 */
export const encoding = (p: Payload): fc.Arbitrary<Encoded> => {
  const json = p.raw ?? Buffer.from(JSON.stringify(p.fields));
  const form = Buffer.from(formOf(p.fields));
  const honest: fc.Arbitrary<Encoded>[] = [
    fc
      .constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON')
      .map((type) => ({ headers: [['content-type', type]], body: json, honest: true })),
  ];
  // A form cannot carry raw JSON, and it turns a number, a boolean or a one-item
  // array into a plain string, which could make a wrong-type payload valid.
  if (!p.raw && formKeepsShape(p.fields)) {
    honest.push(
      fc.constant({
        headers: [['content-type', 'application/x-www-form-urlencoded']],
        body: form,
        honest: true,
      }),
    );
  }
  const lies: fc.Arbitrary<Encoded> = fc.oneof(
    fc.constant<Encoded>({
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: json,
      honest: false,
    }),
    fc.constant<Encoded>({
      headers: [['content-type', 'application/json']],
      body: form,
      honest: false,
    }),
    fc
      .constantFrom(
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=latin1',
        'application/x-www-form-urlencoded; charset=ebcdic',
        'application/octet-stream',
        'application/json, text/plain',
      )
      .map((type): Encoded => ({ headers: [['content-type', type]], body: json, honest: false })),
    fc.constant<Encoded>({ headers: [], body: json, honest: false }),
    fc.constant<Encoded>({
      // Two Content-Types: Node keeps the first, so this JSON body is read as JSON.
      headers: [
        ['content-type', 'application/json'],
        ['content-type', 'application/x-www-form-urlencoded'],
      ],
      body: json,
      honest: false,
    }),
    fc
      .constantFrom('gzip', 'deflate', 'br', 'x-unknown', 'gzip, deflate')
      .map((contentEncoding): Encoded => ({
        headers: [
          ['content-type', 'application/json'],
          ['content-encoding', contentEncoding],
        ],
        body: json,
        honest: false,
      })),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...honest) }, { weight: 1, arbitrary: lies });
};

/** Bodies over the router's 4 KB limit, sometimes over body-parser's 100 KB. */
export const oversized = (p: Payload): fc.Arbitrary<Encoded> =>
  fc.constantFrom(5_000, 20_000, 150_000).map((size) => ({
    headers: [['content-type', 'application/json']],
    body: Buffer.from(JSON.stringify({ ...p.fields, padding: 'x'.repeat(size) })),
    honest: true,
  }));

/** JSON nested far deeper than any real request, within body-parser's size limit. */
export const deeplyNested: fc.Arbitrary<Encoded> = fc
  .tuple(fc.integer({ min: 1_000, max: 40_000 }), fc.boolean())
  .map(([depth, arrays]) => ({
    headers: [['content-type', 'application/json']],
    body: Buffer.from(
      arrays
        ? `${'['.repeat(depth)}${']'.repeat(depth)}`
        : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    ),
    honest: true,
  }));

// ---------------------------------------------------------------------------
// Query strings

/** `?k=v&…` with repeated keys, percent garbage and nested-looking keys; `vtoken` only malformed. */
export const hostileQuery = (vtoken: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.tuple(
          fc.constantFrom('vtoken', 'vtoken[]', 'vtoken[a]', 'VTOKEN'),
          vtoken.map(encodeURIComponent),
        ),
        fc.tuple(
          fc.constantFrom('vtype', 'returnTo', '__proto__', 'constructor', 'email'),
          anyText(30).map(encodeURIComponent),
        ),
        fc.tuple(
          extraKey.map(encodeURIComponent),
          fc.constantFrom('%ZZ', '%FF%FE', '%00', '%C0%AF', '%E0%A4%A', '%', ''),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
