import type { Dispatcher } from 'undici';
import type { Profile } from './profile';

export type { Profile } from './profile';

/** Options of {@link LoginRadiusClient}. */
export interface LoginRadiusClientOptions {
  /** Your LoginRadius site's API key. Required. Sent as the `apikey` query parameter. */
  apiKey: string;
  /**
   * Where LoginRadius's API lives; set it for a custom API domain or for the
   * emulator. Default: `https://api.loginradius.com`.
   */
  baseUrl?: string;
  /**
   * One deadline per call, in milliseconds, covering connect, response headers
   * and the whole body. Default: `10000`.
   */
  timeout?: number;
  /**
   * An undici dispatcher (Agent, ProxyAgent, MockAgent...) to send requests with.
   * Default: an Agent of the client's own, with keep-alive.
   */
  dispatcher?: Dispatcher;
  /**
   * Circuit breaker settings, or `false` to turn it off. After `threshold`
   * consecutive upstream failures (timeouts, connection errors, 5xx, 429) the
   * client fails fast with `LR_CIRCUIT_OPEN` for `cooldownMs`, then lets one probe
   * call through. Default: `{ threshold: 5, cooldownMs: 30000 }`.
   */
  breaker?: CircuitBreakerOptions | false;
  /**
   * Called after each upstream call with what happened, for logs and metrics.
   * The URL in it is redacted (no API key, token, code or captcha answer) and
   * masks the email, username and phone as events do. Default: none.
   */
  onCall?: (info: UpstreamCallInfo) => void;
}

/** Settings of the client's circuit breaker. */
export interface CircuitBreakerOptions {
  /** Consecutive upstream failures that open the breaker. Default: `5`. */
  threshold?: number;
  /** How long the breaker stays open before one probe goes through, in ms. Default: `30000`. */
  cooldownMs?: number;
}

/** What the `onCall` hook receives; it never holds a secret. */
export interface UpstreamCallInfo {
  /** The client method, for example `verifyPhoneOtp`. */
  operation: LoginRadiusOperation;
  method: 'GET' | 'PUT' | 'POST';
  /**
   * The called URL with `apikey`, every token, code and captcha answer replaced by
   * `[redacted]`, and the email, username and phone masked (`a***@example.com`).
   */
  url: string;
  /** The upstream HTTP status, when one arrived. */
  statusCode?: number;
  durationMs: number;
  /** This package's error code when the call failed. */
  errorCode?: string;
  /** LoginRadius's `ErrorCode` when it sent one. */
  loginRadiusErrorCode?: number;
}

/** The LoginRadius calls the client makes, named like its methods. */
export type LoginRadiusOperation =
  | 'sendEmailLink'
  | 'sendPhoneOtp'
  | 'verifyEmailToken'
  | 'verifyPhoneOtp'
  | 'verifyEmailOtp'
  | 'validateAccessToken'
  | 'invalidateAccessToken'
  | 'getProfile';

/** Options every call takes. */
export interface CallOptions {
  /**
   * Aborts the call (for example when the browser went away). Anything but an
   * AbortSignal fails the call with `INVALID_INPUT` before it starts. Default: none.
   */
  signal?: AbortSignal;
  /**
   * The end user's IP address, sent as `X-Origin-IP` so that LoginRadius sees the
   * person rather than your server (its rate limits and logs use it). The routers
   * pass `req.ip`. Default: none (LoginRadius sees your server's address).
   */
  originIp?: string;
}

/** Options of the calls that send something (a link, an email code, an SMS or a voice call). */
export interface SendOptions extends CallOptions {
  /**
   * The captcha answer from the page (Google reCAPTCHA's `g-recaptcha-response`),
   * required by LoginRadius sites with Bot Protection on; sent untouched as
   * `g-recaptcha-response`. Default: none.
   */
  captchaResponse?: string;
}

/** Who to send a link to: an email address or a username. */
export type EmailLinkRecipient = { email: string } | { username: string };

/** Options of {@link LoginRadiusClient.sendEmailLink}. */
export interface SendEmailLinkOptions extends SendOptions {
  /**
   * Where the link in the email points; LoginRadius appends
   * `vtype=oneclicksignin&vtoken=<token>`. Default: the URL configured for the site.
   */
  verificationUrl?: string;
  /** Name of the passwordless email template. Default: the site's default template. */
  passwordlessLoginTemplate?: string;
}

/** Options of {@link LoginRadiusClient.sendPhoneOtp}. */
export interface SendPhoneOtpOptions extends SendOptions {
  /** Name of the SMS template. Default: the site's default template. */
  smsTemplate?: string;
  /** Deliver the code by voice call instead of SMS. Default: `false`. */
  isVoiceOtp?: boolean;
}

/** Options of {@link LoginRadiusClient.verifyEmailToken}. */
export interface VerifyEmailTokenOptions extends CallOptions {
  /** Profile keys to return (`Uid` is always added). Default: the whole Profile. */
  fields?: readonly string[];
  /** Welcome email template sent on a first login. Default: none. */
  welcomeEmailTemplate?: string;
}

/** Options of {@link LoginRadiusClient.verifyPhoneOtp}. */
export interface VerifyPhoneOtpOptions extends CallOptions {
  /** Profile keys to return (`Uid` is always added). Default: the whole Profile. */
  fields?: readonly string[];
  /** Name of the SMS template. Default: the site's default template. */
  smsTemplate?: string;
  /** The code was delivered by voice call. Default: `false`. */
  isVoiceOtp?: boolean;
}

/** Who typed an emailed code: the email address or the username the code was sent for. */
export type EmailOtpInput = { email: string; otp: string } | { username: string; otp: string };

/** Options of {@link LoginRadiusClient.verifyEmailOtp}. */
export interface VerifyEmailOtpOptions extends CallOptions {
  /** Profile keys to return (`Uid` is always added). Default: the whole Profile. */
  fields?: readonly string[];
  /** Welcome email template sent on a first login. Default: none. */
  welcomeEmailTemplate?: string;
}

/** Options of {@link LoginRadiusClient.getProfile}. */
export interface GetProfileOptions extends CallOptions {
  /** Profile keys to return (`Uid` is always added). Default: the whole Profile. */
  fields?: readonly string[];
}

/** Options of {@link LoginRadiusClient.invalidateAccessToken}. */
export interface InvalidateAccessTokenOptions extends CallOptions {
  /** Also stop the refresh token from minting new access tokens. Default: `false`. */
  preventRefresh?: boolean;
}

/** LoginRadius's answer to a send: the link or code is on its way. */
export interface SendResult {
  sent: true;
  /** The body LoginRadius answered with. */
  raw: Record<string, unknown>;
}

/** LoginRadius's login response, as it arrives. */
export interface LoginResponse {
  Profile: Profile;
  access_token: string;
  /** ISO-8601 timestamp when the access token expires. */
  expires_in: string;
  refresh_token?: string;
  [key: string]: unknown;
}

/** A successful passwordless verify: who signed in, and their LoginRadius access token. */
export interface LoginResult {
  profile: Profile;
  /** The LoginRadius access token. Keep it on the server. */
  accessToken: string;
  /** When the access token expires (LoginRadius's `expires_in`). */
  expiresAt: Date;
  /** The refresh token, when LoginRadius sent one. */
  refreshToken?: string;
  /** The whole response, for fields this type does not name. */
  raw: LoginResponse;
}

/** What `validateAccessToken` learns about a token. */
export interface AccessTokenInfo {
  /** When the token expires. */
  expiresAt: Date;
  refreshToken?: string;
  raw: Record<string, unknown>;
}
