import { LoginRadiusBadResponseError } from '../errors';
import { isObject } from '../is-object';
import {
  checkOriginIp,
  checkSignal,
  emailOrUsername,
  expectPosted,
  fieldsParam,
  phoneOf,
  sendQuery,
} from './call-params';
import { parseClientOptions } from './client-options';
import { parseAccessTokenInfo, parseLoginResponse } from './responses';
import { Transport, type Answer, type Call } from './transport';
import type {
  AccessTokenInfo,
  CallOptions,
  EmailLinkRecipient,
  EmailOtpInput,
  GetProfileOptions,
  InvalidateAccessTokenOptions,
  LoginRadiusClientOptions,
  LoginRadiusOperation,
  LoginResult,
  Profile,
  SendEmailLinkOptions,
  SendPhoneOtpOptions,
  SendResult,
  VerifyEmailOtpOptions,
  VerifyEmailTokenOptions,
  VerifyPhoneOtpOptions,
} from './types';
import {
  checkAbsoluteUrl,
  checkAccessToken,
  checkTemplate,
  checkToken,
  normalizeOtp,
} from './validation';

const PATHS = {
  sendEmailLink: '/identity/v2/auth/login/passwordlesslogin/email',
  verifyEmailToken: '/identity/v2/auth/login/passwordlesslogin/email/verify',
  sendPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp',
  verifyPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp/verify',
  verifyEmailOtp: '/identity/v2/auth/login/passwordlesslogin/email/verifyotp',
  validateAccessToken: '/identity/v2/auth/access_token/validate',
  invalidateAccessToken: '/identity/v2/auth/access_token/invalidate',
  getProfile: '/identity/v2/auth/account',
} as const satisfies Record<LoginRadiusOperation, string>;
/** The emailed-code verify by username has a path of its own. */
const VERIFY_USERNAME_OTP_PATH = '/identity/v2/auth/login/passwordlesslogin/username/verifyotp';

/**
 * A typed client for LoginRadius's passwordless login API, on undici.
 *
 * One method per LoginRadius call. Each call has one deadline (`timeout`) that
 * covers connect, headers and body; none is ever retried, because a repeated send
 * costs an email or SMS and a repeated verify fails on the spent token. Input is
 * validated before any request; every failure is a typed {@link PasswordlessError}.
 */
export class LoginRadiusClient {
  /** LoginRadius's API base URL (no trailing slash). */
  readonly baseUrl: string;
  /** The deadline of each call, in ms. */
  readonly timeout: number;
  readonly #transport: Transport;

  constructor(options: LoginRadiusClientOptions) {
    const config = parseClientOptions(options);
    this.baseUrl = config.baseUrl;
    this.timeout = config.timeout;
    this.#transport = new Transport(config);
  }

  /** The circuit breaker's state: `closed`, `open`, `half-open`, or `disabled`. */
  get breakerState(): string {
    return this.#transport.breakerState;
  }

  /** Sends a passwordless login email (a link, or a code if the site says so), to an email address or a username. */
  async sendEmailLink(
    recipient: EmailLinkRecipient,
    options: SendEmailLinkOptions = {},
  ): Promise<SendResult> {
    const query = emailOrUsername(recipient, 'recipient');
    if (options.passwordlessLoginTemplate !== undefined) {
      query.passwordlesslogintemplate = checkTemplate(
        'passwordlessLoginTemplate',
        options.passwordlessLoginTemplate,
      );
    }
    if (options.verificationUrl !== undefined) {
      query.verificationurl = checkAbsoluteUrl('verificationUrl', options.verificationUrl);
    }
    const answer = await this.#call('sendEmailLink', 'GET', sendQuery(query, options), options);
    return expectPosted('sendEmailLink', answer);
  }

  /** Sends a one-time code by SMS (or a voice call) to the verified phone of an account. */
  async sendPhoneOtp(
    recipient: { phone: string },
    options: SendPhoneOtpOptions = {},
  ): Promise<SendResult> {
    const query: Record<string, string | undefined> = { phone: phoneOf(recipient) };
    if (options.smsTemplate !== undefined) {
      query.smstemplate = checkTemplate('smsTemplate', options.smsTemplate);
    }
    if (options.isVoiceOtp) query.isvoiceotp = 'true';
    const answer = await this.#call('sendPhoneOtp', 'GET', sendQuery(query, options), options);
    const json = answer.json;
    if (!isObject(json) || (json.IsPosted !== true && !isObject(json.Data))) {
      throw new LoginRadiusBadResponseError(
        'sendPhoneOtp',
        'unexpected_shape',
        answer.statusCode,
        'expected {"Data": {...}} or {"IsPosted": true}',
      );
    }
    return { sent: true, raw: json };
  }

  /** Spends the token from an email link; resolves to who signed in. */
  async verifyEmailToken(
    input: { verificationToken: string },
    options: VerifyEmailTokenOptions = {},
  ): Promise<LoginResult> {
    const verificationToken = checkToken('verificationToken', input?.verificationToken);
    const query: Record<string, string | undefined> = {
      verificationtoken: verificationToken,
      fields: fieldsParam(options.fields),
    };
    if (options.welcomeEmailTemplate !== undefined) {
      query.welcomeemailtemplate = checkTemplate(
        'welcomeEmailTemplate',
        options.welcomeEmailTemplate,
      );
    }
    const answer = await this.#call('verifyEmailToken', 'GET', query, options, {
      secrets: [verificationToken],
    });
    return parseLoginResponse('verifyEmailToken', answer.statusCode, answer.json);
  }

  /** Spends a one-time code sent by SMS or voice call to `phone`; resolves to who signed in. */
  async verifyPhoneOtp(
    input: { phone: string; otp: string },
    options: VerifyPhoneOtpOptions = {},
  ): Promise<LoginResult> {
    const phone = phoneOf(input);
    const otp = normalizeOtp(input?.otp);
    const query: Record<string, string | undefined> = { fields: fieldsParam(options.fields) };
    if (options.smsTemplate !== undefined) {
      query.smstemplate = checkTemplate('smsTemplate', options.smsTemplate);
    }
    if (options.isVoiceOtp) query.isvoiceotp = 'true';
    const answer = await this.#call('verifyPhoneOtp', 'PUT', query, options, {
      body: { phone, otp },
      secrets: [otp],
    });
    return parseLoginResponse('verifyPhoneOtp', answer.statusCode, answer.json);
  }

  /**
   * Spends a one-time code that came in the passwordless email (sites whose
   * template carries a code), by the email address or the username it was sent
   * for; resolves to who signed in.
   */
  async verifyEmailOtp(
    input: EmailOtpInput,
    options: VerifyEmailOtpOptions = {},
  ): Promise<LoginResult> {
    const body: Record<string, string> = emailOrUsername(input, 'input') as Record<string, string>;
    body.otp = normalizeOtp((input as { otp?: unknown } | undefined)?.otp);
    if (options.welcomeEmailTemplate !== undefined) {
      body.welcomeemailtemplate = checkTemplate(
        'welcomeEmailTemplate',
        options.welcomeEmailTemplate,
      );
    }
    const answer = await this.#call(
      'verifyEmailOtp',
      'POST',
      { fields: fieldsParam(options.fields) },
      options,
      {
        body,
        secrets: [body.otp],
        path: 'username' in body ? VERIFY_USERNAME_OTP_PATH : undefined,
      },
    );
    return parseLoginResponse('verifyEmailOtp', answer.statusCode, answer.json);
  }

  /** Asks LoginRadius whether an access token is still valid, and until when. */
  async validateAccessToken(
    accessToken: string,
    options: CallOptions = {},
  ): Promise<AccessTokenInfo> {
    const token = checkAccessToken('accessToken', accessToken);
    const answer = await this.#call('validateAccessToken', 'GET', {}, options, {
      accessToken: token,
      secrets: [token],
    });
    return parseAccessTokenInfo(answer.statusCode, answer.json);
  }

  /** Ends an access token at LoginRadius (used at logout). */
  async invalidateAccessToken(
    accessToken: string,
    options: InvalidateAccessTokenOptions = {},
  ): Promise<SendResult> {
    const token = checkAccessToken('accessToken', accessToken);
    const query = { preventrefresh: options.preventRefresh ? 'true' : undefined };
    const answer = await this.#call('invalidateAccessToken', 'GET', query, options, {
      accessToken: token,
      secrets: [token],
    });
    return expectPosted('invalidateAccessToken', answer);
  }

  /** Reads the Profile of the user an access token belongs to. */
  async getProfile(accessToken: string, options: GetProfileOptions = {}): Promise<Profile> {
    const token = checkAccessToken('accessToken', accessToken);
    const query = { fields: fieldsParam(options.fields) };
    const answer = await this.#call('getProfile', 'GET', query, options, {
      accessToken: token,
      secrets: [token],
    });
    const json = answer.json;
    if (!isObject(json) || typeof json.Uid !== 'string' || json.Uid === '') {
      throw new LoginRadiusBadResponseError(
        'getProfile',
        'unexpected_shape',
        answer.statusCode,
        'expected a Profile with a Uid',
      );
    }
    return json as Profile;
  }

  /** Closes the client's own connection pool (not a dispatcher you passed in). */
  async close(): Promise<void> {
    await this.#transport.close();
  }

  /** Never shows the API key, whatever logs or inspects the client. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, timeout: this.timeout };
  }

  #call(
    operation: LoginRadiusOperation,
    method: Call['method'],
    query: Record<string, string | undefined>,
    options: CallOptions,
    extra: Partial<Pick<Call, 'body' | 'accessToken' | 'secrets' | 'path'>> = {},
  ): Promise<Answer> {
    const { path = PATHS[operation], secrets = [], ...rest } = extra;
    return this.#transport.call({
      operation,
      path,
      method,
      query,
      ...rest,
      originIp: checkOriginIp(options.originIp),
      secrets,
      signal: checkSignal(options.signal),
    });
  }
}
