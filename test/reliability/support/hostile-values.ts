import fc from 'fast-check';

/**
 * Values for the hostile-request generators: text of every kind, values of the
 * wrong JSON type, and emails, usernames, phones and tokens that are invalid *by
 * construction* (each generator says why its output can never be valid), next to
 * well-formed tokens that LoginRadius will simply refuse.
 */

export const printable = (max: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: max,
  });

/** Any text: ASCII, unicode graphemes, control characters. */
export const anyText = (max = 40): fc.Arbitrary<string> =>
  fc.oneof(
    printable(max),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.string({ unit: 'binary', maxLength: max }),
  );

/** Keys a route reads; random extra keys are never one of these. */
const READ_KEYS = new Set([
  'email',
  'username',
  'phone',
  'vtoken',
  'verificationToken',
  'verificationtoken',
  'otp',
  'resend',
  'template',
  'returnTo',
  'vtype',
]);
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

export const extraKey = fc
  .oneof(printable(12), fc.constantFrom('a', 'x[y]', 'email[]', 'phone[0]', '$where', 'toString'))
  .filter((key) => key !== '' && !READ_KEYS.has(key) && !FORBIDDEN_KEYS.includes(key));

/** Where a string belongs: numbers, booleans, arrays, objects, deep nesting. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(fc.emailAddress(), anyText()), { minLength: 1, maxLength: 3 }),
  fc.array(fc.constant('ada@example.com'), { minLength: 0, maxLength: 2 }),
  fc.dictionary(anyText(8), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constant({ $gt: '' }),
  fc.integer({ min: 2, max: 200 }).map((depth) => nest(depth, 'ada@example.com')),
);

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Inserts `needle` somewhere strictly inside `text` (never at either end). */
const insideOf = (text: fc.Arbitrary<string>, needle: fc.Arbitrary<string>) =>
  fc.tuple(text, needle, fc.nat()).map(([value, inserted, at]) => {
    const position = 1 + (at % Math.max(1, value.length - 1));
    return value.slice(0, position) + inserted + value.slice(position);
  });

const localPart = fc.stringMatching(/^[a-z0-9]{2,20}$/);
const domain = fc.stringMatching(/^[a-z0-9]{1,12}\.(com|org|example|co\.uk)$/);
const validEmail = fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`);

// ---------------------------------------------------------------------------
// Values that are invalid by construction

/** Never a valid address: no "@", specials or controls inside, too long, misplaced "@", bad labels. */
export const invalidEmail: fc.Arbitrary<string> = fc.oneof(
  anyText(60).map((text) => text.replace(/@/g, '')), // no "@" at all
  insideOf(
    validEmail,
    fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u0000',
      '<',
      '>',
      '(',
      ')',
      ',',
      ';',
      ':',
      '"',
      '[',
      ']',
      '\\',
    ),
  ), // an RFC 5322 special or control character, unquoted
  fc.integer({ min: 255, max: 400 }).map((n) => `${'a'.repeat(n - 12)}@example.com`), // > 254
  fc.integer({ min: 65, max: 120 }).map((n) => `${'a'.repeat(n)}@example.com`), // local part > 64
  domain.map((host) => `@${host}`), // empty local part
  localPart.map((local) => `${local}@`), // empty domain
  fc.tuple(localPart, localPart, domain).map(([a, b, host]) => `${a}@${b}@${host}`), // two "@"
  fc
    .tuple(localPart, fc.constantFrom('-bad.com', 'bad-.com', 'a..b.com', '.a.com', 'a_b.com'))
    .map(([local, host]) => `${local}@${host}`), // a malformed domain label
);

/** Never a valid username: empty, blank, > 64 characters, or a character outside letters/digits/._- */
export const invalidUsername: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\t\n'),
  fc.integer({ min: 65, max: 200 }).map((n) => 'u'.repeat(n)),
  insideOf(
    fc.stringMatching(/^[a-z]{2,20}$/),
    fc.constantFrom(
      ' ',
      '@',
      '/',
      '<',
      '>',
      '"',
      "'",
      '\u0000',
      '%',
      '&',
      '+',
      '=',
      '\u200b',
      '😀',
    ),
  ),
);

/**
 * Never a phone number this app accepts: without "+" (no defaultCountry is
 * set), too few digits, too long, country code 0, no digits; or a real number
 * in a country the allowlist (`+1` only) leaves out.
 */
export const invalidPhone: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[0-9 ()-]{1,20}$/), // no "+"
  fc.stringMatching(/^\+[0-9]{1,3}$/), // too few digits
  fc.integer({ min: 33, max: 60 }).map((n) => `+1${'5'.repeat(n)}`), // longer than 32
  fc.stringMatching(/^\+0[0-9]{6,12}$/), // country code 0
  fc.stringMatching(/^\+?[a-zA-Z .-]{1,20}$/), // no digits
  fc.constantFrom('+33 1 23 45 67 89', '+49 151 12345678', '+86 138 0013 8000', '+61 491 570 156'),
);

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-';
export const tokenChar = fc.constantFrom(...TOKEN_CHARS.split(''));

/** Never a well-formed token: shorter than 8, longer than 512, or a character outside [A-Za-z0-9._~-]. */
export const invalidToken: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: tokenChar, minLength: 1, maxLength: 7 }),
  fc.string({ unit: tokenChar, minLength: 513, maxLength: 600 }),
  insideOf(
    fc.string({ unit: tokenChar, minLength: 8, maxLength: 40 }),
    fc.constantFrom('+', '/', '=', ' ', '%', '<', '"', 'é', '\u0000', '😀', '&'),
  ),
);

/** Well-formed but made up: LoginRadius answers "invalid token" (an ErrorCode). */
export const wellFormedToken = fc.string({ unit: tokenChar, minLength: 8, maxLength: 64 });
