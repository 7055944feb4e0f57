import { LoginRadiusError } from './errors';
import { ok, type ApiHandler } from './handler-types';
import { isEmail } from './identifiers';
import { completeLogin } from './login-response';
import { requireActive, requirePasswordless } from './site-rules';
import type { EmulatorAccount } from './types';

/** GET …/passwordlesslogin/email: a login link by email or, failing that, by username. */
export const sendEmailLink: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  const email = params.query('email');
  const username = params.query('username');
  let account: EmulatorAccount | undefined;
  if (email !== undefined) {
    if (!isEmail(email)) throw new LoginRadiusError(1038);
    account = state.accounts.byEmail(email);
    if (!account) throw new LoginRadiusError(1023);
  } else if (username !== undefined) {
    account = state.accounts.byUsername(username);
    if (!account) throw new LoginRadiusError(1022);
  } else {
    throw new LoginRadiusError(1141);
  }
  requireActive(account);
  if (!state.limiter.allow('email', account.uid)) throw new LoginRadiusError(1178);

  const token = state.linkTokens.issue(account.uid);
  const target = params.query('verificationurl') ?? state.config.defaultVerificationUrl;
  state.deliver({
    channel: 'email',
    kind: 'passwordless_link',
    to: account.email,
    link: linkWithToken(target, token),
    token,
    template: params.query('passwordlesslogintemplate'),
  });
  return ok({ IsPosted: true });
};

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
