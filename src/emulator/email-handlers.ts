import { LoginRadiusError } from './errors';
import { ok, type ApiHandler } from './handler-types';
import { isEmail } from './identifiers';
import { completeLogin } from './login-response';
import type { Configuration } from './options';
import {
  requireActive,
  requireAllowedVerificationUrl,
  requireCaptcha,
  requirePasswordless,
} from './site-rules';
import type { EmulatorState } from './state';
import type { EmailTokenMode, EmulatorAccount, OutboxMessage } from './types';

/**
 * GET …/passwordlesslogin/email: the passwordless email, by email or, failing
 * that, by username. What it holds (a link, a one-time code or both) is the
 * site's setting for the named template.
 */
export const sendEmailLink: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  requireCaptcha(state, params);
  const template = params.query('passwordlesslogintemplate');
  const mode = emailTokenMode(state.config, template);
  const target = params.query('verificationurl') ?? state.config.defaultVerificationUrl;
  // Only a link uses the URL; the check comes first since it is the site that is set up wrongly.
  if (mode !== 'otp') requireAllowedVerificationUrl(state, target);
  const email = params.query('email');
  const username = params.query('username');
  let account: EmulatorAccount;
  if (email !== undefined) account = accountByEmail(state, email);
  else if (username !== undefined) account = accountByUsername(state, username);
  else throw new LoginRadiusError(1141);
  requireActive(account);
  if (!state.limiter.allow('email', account.uid)) throw new LoginRadiusError(1178);

  const message: Omit<OutboxMessage, 'sentAt'> = {
    channel: 'email',
    kind: mode === 'otp' ? 'passwordless_otp' : 'passwordless_link',
    to: account.email,
    template,
  };
  if (mode !== 'otp') {
    message.token = state.linkTokens.issue(account.uid);
    message.link = linkWithToken(target, message.token);
  }
  // One current code per account, like a phone's: a new send replaces it (older links stay valid).
  if (mode !== 'link') message.otp = state.emailOtps.issue(account.uid, account.uid);
  state.deliver(message);
  return ok({ IsPosted: true });
};

/** The site's choice for the email of `template`: its own setting, else the site-wide one. */
function emailTokenMode(config: Configuration, template: string | undefined): EmailTokenMode {
  return (template !== undefined && config.emailTokenByTemplate.get(template)) || config.emailToken;
}

/**
 * How LoginRadius joins a URL that already has a query string is unknown; `&`
 * is what a browser-facing callback can parse either way.
 */
export function linkWithToken(target: string, token: string): string {
  const separator = target.includes('?') ? '&' : '?';
  return `${target}${separator}vtype=oneclicksignin&vtoken=${encodeURIComponent(token)}`;
}

/**
 * GET …/passwordlesslogin/email/verify. A missing token answers 1063 (invalid):
 * LoginRadius's code for it is unknown and "invalid" is the safe reading.
 */
export const verifyEmailToken: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  const token = params.query('verificationtoken');
  if (token === undefined) throw new LoginRadiusError(1063);
  const account = state.accounts.byUid(state.linkTokens.check(token));
  if (!account) throw new LoginRadiusError(1063);
  requireActive(account);
  state.linkTokens.spend(token);
  return ok(
    completeLogin(state, account, params.query('fields'), params.query('welcomeemailtemplate')),
  );
};

/**
 * POST …/passwordlesslogin/email/verifyotp with `{ email, otp }` and POST
 * …/passwordlesslogin/username/verifyotp with `{ username, otp }`: the emailed
 * code. LoginRadius documents no codes of its own for these calls, so they
 * answer like the SMS verify: 1067 wrong, 1068 used, 1069 expired, 908 without a
 * code. (Its 1185-1188 are for email *verification* codes, not for login.) A
 * missing identifier answers 1141, as the send does.
 */
export function verifyEmailOtp(by: 'email' | 'username'): ApiHandler {
  return (state, { params }) => {
    requirePasswordless(state);
    const identifier = params.body(by);
    if (identifier === undefined) throw new LoginRadiusError(1141);
    if (by === 'email' && !isEmail(identifier)) throw new LoginRadiusError(1038);
    const otp = params.body('otp');
    if (otp === undefined) throw new LoginRadiusError(908);
    const account =
      by === 'email' ? accountByEmail(state, identifier) : accountByUsername(state, identifier);
    requireActive(account);
    state.lockout.spend(state.emailOtps, account.uid, account, otp);
    const welcomeTemplate =
      params.body('welcomeemailtemplate') ?? params.query('welcomeemailtemplate');
    return ok(completeLogin(state, account, params.query('fields'), welcomeTemplate));
  };
}

function accountByEmail(state: EmulatorState, email: string): EmulatorAccount {
  if (!isEmail(email)) throw new LoginRadiusError(1038);
  const account = state.accounts.byEmail(email);
  if (!account) throw new LoginRadiusError(1023);
  return account;
}

function accountByUsername(state: EmulatorState, username: string): EmulatorAccount {
  const account = state.accounts.byUsername(username);
  if (!account) throw new LoginRadiusError(1022);
  return account;
}
