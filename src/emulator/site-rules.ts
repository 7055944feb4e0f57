import { LoginRadiusError } from './errors';
import type { RequestParams } from './params';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/**
 * The site settings and account states that refuse a request before it does
 * anything, each with the ErrorCode LoginRadius answers it with.
 */

export function requirePasswordless(state: EmulatorState): void {
  if (!state.config.passwordlessEnabled) throw new LoginRadiusError(1059);
}

/**
 * A blocked account answers 991; a locked one 1198. LoginRadius's Brute Force
 * Lockout has four lockout types (apidocs:
 * docs/v2/admin-console/platform-security/auth-security-configuration.md):
 * Suspend answers 1198, Captcha 1132, SecurityQuestion 1148, Block 991. The
 * emulator can check neither a captcha nor a security answer, so its lock is
 * the Suspend kind, 1198; it lasts until `lockAccount(…, false)`. (1264 asks to
 * log in with a password again and 1164 is a block for suspicious activity:
 * neither fits wrong codes.)
 */
export function requireActive(account: EmulatorAccount): void {
  if (account.blocked) throw new LoginRadiusError(991);
  if (account.locked) throw new LoginRadiusError(1198);
}

/** `isvoiceotp=true` on a site without voice OTP configured answers 1281; returns the flag. */
export function requireVoiceIfAsked(state: EmulatorState, voice: boolean): boolean {
  if (voice && !state.config.voiceOtp) throw new LoginRadiusError(1281);
  return voice;
}

/**
 * Bot Protection: a send needs a non-empty `g-recaptcha-response` (query, or the
 * JSON body of a POST send). Any value passes, since the emulator cannot ask
 * Google whether the answer is genuine. Without one: 982. LoginRadius's
 * response-code table has no code for a missing captcha, only 982 and 1218,
 * both "CAPTCHA is invalid"; its API reference lists 982 for the calls that
 * take a captcha (apidocs: apis/v2/customer-identity-api/authentication/
 * auth-user-registration-by-recaptcha.json, auth-login-by-email.json) and 1218
 * for none, so 982 is the safest reading.
 */
export function requireCaptcha(state: EmulatorState, params: RequestParams): void {
  if (state.config.botProtection && params.queryOrBody('g-recaptcha-response') === undefined) {
    throw new LoginRadiusError(982);
  }
}

/**
 * A link whose `verificationurl` (or the default one) points at a host the site
 * does not list answers 1249, like a LoginRadius site whose allowed domains do
 * not include the app. Hostnames match exactly, ignoring case.
 */
export function requireAllowedVerificationUrl(state: EmulatorState, target: string): void {
  const allowed = state.config.allowedDomains;
  if (allowed === 'any') return;
  const hostname = URL.canParse(target)
    ? new URL(target).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
    : undefined;
  if (hostname === undefined || !allowed.has(hostname)) throw new LoginRadiusError(1249);
}
