import { LoginRadiusBadResponseError } from './errors';
import type { AccessTokenInfo, LoginResponse, LoginResult } from './types';

/**
 * Turns LoginRadius's login response into a {@link LoginResult}, failing closed:
 * anything short of a Profile with a Uid, a non-empty `access_token` and a
 * parseable `expires_in` is `LR_BAD_RESPONSE`, never a login. A second-factor
 * challenge (a 200 with `SecondFactorAuthenticationToken` and no access token) is
 * reported as such so the app can tell its developer what to switch off.
 */
export function parseLoginResponse(
  operation: string,
  statusCode: number,
  json: unknown,
): LoginResult {
  if (!isObject(json)) {
    throw new LoginRadiusBadResponseError(
      operation,
      'unexpected_shape',
      statusCode,
      'expected a JSON object',
    );
  }
  const accessToken = json.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    if (json.SecondFactorAuthenticationToken) {
      throw new LoginRadiusBadResponseError(
        operation,
        'second_factor_required',
        statusCode,
        'LoginRadius asked for a second factor (two-factor login is on for this site); ' +
          'this package does not complete 2FA, so no one is signed in',
      );
    }
    throw new LoginRadiusBadResponseError(
      operation,
      'missing_access_token',
      statusCode,
      'the login response has no access_token',
    );
  }
  const profile = json.Profile;
  if (!isObject(profile) || typeof profile.Uid !== 'string' || profile.Uid === '') {
    throw new LoginRadiusBadResponseError(
      operation,
      'unexpected_shape',
      statusCode,
      'the login response has no Profile with a Uid',
    );
  }
  const expiresAt = parseTimestamp(json.expires_in);
  if (!expiresAt) {
    throw new LoginRadiusBadResponseError(
      operation,
      'unexpected_shape',
      statusCode,
      'expires_in is not an ISO-8601 timestamp',
    );
  }
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
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
