import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { InvalidInputError } from './errors';

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
// LoginRadius verification tokens and access tokens are URL-safe strings (GUIDs,
// hex or base64url); anything else is not one of theirs.
const TOKEN = /^[A-Za-z0-9._~-]{8,512}$/;
const OTP = /^[A-Za-z0-9]{4,12}$/;
const FIELD = /^[A-Za-z0-9_.]{1,64}$/;
const TEMPLATE = /^[^\u0000-\u001f\u007f]{1,128}$/;
/* eslint-enable no-control-regex */

function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError(field, 'must be a string');
  return value;
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

/**
 * A phone number parsed to E.164 (`+14155550101`) with libphonenumber-js. Without
 * `defaultCountry` the number must be international (start with `+`).
 */
export function normalizePhone(value: unknown, defaultCountry?: CountryCode): string {
  const raw = requireString('phone', value).trim();
  if (raw.length === 0) throw new InvalidInputError('phone', 'is empty');
  if (raw.length > 32) throw new InvalidInputError('phone', 'is too long');
  const key = defaultCountry === undefined ? raw : `${defaultCountry}:${raw}`;
  const known = validPhones.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    throw new InvalidInputError(
      'phone',
      'is not a valid phone number in international format (for example +14155550101)',
    );
  }
  // One sign-in parses the same number three times (router, send, verify); parsing
  // is ~20 µs. Only valid numbers are kept, and never more than a few thousand.
  if (validPhones.size >= MAX_REMEMBERED_PHONES) validPhones.clear();
  validPhones.set(key, parsed.number);
  return parsed.number;
}

const MAX_REMEMBERED_PHONES = 4096;
const validPhones = new Map<string, string>();

/** The country calling code (`'1'`, `'44'`) of an E.164 number. */
export function callingCodeOf(e164: string): string {
  return parsePhoneNumberFromString(e164)?.countryCallingCode ?? '';
}

/** A LoginRadius verification or access token: 8-512 URL-safe characters. */
export function checkToken(field: string, value: unknown): string {
  const token = requireString(field, value).trim();
  if (!TOKEN.test(token)) throw new InvalidInputError(field, 'is not a well-formed token');
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
