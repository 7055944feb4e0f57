import { randomUUID } from 'node:crypto';
import type { Profile } from '../loginradius/profile';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/**
 * What a verify answers once it has spent its link or code: for a `twoFactor`
 * account a two-factor challenge (nobody is logged in, so no welcome email);
 * otherwise the welcome email, when a template is named, and the login response.
 */
export function completeLogin(
  state: EmulatorState,
  account: EmulatorAccount,
  fields: string | undefined,
  welcomeTemplate?: string,
): Record<string, unknown> {
  if (account.twoFactor) return secondFactorChallenge(state.config.clock());
  if (welcomeTemplate !== undefined) {
    state.deliver({
      channel: 'email',
      kind: 'welcome',
      to: account.email,
      template: welcomeTemplate,
    });
  }
  return loginResponse(state, account, fields);
}

/**
 * LoginRadius's answer (HTTP 200) when a login needs a second factor, in the
 * shape of its MFA reference: the challenge nested under
 * `SecondFactorAuthentication` (its token valid for 10 minutes), no Profile, the
 * all-zero GUID as `access_token` and a year-1 `expires_in`.
 */
export function secondFactorChallenge(now: number): Record<string, unknown> {
  return {
    SecondFactorAuthentication: {
      SecondFactorAuthenticationToken: randomUUID(),
      ExpireIn: new Date(now + 10 * 60_000).toISOString(),
      QRCode: null,
      ManualEntryCode: null,
      IsGoogleAuthenticatorVerified: false,
      IsAuthenticatorVerified: false,
      IsOTPAuthenticatorVerified: false,
    },
    Profile: null,
    access_token: '00000000-0000-0000-0000-000000000000',
    expires_in: '0001-01-01T00:00:00',
  };
}

/** The answer of a verify that logs `account` in: Profile (projected by `fields`) and tokens. */
function loginResponse(
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
