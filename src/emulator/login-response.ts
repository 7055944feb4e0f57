import type { Profile } from '../loginradius/profile';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/** The answer of every verify that logs `account` in: Profile (projected by `fields`) and tokens. */
export function loginResponse(
  state: EmulatorState,
  account: EmulatorAccount,
  fields: string | undefined,
): Record<string, unknown> {
  const token = state.accessTokens.issue(account.uid);
  return {
    Profile: projectProfile(account.profile, fields),
    access_token: token.accessToken,
    expires_in: new Date(token.expiresAt).toISOString(),
    refresh_token: token.refreshToken,
  };
}

/**
 * The Profile limited to `fields` (comma-separated, matched case-insensitively,
 * answered in the Profile's own spelling; unknown names are ignored). No
 * usable name means no projection.
 */
export function projectProfile(profile: Profile, fields: string | undefined): Partial<Profile> {
  const wanted = new Set(
    (fields ?? '')
      .split(',')
      .map((field) => field.trim().toLowerCase())
      .filter(Boolean),
  );
  if (wanted.size === 0) return profile;
  return Object.fromEntries(
    Object.entries(profile).filter(([key]) => wanted.has(key.toLowerCase())),
  ) as Partial<Profile>;
}
