import { LoginRadiusBadResponseError } from '../errors';
import { isObject } from '../is-object';
import type { AccessTokenInfo, LoginResponse, LoginResult } from './types';

/** What LoginRadius puts in `access_token` when it asks for a second factor instead. */
const NO_TOKEN = '00000000-0000-0000-0000-000000000000';

/**
 * Turns LoginRadius's login response into a {@link LoginResult}, failing closed:
 * anything short of a Profile with a Uid, a real `access_token` and an
 * `expires_in` in the future is `LR_BAD_RESPONSE`, never a login, whatever else
 * the body holds. A two-factor challenge (HTTP 200 with `SecondFactorAuthentication`,
 * `Profile: null`, the all-zero GUID and a year-1 expiry) has its own reason,
 * `second_factor_required`, so the app can tell its developer what is on.
 */
export function parseLoginResponse(
  operation: string,
  statusCode: number,
  json: unknown,
  now = Date.now(),
): LoginResult {
  const refuse = (reason: 'unexpected_shape' | 'missing_access_token', detail: string): never => {
    throw new LoginRadiusBadResponseError(operation, reason, statusCode, detail);
  };
  if (!isObject(json)) return refuse('unexpected_shape', 'expected a JSON object');
  if (isSecondFactorChallenge(json)) {
    throw new LoginRadiusBadResponseError(
      operation,
      'second_factor_required',
      statusCode,
      'LoginRadius asked for a second factor: two-factor authentication is on for this account ' +
        'or site, and LoginRadius does not combine passwordless login with it, so no one is signed in',
    );
  }
  const accessToken = json.access_token;
  if (typeof accessToken !== 'string' || accessToken === '' || accessToken === NO_TOKEN) {
    return refuse('missing_access_token', 'the login response has no usable access_token');
  }
  const profile = json.Profile;
  if (!isObject(profile) || typeof profile.Uid !== 'string' || profile.Uid === '') {
    return refuse('unexpected_shape', 'the login response has no Profile with a Uid');
  }
  const expiresAt = parseTimestamp(json.expires_in);
  if (!expiresAt) return refuse('unexpected_shape', 'expires_in is not an ISO-8601 timestamp');
  if (expiresAt.getTime() <= now) return refuse('unexpected_shape', 'expires_in is in the past');
  const result: LoginResult = {
    profile: profile as LoginResponse['Profile'],
    accessToken,
    expiresAt,
    raw: json as LoginResponse,
  };
  if (typeof json.refresh_token === 'string' && json.refresh_token !== '') {
    result.refreshToken = json.refresh_token;
  }
  return result;
}

/**
 * The challenge nested (as LoginRadius's MFA reference shows it) or flat (older
 * answers), or its tell-tale shape without the token: the all-zero GUID where the
 * access token goes, with no Profile. Never a login either way; named for what it
 * is, it is a refusal (the link or code was spent), not LoginRadius failing.
 */
function isSecondFactorChallenge(json: Record<string, unknown>): boolean {
  const nested = json.SecondFactorAuthentication;
  return (
    (isObject(nested) && Boolean(nested.SecondFactorAuthenticationToken)) ||
    Boolean(json.SecondFactorAuthenticationToken) ||
    (json.access_token === NO_TOKEN && !isObject(json.Profile))
  );
}

/** The answer to `access_token/validate`. */
export function parseAccessTokenInfo(statusCode: number, json: unknown): AccessTokenInfo {
  const expiresAt = isObject(json) ? parseTimestamp(json.expires_in) : undefined;
  if (!isObject(json) || !expiresAt) {
    throw new LoginRadiusBadResponseError(
      'validateAccessToken',
      'unexpected_shape',
      statusCode,
      'expected { access_token, expires_in }',
    );
  }
  const info: AccessTokenInfo = { expiresAt, raw: json };
  if (typeof json.refresh_token === 'string' && json.refresh_token !== '') {
    info.refreshToken = json.refresh_token;
  }
  return info;
}

/** `Retry-After` in seconds, from either of its forms (seconds or an HTTP date). */
export function parseRetryAfter(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // An ISO-8601 timestamp; LoginRadius sends 7 fractional digits, which Date accepts.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  // Without a zone Date.parse would read the server's local time; LoginRadius's
  // clock is UTC, and it does write some timestamps without a zone (its 2FA sample).
  const time = Date.parse(HAS_ZONE.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
