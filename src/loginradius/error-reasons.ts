/**
 * What LoginRadius's `ErrorCode`s mean to this package: the reason a verify
 * failed (reported to the app, never to the browser), and which codes say the
 * LoginRadius site itself is set up wrongly.
 */

/** Why a verify or send was refused, as the strategy and routers report it. */
export type FailureReason =
  | 'invalid'
  | 'expired'
  | 'used'
  | 'locked'
  | 'rate_limited'
  | 'unknown_account'
  | 'unverified_phone'
  | 'site_misconfigured'
  | 'captcha_required'
  | 'second_factor_required'
  | 'no_pending_flow'
  | 'rejected';

const REASON_BY_CODE: Readonly<Record<number, FailureReason>> = {
  1063: 'invalid',
  1067: 'invalid',
  975: 'expired',
  1069: 'expired',
  979: 'used',
  1062: 'used',
  1068: 'used',
  1070: 'used',
  938: 'unknown_account',
  1022: 'unknown_account',
  1023: 'unknown_account',
  1043: 'unknown_account',
  1066: 'unverified_phone',
  // Blocked by an admin, or locked after failed attempts: one "locked" reason.
  991: 'locked',
  1164: 'locked',
  1132: 'locked',
  1148: 'locked',
  1198: 'locked',
  1264: 'locked',
  1176: 'second_factor_required',
  // Bot Protection (or a brute-force lockout of type Captcha) wants a captcha answer.
  982: 'captcha_required',
  1218: 'captcha_required',
  1122: 'rate_limited',
  1123: 'rate_limited',
  1149: 'rate_limited',
  1178: 'rate_limited',
  1179: 'rate_limited',
};

/** The failure reason for a LoginRadius `ErrorCode`; codes we do not know are `rejected`. */
export function reasonForErrorCode(errorCode: number): FailureReason {
  if (CONFIG_ERRORS[errorCode]) return 'site_misconfigured';
  return REASON_BY_CODE[errorCode] ?? 'rejected';
}

/**
 * ErrorCodes that say the LoginRadius site (or this app's configuration of it)
 * is wrong, not the person: the app must hear of them loudly (a `config_error`
 * event naming the setting) even though the browser's answer stays uniform.
 */
const CONFIG_ERRORS: Readonly<Record<number, string>> = {
  901: 'the API key is not authorized for this call: check the API key of your LoginRadius site',
  920: 'the API key is invalid: check `apiKey` against your LoginRadius site',
  922: 'the API key is missing: set `apiKey`',
  1059: 'passwordless login is not enabled for the LoginRadius site: switch it on in the Admin Console',
  1249: "the verification URL is not on the LoginRadius site's allowed domains: add the domain of `callbackUrl` to them",
  1281: 'voice codes (voice OTP) are not set up for the LoginRadius site: set them up, or do not offer "Call me instead"',
};

/** What to fix when LoginRadius wants a captcha and the page sent none. */
const BOT_PROTECTION_SETTING =
  'Bot Protection is on for the LoginRadius site: put the captcha widget on the sign-in form ' +
  '(its answer goes in the g-recaptcha-response field), or switch Bot Protection off';

/**
 * For an ErrorCode that says the site is set up wrongly, the setting to fix, in
 * words; else `undefined`. On a send (`send` given) that carried no captcha
 * answer, a captcha refusal (982, 1218) says Bot Protection is on without a
 * widget on the page; elsewhere it may be a lockout of type Captcha, the person's.
 */
export function misconfiguredSetting(
  errorCode: number,
  send?: { captchaSent: boolean },
): string | undefined {
  const setting = CONFIG_ERRORS[errorCode];
  if (setting) return setting;
  if (send && !send.captchaSent && REASON_BY_CODE[errorCode] === 'captcha_required') {
    return BOT_PROTECTION_SETTING;
  }
  return undefined;
}
