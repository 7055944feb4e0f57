import { randomBytes } from 'node:crypto';
import { LoginRadiusError } from './errors';
import { ok, type ApiHandler } from './handler-types';
import { normalizePhone } from './identifiers';
import { completeLogin } from './login-response';
import {
  requireActive,
  requireCaptcha,
  requirePasswordless,
  requireVoiceIfAsked,
} from './site-rules';

/** GET or POST …/passwordlesslogin/otp: a code by SMS (or voice) to a verified phone. */
export const sendPhoneOtp: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  requireCaptcha(state, params);
  const voice = requireVoiceIfAsked(state, params.flag('isvoiceotp'));
  const phone = requirePhone(params.queryOrBody('phone'));
  const account = state.accounts.byPhone(phone);
  if (!account) throw new LoginRadiusError(1043);
  requireActive(account);
  if (!account.phoneVerified) throw new LoginRadiusError(1066);
  if (!state.limiter.allow('sms', account.uid)) throw new LoginRadiusError(1179);

  const otp = state.otps.issue(phone, account.uid, state.config.testPhones.get(phone));
  state.deliver({
    channel: voice ? 'voice' : 'sms',
    kind: 'passwordless_otp',
    to: phone,
    otp,
    template: params.query('smstemplate'),
    voice,
  });
  return ok({
    IsPosted: true,
    Data: { AccountSid: state.smsAccountSid, Sid: `SM${randomBytes(16).toString('hex')}` },
  });
};

/**
 * PUT …/passwordlesslogin/otp/verify with `{ phone, otp }`, for SMS and voice
 * codes alike. A missing `otp`
 * answers 908 (parameter not formatted): LoginRadius's code for it is unknown,
 * and 908 tells a malformed request apart from a wrong code (1067).
 */
export const verifyPhoneOtp: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  requireVoiceIfAsked(state, params.flag('isvoiceotp'));
  const phone = requirePhone(params.body('phone'));
  const otp = params.body('otp');
  if (otp === undefined) throw new LoginRadiusError(908);
  const account = state.accounts.byPhone(phone);
  if (!account) throw new LoginRadiusError(1043);
  requireActive(account);
  if (!account.phoneVerified) throw new LoginRadiusError(1066);
  state.lockout.spend(state.otps, phone, account, otp);
  return ok(completeLogin(state, account, params.query('fields')));
};

function requirePhone(raw: string | undefined): string {
  if (raw === undefined) throw new LoginRadiusError(1076);
  const phone = normalizePhone(raw);
  // The protocol names one answer for "phone invalid or unknown": 1043.
  if (!phone) throw new LoginRadiusError(1043);
  return phone;
}
