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
    else if (name === 'verificationurl') copy.searchParams.set(key, withoutFlowRef(value));
  }
  return copy.href.replace(/%5Bredacted%5D/g, '[redacted]');
}

/**
 * The link URL with its flow reference redacted: the reference is what lets a
 * device finish (or spend the one try of) a cross-device sign-in, and only the
 * email should hold it.
 */
function withoutFlowRef(link: string): string {
  if (!URL.canParse(link)) return link;
  const url = new URL(link);
  if (!url.searchParams.has('flow')) return link;
  url.searchParams.set('flow', '[redacted]');
  return url.href;
}
