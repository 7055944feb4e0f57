import { maskRecipient } from '../mask';

/**
 * What of a called URL may be logged: `onCall` gets it with every secret
 * replaced and every person masked, as events show them.
 */

/** Query parameters whose values are secret; they never reach a log line. */
const SECRET_PARAMS = new Set([
  'apikey',
  'verificationtoken',
  'access_token',
  'otp',
  'g-recaptcha-response',
]);
/** Query parameters that name a person; masked as events mask them. */
const PERSONAL_PARAMS = new Set(['email', 'username', 'phone']);

/** The URL as `onCall` may see it: secrets replaced, people masked. */
export function redactedUrl(url: string): string {
  const copy = new URL(url);
  for (const [key, value] of [...copy.searchParams]) {
    const name = key.toLowerCase();
    if (SECRET_PARAMS.has(name)) copy.searchParams.set(key, '[redacted]');
    else if (PERSONAL_PARAMS.has(name)) copy.searchParams.set(key, maskRecipient(value));
  }
  return copy.href.replace(/%5Bredacted%5D/g, '[redacted]');
}
