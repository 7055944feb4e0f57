import { randomBytes } from 'node:crypto';
import type { Profile } from '../loginradius/profile';
import { LoginRadiusError } from './errors';
import { isEmail, normalizePhone } from './identifiers';
import type { RequestParams } from './params';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/** What a handler reads from a request that passed the API-key check. */
export interface ApiRequest {
  params: RequestParams;
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
}

export interface ApiReply {
  status: number;
  body: unknown;
}

export type ApiHandler = (state: EmulatorState, request: ApiRequest) => ApiReply;

const ok = (body: unknown): ApiReply => ({ status: 200, body });

function requirePasswordless(state: EmulatorState): void {
  if (!state.config.passwordlessEnabled) throw new LoginRadiusError(1059);
}

function requireActive(account: EmulatorAccount): void {
  if (account.blocked) throw new LoginRadiusError(991);
}

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

  const welcomeTemplate = params.query('welcomeemailtemplate');
  if (welcomeTemplate !== undefined) {
    state.deliver({
      channel: 'email',
      kind: 'welcome',
      to: account.email,
      template: welcomeTemplate,
    });
  }
  return ok(loginResponse(state, account, params.query('fields')));
};

/** GET or POST …/passwordlesslogin/otp: a code by SMS (or voice) to a verified phone. */
export const sendPhoneOtp: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  const phone = requirePhone(params.queryOrBody('phone'));
  const account = state.accounts.byPhone(phone);
  if (!account) throw new LoginRadiusError(1043);
  requireActive(account);
  if (!account.phoneVerified) throw new LoginRadiusError(1066);
  if (!state.limiter.allow('sms', account.uid)) throw new LoginRadiusError(1179);

  const otp = state.otps.issue(phone, account.uid, state.config.testPhones.get(phone));
  state.deliver({
    channel: 'sms',
    kind: 'passwordless_otp',
    to: phone,
    otp,
    template: params.query('smstemplate'),
    voice: params.flag('isvoiceotp'),
  });
  return ok({
    IsPosted: true,
    Data: { AccountSid: state.smsAccountSid, Sid: `SM${randomBytes(16).toString('hex')}` },
  });
};

/**
 * PUT …/passwordlesslogin/otp/verify with `{ phone, otp }`. A missing `otp`
 * answers 908 (parameter not formatted): LoginRadius's code for it is unknown,
 * and 908 tells a malformed request apart from a wrong code (1067).
 */
export const verifyPhoneOtp: ApiHandler = (state, { params }) => {
  requirePasswordless(state);
  const phone = requirePhone(params.body('phone'));
  const otp = params.body('otp');
  if (otp === undefined) throw new LoginRadiusError(908);
  const account = state.accounts.byPhone(phone);
  if (!account) throw new LoginRadiusError(1043);
  requireActive(account);
  if (!account.phoneVerified) throw new LoginRadiusError(1066);
  state.otps.spend(phone, account.uid, otp);
  return ok(loginResponse(state, account, params.query('fields')));
};

function requirePhone(raw: string | undefined): string {
  if (raw === undefined) throw new LoginRadiusError(1076);
  const phone = normalizePhone(raw);
  if (!phone) throw new LoginRadiusError(1096);
  return phone;
}

/** GET …/access_token/validate. */
export const validateAccessToken: ApiHandler = (state, request) => {
  const token = state.accessTokens.check(requireAccessToken(request));
  return ok({
    access_token: token.accessToken,
    refresh_token: token.refreshToken,
    expires_in: new Date(token.expiresAt).toISOString(),
  });
};

/** GET …/access_token/invalidate (`preventRefresh` is accepted and has nothing to do here). */
export const invalidateAccessToken: ApiHandler = (state, request) => {
  const token = state.accessTokens.check(requireAccessToken(request));
  state.accessTokens.invalidate(token.accessToken);
  return ok({ IsPosted: true });
};

/** GET …/auth/account: the bare Profile. */
export const getProfile: ApiHandler = (state, request) => {
  const token = state.accessTokens.check(requireAccessToken(request));
  const account = state.accounts.byUid(token.uid);
  if (!account) throw new LoginRadiusError(905);
  return ok(projectProfile(account.profile, request.params.query('fields')));
};

/** The token from `Authorization: Bearer …`, else the `access_token` query parameter. */
function requireAccessToken({ authorization, params }: ApiRequest): string {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  const token = bearer ?? params.query('access_token');
  if (token === undefined) throw new LoginRadiusError(1060);
  return token;
}

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
