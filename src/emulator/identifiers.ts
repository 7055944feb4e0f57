/**
 * How the emulator reads emails and phone numbers. It is lenient in the ways
 * LoginRadius is (spaces, dashes, a missing `+`) and strict about the rest, so a
 * client bug that sends garbage fails here as it would upstream.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164_DIGITS = /^[1-9]\d{6,14}$/;

/** Whether `value` looks like an email address (≤ 254 characters, `local@domain.tld`). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * The E.164 form (`+14155550101`) of a phone number, or `undefined` when it is
 * not one. Spaces, dashes, dots and parentheses are dropped and a leading `+` is
 * optional, but the number must carry its country code.
 */
export function normalizePhone(value: string): string | undefined {
  const compact = value.trim().replace(/[\s\-.()]/g, '');
  const digits = compact.startsWith('+') ? compact.slice(1) : compact;
  return E164_DIGITS.test(digits) ? `+${digits}` : undefined;
}

/** Emails and usernames are matched case-insensitively, as LoginRadius does. */
export function foldCase(value: string): string {
  return value.toLowerCase();
}
