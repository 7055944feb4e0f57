/**
 * @module passport-loginradius-passwordless
 * passport-loginradius-passwordless: passwordless sign-in (a link or code by
 * email, a code by SMS or voice call) for Express apps through LoginRadius.
 * Public exports only.
 */
export { LoginRadiusClient } from './loginradius/client';
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
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  RateLimitedError,
  CrossSiteRequestError,
  VerifyFailedError,
  SessionError,
  StoreUnavailableError,
  SetupError,
  isPasswordlessError,
} from './errors';
export type {
  PasswordlessErrorCode,
  PublicErrorCode,
  BadResponseReason,
  SetupErrorCode,
} from './errors';
export type { FailureReason } from './loginradius/error-reasons';
export { PasswordlessStrategy } from './strategy';
export type { CodeCap } from './code-counters';
export type {
  PasswordlessStrategyOptions,
  PasswordlessFailure,
  PasswordlessFailureReason,
  AuthenticateOptions,
  CredentialKind,
  StrategyBase,
  VerifyFunction,
  VerifyFunctionWithRequest,
  VerifyDone,
} from './strategy-options';
export { createRequestRouter } from './routes/request-router';
export { createVerifyRouter } from './routes/verify-router';
export type { MountableRouter } from './routes/sub-app';
export { errorHandler } from './routes/error-handler';
export type { ErrorHandlerOptions } from './routes/error-handler';
export type {
  CommonRouterOptions,
  RequestRouterOptions,
  VerifyRouterOptions,
  SendLimits,
  PassportLike,
  CountryCode,
  FlowRecordStore,
} from './routes/options';
export { escapeHtml } from './routes/pages';
export type { PageName, PageData, PageRenderer } from './routes/pages';
export type { Messages } from './i18n';
export type { Catalogue, Locales, MessageKey } from './locales/catalogue';
export { toSessionUser, publicUser, isLoginExpired } from './session-user';
export type { SessionUser } from './session-user';
export { requireLogin, signOutExpired } from './require-login';
export { PassportIncomingMessage } from './passport-incoming-message';
export { PassportServerResponse } from './passport-server-response';
export type { RequireLoginOptions } from './require-login';
export { pendingSignIn } from './session';
export type { PendingSignIn } from './session';
export { guardSessionStore } from './session-store-guard';
export type { StoreFactory, LimitPurpose } from './limits';
export type { PasswordlessEvent, PasswordlessEventType, EventListener, Channel } from './events';
