/**
 * What a person reads for each `?error=<code>` the routers redirect with. The
 * code comes from the URL, so only known codes pick a message: nothing from
 * the query string is ever echoed.
 */
const MESSAGES = {
  invalid_input:
    'Please check what you entered: an email address, a username, or a mobile number in ' +
    'international format such as +14155550101.',
  rate_limited: 'Too many attempts. Please wait a minute, then try again.',
  verify_failed:
    'That sign-in link or code is invalid, has expired or was already used. Please ask for a new one.',
  unavailable: 'Sign-in is temporarily unavailable. Please try again in a moment.',
  timeout: 'Sign-in took too long to answer. Please try again in a moment.',
  cross_site_request:
    'That request came from another site, so it was refused. Please use the form on this page.',
  payload_too_large: 'That request was too large. Please try again.',
};

const FALLBACK = 'Something went wrong. Please try again.';

/** The known error code in `value`, or `undefined`. */
export function knownErrorCode(value) {
  if (typeof value !== 'string') return undefined;
  const code = value.toLowerCase();
  return Object.hasOwn(MESSAGES, code) ? code : undefined;
}

/** The message for an error code from a query string; a generic one for anything unknown. */
export function errorMessage(value) {
  const code = knownErrorCode(value);
  return code === undefined ? FALLBACK : MESSAGES[code];
}
