/**
 * What a person reads for each `?error=<code>` the routers redirect with. The
 * code comes from the URL, so only known codes pick a message: nothing from
 * the query string is ever echoed.
 */
const MESSAGE_KEYS = {
  invalid_input: 'problem.invalidInput',
  rate_limited: 'problem.rateLimited',
  verify_failed: 'problem.verifyFailed',
  unavailable: 'problem.unavailable',
  timeout: 'problem.timeout',
  cross_site_request: 'problem.crossSite',
  payload_too_large: 'problem.payloadTooLarge',
  unsupported_media_type: 'problem.unsupportedMediaType',
};

/** The known error code in `value`, or `undefined`. */
export function knownErrorCode(value) {
  if (typeof value !== 'string') return undefined;
  const code = value.toLowerCase();
  return Object.hasOwn(MESSAGE_KEYS, code) ? code : undefined;
}

/**
 * The message for an error code from a query string; a generic one for anything unknown.
 * @param {(key: string) => string} t The page's strings.
 * @param {unknown} value
 */
export function errorMessage(t, value) {
  const code = knownErrorCode(value);
  return t(code === undefined ? 'problem.fallback' : MESSAGE_KEYS[code]);
}
