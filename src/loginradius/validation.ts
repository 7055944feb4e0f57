import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { InvalidInputError } from '../errors';

/**
 * Input checks that run before any upstream call, so that malformed input never
 * costs a LoginRadius request (or an SMS). Each returns the normalized value or
 * throws {@link InvalidInputError}; none echoes a token or code back in its message.
 */

/** RFC 5321's path limit; LoginRadius refuses longer addresses anyway. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_USERNAME_LENGTH = 64;

// Local part: printable characters except whitespace, quotes, angle brackets and
// the separators RFC 5322 reserves; unicode letters are allowed (EAI addresses).
// Domain: dot-separated labels of letters, digits and hyphens, at least two labels.
/* eslint-disable no-control-regex -- control characters are what these refuse */
const EMAIL =
  /^[^\s@"(),:;<>[\\\]\u0000-\u001f\u007f]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const USERNAME = /^[\p{L}\p{N}._-]+$/u;
// LoginRadius verification tokens are URL-safe strings (GUIDs, hex or base64url);
// anything else is not one of theirs.
const TOKEN = /^[A-Za-z0-9._~-]{8,512}$/;
// Access tokens are GUIDs, or on sites with JWT access tokens signed JWTs of several
// hundred characters (LoginRadius's sample is 643): base64url segments joined by dots.
// Both fit one URL-safe pattern; it is kept that loose so that a token format
// LoginRadius adds later still works, and tight enough that nothing else fits.
const ACCESS_TOKEN = /^[A-Za-z0-9._~-]{8,4096}$/;
const OTP = /^[A-Za-z0-9]{4,12}$/;
const FIELD = /^[A-Za-z0-9_.]{1,64}$/;
const TEMPLATE = /^[^\u0000-\u001f\u007f]{1,128}$/;
/* eslint-enable no-control-regex */

function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError(field, 'must be a string');
  if (hasLoneSurrogate(value)) throw new InvalidInputError(field, 'is not well-formed text');
  return value;
}

// With the u flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * True for a string holding half a surrogate pair (JSON's "\ud800" makes one):
 * no UTF-8 can carry it, so `encodeURIComponent` throws on it, and nothing a
 * browser sends holds one. (String.prototype.isWellFormed says the same from
 * Node 20 on, but TypeScript's ES2023 library does not know it.)
 */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** A syntactically valid email address of at most 254 characters, trimmed. */
export function normalizeEmail(value: unknown): string {
  const email = requireString('email', value).trim();
  if (email.length === 0) throw new InvalidInputError('email', 'is empty');
  if (email.length > MAX_EMAIL_LENGTH) {
    throw new InvalidInputError('email', `is longer than ${MAX_EMAIL_LENGTH} characters`);
  }
  if (!EMAIL.test(email)) throw new InvalidInputError('email', 'is not an email address');
  return email;
}

/** 1-64 letters, digits, dots, underscores or hyphens, trimmed. */
export function normalizeUsername(value: unknown): string {
  const username = requireString('username', value).trim();
  if (username.length === 0) throw new InvalidInputError('username', 'is empty');
  if ([...username].length > MAX_USERNAME_LENGTH) {
    throw new InvalidInputError('username', `is longer than ${MAX_USERNAME_LENGTH} characters`);
  }
  if (!USERNAME.test(username)) {
    throw new InvalidInputError('username', 'may hold only letters, digits, ".", "_" and "-"');
  }
  return username;
}

/** A phone number as the package uses it: E.164, and where it is. */
export interface ParsedPhone {
  /** `+14155550101`. */
  e164: string;
  /** The ISO 3166-1 alpha-2 country of the number, when its digits tell (`'US'`, `'JM'`). */
  country: string | undefined;
  /** The country calling code without `+` (`'1'`, `'44'`). */
  callingCode: string;
}

/**
 * A phone number parsed with libphonenumber-js. Without `defaultCountry` the
 * number must be international (start with `+`). It must have a length its
 * country's numbers can have; it need not be in a range the country has handed
 * out. Why not `isValid()`: LoginRadius decides which numbers are accounts, and
 * sites keep test and staff accounts on reserved numbers (`+1 555 123 4567`, as
 * in LoginRadius's own sample Profile, or Ofcom's drama range `+44 7700 900…`)
 * that `isValid()` refuses. A send to a number no account has costs nothing
 * (LoginRadius answers 1043 and sends nothing); premium-rate numbers are in
 * assigned ranges, so their check still sees them, and `allowedCountries` refuses
 * a number whose country its digits do not tell.
 */
export function parsePhone(value: unknown, defaultCountry?: CountryCode): ParsedPhone {
  const raw = requireString('phone', value).trim();
  if (raw.length === 0) throw new InvalidInputError('phone', 'is empty');
  if (raw.length > 32) throw new InvalidInputError('phone', 'is too long');
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed || !parsed.isPossible()) {
    throw new InvalidInputError(
      'phone',
      'is not a valid phone number in international format (for example +14155550101)',
    );
  }
  return { e164: parsed.number, country: parsed.country, callingCode: parsed.countryCallingCode };
}

/** A phone number parsed to E.164 (`+14155550101`); see {@link parsePhone}. */
export function normalizePhone(value: unknown, defaultCountry?: CountryCode): string {
  return parsePhone(value, defaultCountry).e164;
}

/**
 * Inputs whose identifiers this package has already validated and normalized
 * (the routers parse a phone once, then pass it on): the client skips parsing
 * them again. Module-private, so callers cannot mark their own input as checked.
 */
const validated = new WeakSet<object>();

/** Marks `input` as already validated by this package. */
export function validatedInput<T extends object>(input: T): T {
  validated.add(input);
  return input;
}

/** True for an input marked by {@link validatedInput}. */
export function isValidatedInput(input: unknown): boolean {
  return typeof input === 'object' && input !== null && validated.has(input);
}

/** Longest captcha answer passed on: reCAPTCHA's and hCaptcha's are 0.5-2 KB. */
const MAX_CAPTCHA_LENGTH = 4096;
/** The characters of reCAPTCHA, hCaptcha and similar answers (base64, base64url, JWT-like). */
const CAPTCHA_ANSWER = /^[A-Za-z0-9._~+/=:-]+$/;

/**
 * A captcha widget's answer, passed on to LoginRadius in the query string: at
 * most 4096 characters that stay short when URL-encoded. Anything else (emoji
 * swell fourfold, which got LoginRadius's front end to refuse the whole URL)
 * is refused before any call.
 */
export function checkCaptchaAnswer(field: string, value: unknown): string {
  const answer = requireString(field, value);
  if (answer.length > MAX_CAPTCHA_LENGTH || !CAPTCHA_ANSWER.test(answer)) {
    throw new InvalidInputError(
      field,
      `is not a captcha answer (at most ${MAX_CAPTCHA_LENGTH} letters, digits and ._~+/=:-)`,
    );
  }
  return answer;
}

/** A LoginRadius verification token: 8-512 URL-safe characters. */
export function checkToken(field: string, value: unknown): string {
  const token = requireString(field, value).trim();
  if (!TOKEN.test(token)) throw new InvalidInputError(field, 'is not a well-formed token');
  return token;
}

/** A LoginRadius access token: a GUID or a JWT, at most 4096 URL-safe characters. */
export function checkAccessToken(field: string, value: unknown): string {
  const token = requireString(field, value).trim();
  if (!ACCESS_TOKEN.test(token)) {
    throw new InvalidInputError(field, 'is not a well-formed access token (a GUID or a JWT)');
  }
  return token;
}

/** A one-time code: 4-12 letters or digits; spaces and hyphens people type are dropped. */
export function normalizeOtp(value: unknown): string {
  const otp = requireString('otp', value).replace(/[\s-]/g, '');
  if (!OTP.test(otp)) throw new InvalidInputError('otp', 'is not a well-formed code');
  return otp;
}

/** A `fields` projection: Profile key names. */
export function checkFields(value: unknown): string[] {
  if (!Array.isArray(value)) throw new InvalidInputError('fields', 'must be an array of strings');
  return value.map((field) => {
    if (typeof field !== 'string' || !FIELD.test(field)) {
      throw new InvalidInputError('fields', 'must hold Profile key names');
    }
    return field;
  });
}

/** A template name as configured in the LoginRadius Admin Console. */
export function checkTemplate(field: string, value: unknown): string {
  const template = requireString(field, value);
  if (!TEMPLATE.test(template)) throw new InvalidInputError(field, 'is not a template name');
  return template;
}

/** An absolute http(s) URL. */
export function checkAbsoluteUrl(field: string, value: unknown): string {
  const text = requireString(field, value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(field, 'is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError(field, 'must be an http or https URL');
  }
  if (text.length > 2048) throw new InvalidInputError(field, 'is longer than 2048 characters');
  return text;
}
