import type { LoginResult, Profile } from './loginradius/types';
import { isObject } from './is-object';

/**
 * The signed-in user as the package stores it by default, and the one view of
 * it that may leave the server.
 */

/** The user the default verify callback stores: the Profile and the access token. */
export interface SessionUser {
  uid: string;
  profile: Profile;
  /** The LoginRadius access token; it stays on the server. */
  accessToken: string;
  /** When the access token expires; a request after it is signed out. */
  expiresAt: Date | string;
}

/**
 * The user to store for a login: `{ uid, profile, accessToken, expiresAt }`.
 * Use it as the strategy's verify callback when you have no user table of your own:
 * `new PasswordlessStrategy({ client }, async (login) => toSessionUser(login))`.
 */
export function toSessionUser(login: LoginResult): SessionUser {
  return {
    uid: login.profile.Uid,
    profile: login.profile,
    accessToken: login.accessToken,
    expiresAt: login.expiresAt,
  };
}

/** The Profile keys a browser may see unless the app asks for more. */
export const PUBLIC_PROFILE_FIELDS: readonly string[] = [
  'Uid',
  'FirstName',
  'MiddleName',
  'LastName',
  'FullName',
  'Email',
  'PhoneId',
];

// Key names that hold or derive from a credential, at any depth of any object: tokens,
// secrets, passwords, keys, session ids, signatures, recovery codes, PINs, one-time codes.
// Narrow enough to keep a Profile's PostalCode, Authors or PrivateRepos.
const SECRET_KEY =
  /token|secret|passw|credential|^raw$|hash|salt|otp|api_?key|private_?key|^key$|^auth(orization|entication|code)?$|session|cookie|jwt|signature|(recovery|backup)_?codes?|pin$/i;

/**
 * What may be shown or sent to the browser of a user: for a user with a
 * LoginRadius `profile`, its `uid` and an allowlisted projection of the Profile
 * (`Uid`, names, `Email`, `PhoneId`, and the keys in `extraFields`); for any
 * other shape, the object itself. Either way, every key that looks like a
 * token, secret, password or credential is removed at every depth (a Profile's
 * `ProviderAccessCredential.AccessToken`, `LastPasswordChangeToken`...).
 */
export function publicUser(
  user: unknown,
  extraFields: readonly string[] = NO_EXTRA_FIELDS,
): Record<string, unknown> {
  if (!isObject(user)) return {};
  let view: Record<string, unknown> = user;
  if (isObject(user.profile)) {
    const isWanted = fieldMatcher(extraFields);
    const profile: Record<string, unknown> = {};
    for (const key of Object.keys(user.profile)) {
      if (isWanted(key)) profile[key] = user.profile[key];
    }
    view = { uid: user.uid ?? user.profile.Uid, profile };
  }
  return withoutSecrets(view, 0) as Record<string, unknown>;
}

const NO_EXTRA_FIELDS: readonly string[] = [];

// Every login answer runs a whole Profile (over 100 keys) through publicUser, so
// the decision for each key name is kept per list of extra fields rather than
// lower-casing every key of every Profile: 14-15 -> 4-5 us for the sample
// Profile. Keyed by the list's contents (as JSON, so no two lists share a key), not the
// array, so a caller that changes its array in place gets the fields it now names.
const matchers = new Map<string, (key: string) => boolean>();
/** Lists an app uses are few; past this many, matchers are made per call and not kept. */
const MAX_MATCHERS = 64;
/** Profile key names are a small vocabulary; a hostile Profile cannot grow a matcher past this. */
const MAX_DECISIONS = 2048;
/** Longer names are decided every time, so a hostile Profile cannot park long strings here. */
const MAX_REMEMBERED_NAME = 64;

/** Whether a Profile key is in the allowlist or `extraFields`, case-insensitively. */
function fieldMatcher(extraFields: readonly string[]): (key: string) => boolean {
  const id = JSON.stringify(extraFields);
  let matcher = matchers.get(id);
  if (!matcher) {
    const wanted = new Set([...PUBLIC_PROFILE_FIELDS, ...extraFields].map((f) => f.toLowerCase()));
    const decisions = new Map<string, boolean>();
    matcher = (key) => {
      let decision = decisions.get(key);
      if (decision === undefined) {
        decision = wanted.has(key.toLowerCase());
        if (decisions.size < MAX_DECISIONS && key.length <= MAX_REMEMBERED_NAME) {
          decisions.set(key, decision);
        }
      }
      return decision;
    };
    if (matchers.size < MAX_MATCHERS) matchers.set(id, matcher);
  }
  return matcher;
}

function withoutSecrets(value: unknown, depth: number): unknown {
  // Deeper than any Profile: a cycle or a hostile object; show nothing of it.
  if (depth > 16) return undefined;
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  if (!isObject(value)) return value;
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // A parsed `"__proto__"` key is data, but assigning it would set the copy's prototype.
    if (key !== '__proto__' && !SECRET_KEY.test(key)) {
      copy[key] = withoutSecrets(value[key], depth + 1);
    }
  }
  return copy;
}

/** True when the user's LoginRadius access token has expired (`expiresAt` in the past). */
export function isLoginExpired(user: unknown, now = Date.now()): boolean {
  if (typeof user !== 'object' || user === null) return false;
  const expiresAt = (user as { expiresAt?: unknown }).expiresAt;
  if (expiresAt === undefined || expiresAt === null) return false;
  const time = new Date(expiresAt as string | Date).getTime();
  // An unreadable expiry is treated as expired: fail closed.
  return Number.isNaN(time) || time <= now;
}
