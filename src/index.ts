/**
 * @module passport-loginradius-passwordless
 * passport-loginradius-passwordless: passwordless sign-in (email link or SMS
 * code) for Express apps through LoginRadius. Public exports only.
 */
export { LoginRadiusClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './loginradius/client';
export type * from './loginradius/types';
export type * from './loginradius/profile';
export {
  PasswordlessError,
  LoginRadiusError,
  LoginRadiusRateLimitError,
  LoginRadiusTimeoutError,
  LoginRadiusUnavailableError,
  LoginRadiusBadResponseError,
  CircuitOpenError,
  InvalidInputError,
  RateLimitedError,
  CrossSiteRequestError,
  VerifyFailedError,
  SessionError,
  StoreUnavailableError,
  isPasswordlessError,
} from './loginradius/errors';
export type { PasswordlessErrorCode, BadResponseReason } from './loginradius/errors';
export { LOGINRADIUS_ERRORS, reasonForErrorCode } from './loginradius/error-codes';
export type { FailureReason, LoginRadiusErrorDefinition } from './loginradius/error-codes';
export { PasswordlessStrategy, DEFAULT_STRATEGY_NAME } from './strategy';
export type {
  PasswordlessStrategyOptions,
  PasswordlessFailure,
  StrategyBase,
  VerifyFunction,
  VerifyFunctionWithRequest,
  VerifyDone,
} from './strategy';
export { createRequestRouter } from './routes/request-router';
export { createVerifyRouter } from './routes/verify-router';
export { errorHandler } from './routes/error-handler';
export type {
  CommonRouterOptions,
  RequestRouterOptions,
  VerifyRouterOptions,
  SendLimits,
  PassportLike,
  CountryCode,
} from './routes/options';
export { escapeHtml } from './routes/pages';
export type { PageName, PageData, PageRenderer } from './routes/pages';
export type { PublicErrorCode } from './routes/answers';
export {
  toSessionUser,
  publicUser,
  isLoginExpired,
  requireLogin,
  signOutExpired,
  PENDING_FLOW_KEY,
} from './session';
export type { SessionUser, PendingFlow, RequireLoginOptions } from './session';
export { memoryStores } from './limits';
export { guardSessionStore } from './session-store-guard';
export type { StoreFactory, LimitPurpose } from './limits';
export type { PasswordlessEvent, PasswordlessEventType, EventListener } from './events';
