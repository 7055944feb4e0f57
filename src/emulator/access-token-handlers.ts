import { LoginRadiusError } from './errors';
import { ok, type ApiHandler, type ApiRequest } from './handler-types';
import { projectProfile } from './login-response';

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
