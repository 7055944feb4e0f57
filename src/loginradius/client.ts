import { Agent, request, type Dispatcher } from 'undici';
import { CircuitBreaker } from './circuit-breaker';
import { Deadline } from './deadline';
import {
  CircuitOpenError,
  InvalidInputError,
  LoginRadiusBadResponseError,
  LoginRadiusError,
  LoginRadiusRateLimitError,
  LoginRadiusTimeoutError,
  LoginRadiusUnavailableError,
  PasswordlessError,
  redact,
} from './errors';
import { parseAccessTokenInfo, parseLoginResponse, parseRetryAfter } from './responses';
import type {
  AccessTokenInfo,
  EmailLinkRecipient,
  GetProfileOptions,
  InvalidateAccessTokenOptions,
  LoginRadiusClientOptions,
  LoginRadiusOperation,
  LoginResult,
  Profile,
  SendEmailLinkOptions,
  SendPhoneOtpOptions,
  SendResult,
  UpstreamCallInfo,
  VerifyEmailTokenOptions,
  VerifyPhoneOtpOptions,
} from './types';
import {
  checkAbsoluteUrl,
  checkFields,
  checkTemplate,
  checkToken,
  normalizeEmail,
  normalizeOtp,
  normalizePhone,
  normalizeUsername,
} from './validation';

/** LoginRadius's API, the client's default `baseUrl`. */
export const DEFAULT_BASE_URL = 'https://api.loginradius.com';
/** The client's default `timeout`: 10 s per call. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** LoginRadius answers are small (a Profile is ~10 KB); anything past this is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

const PATHS = {
  sendEmailLink: '/identity/v2/auth/login/passwordlesslogin/email',
  verifyEmailToken: '/identity/v2/auth/login/passwordlesslogin/email/verify',
  sendPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp',
  verifyPhoneOtp: '/identity/v2/auth/login/passwordlesslogin/otp/verify',
  validateAccessToken: '/identity/v2/auth/access_token/validate',
  invalidateAccessToken: '/identity/v2/auth/access_token/invalidate',
  getProfile: '/identity/v2/auth/account',
} as const satisfies Record<LoginRadiusOperation, string>;

interface Call {
  operation: LoginRadiusOperation;
  method: 'GET' | 'PUT';
  query: Record<string, string | undefined>;
  body?: Record<string, string>;
  accessToken?: string;
  /** Values that must never appear in an error or a log line. */
  secrets: (string | undefined)[];
  signal: AbortSignal | undefined;
}

interface Answer {
  statusCode: number;
  json: unknown;
}

/**
 * A typed client for LoginRadius's passwordless login API, on undici.
 *
 * One method per LoginRadius call. Each call has one deadline (`timeout`) that
 * covers connect, headers and body; none is ever retried, because a repeated send
 * costs an email or SMS and a repeated verify fails on the spent token. Input is
 * validated before any request; every failure is a typed {@link PasswordlessError}.
 */
export class LoginRadiusClient {
  readonly baseUrl: string;
  readonly timeout: number;
  readonly #apiKey: string;
  readonly #encodedApiKey: string;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #onCall: ((info: UpstreamCallInfo) => void) | undefined;

  constructor(options: LoginRadiusClientOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('LoginRadiusClient: pass an options object, { apiKey, baseUrl? }');
    }
    const { apiKey, baseUrl = DEFAULT_BASE_URL, timeout = DEFAULT_TIMEOUT_MS } = options;
    if (typeof apiKey !== 'string' || apiKey.trim() === '') {
      throw new TypeError(
        'LoginRadiusClient: `apiKey` is required (your LoginRadius site API key, or the ' +
          "emulator's key for development)",
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new TypeError(
        `LoginRadiusClient: \`baseUrl\` must be an absolute URL, got "${baseUrl}"`,
      );
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new TypeError('LoginRadiusClient: `baseUrl` must be an http or https URL');
    }
    if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 120_000) {
      throw new TypeError('LoginRadiusClient: `timeout` must be between 1 and 120000 ms');
    }
    this.baseUrl = parsed.href.replace(/\/+$/, '');
    this.timeout = timeout;
    this.#apiKey = apiKey.trim();
    this.#encodedApiKey = encodeURIComponent(this.#apiKey);
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher =
      options.dispatcher ??
      new Agent({ connect: { timeout }, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000 });
    this.#onCall = options.onCall;
    const breaker = options.breaker === undefined ? {} : options.breaker;
    if (breaker !== false) {
      const threshold = breaker.threshold ?? 5;
      const cooldownMs = breaker.cooldownMs ?? 30_000;
      if (!Number.isInteger(threshold) || threshold < 1) {
        throw new TypeError('LoginRadiusClient: `breaker.threshold` must be a positive integer');
      }
      if (!Number.isFinite(cooldownMs) || cooldownMs < 0) {
        throw new TypeError('LoginRadiusClient: `breaker.cooldownMs` must be a number of ms >= 0');
      }
      this.#breaker = new CircuitBreaker({
        threshold,
        cooldownMs,
        now: (breaker as { now?: () => number }).now ?? Date.now,
      });
    }
  }

  /** The circuit breaker's state: `closed`, `open`, `half-open`, or `disabled`. */
  get breakerState(): string {
    return this.#breaker?.state ?? 'disabled';
  }

  /** Sends a passwordless login link by email, to an email address or a username. */
  async sendEmailLink(
    recipient: EmailLinkRecipient,
    options: SendEmailLinkOptions = {},
  ): Promise<SendResult> {
    const query: Record<string, string | undefined> = {};
    if (recipient && typeof recipient === 'object' && 'email' in recipient) {
      query.email = normalizeEmail(recipient.email);
    } else if (recipient && typeof recipient === 'object' && 'username' in recipient) {
      query.username = normalizeUsername(recipient.username);
    } else {
      throw new InvalidInputError('recipient', 'pass { email } or { username }');
    }
    if (options.passwordlessLoginTemplate !== undefined) {
      query.passwordlesslogintemplate = checkTemplate(
        'passwordlessLoginTemplate',
        options.passwordlessLoginTemplate,
      );
    }
    if (options.verificationUrl !== undefined) {
      query.verificationurl = checkAbsoluteUrl('verificationUrl', options.verificationUrl);
    }
    const answer = await this.#call({
      operation: 'sendEmailLink',
      method: 'GET',
      query,
      secrets: [],
      signal: options.signal,
    });
    return expectPosted('sendEmailLink', answer);
  }

  /** Sends a one-time code by SMS to the verified phone of an account. */
  async sendPhoneOtp(
    recipient: { phone: string },
    options: SendPhoneOtpOptions = {},
  ): Promise<SendResult> {
    const query: Record<string, string | undefined> = {
      phone: normalizePhone(recipient?.phone),
    };
    if (options.smsTemplate !== undefined) {
      query.smstemplate = checkTemplate('smsTemplate', options.smsTemplate);
    }
    if (options.isVoiceOtp) query.isvoiceotp = 'true';
    const answer = await this.#call({
      operation: 'sendPhoneOtp',
      method: 'GET',
      query,
      secrets: [],
      signal: options.signal,
    });
    const json = answer.json as Record<string, unknown>;
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
    const answer = await this.#call({
      operation: 'verifyEmailToken',
      method: 'GET',
      query,
      secrets: [verificationToken],
      signal: options.signal,
    });
    return parseLoginResponse('verifyEmailToken', answer.statusCode, answer.json);
  }

  /** Spends a one-time code sent to `phone`; resolves to who signed in. */
  async verifyPhoneOtp(
    input: { phone: string; otp: string },
    options: VerifyPhoneOtpOptions = {},
  ): Promise<LoginResult> {
    const phone = normalizePhone(input?.phone);
    const otp = normalizeOtp(input?.otp);
    const query: Record<string, string | undefined> = { fields: fieldsParam(options.fields) };
    if (options.smsTemplate !== undefined) {
      query.smstemplate = checkTemplate('smsTemplate', options.smsTemplate);
    }
    if (options.isVoiceOtp) query.isvoiceotp = 'true';
    const answer = await this.#call({
      operation: 'verifyPhoneOtp',
      method: 'PUT',
      query,
      body: { phone, otp },
      secrets: [otp],
      signal: options.signal,
    });
    return parseLoginResponse('verifyPhoneOtp', answer.statusCode, answer.json);
  }

  /** Asks LoginRadius whether an access token is still valid, and until when. */
  async validateAccessToken(
    accessToken: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<AccessTokenInfo> {
    const token = checkToken('accessToken', accessToken);
    const answer = await this.#call({
      operation: 'validateAccessToken',
      method: 'GET',
      query: {},
      accessToken: token,
      secrets: [token],
      signal: options.signal,
    });
    return parseAccessTokenInfo(answer.statusCode, answer.json);
  }

  /** Ends an access token at LoginRadius (used at logout). */
  async invalidateAccessToken(
    accessToken: string,
    options: InvalidateAccessTokenOptions = {},
  ): Promise<SendResult> {
    const token = checkToken('accessToken', accessToken);
    const answer = await this.#call({
      operation: 'invalidateAccessToken',
      method: 'GET',
      query: { preventrefresh: options.preventRefresh ? 'true' : undefined },
      accessToken: token,
      secrets: [token],
      signal: options.signal,
    });
    return expectPosted('invalidateAccessToken', answer);
  }

  /** Reads the Profile of the user an access token belongs to. */
  async getProfile(accessToken: string, options: GetProfileOptions = {}): Promise<Profile> {
    const token = checkToken('accessToken', accessToken);
    const answer = await this.#call({
      operation: 'getProfile',
      method: 'GET',
      query: { fields: fieldsParam(options.fields) },
      accessToken: token,
      secrets: [token],
      signal: options.signal,
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
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** Never shows the API key, whatever logs or inspects the client. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, timeout: this.timeout };
  }

  async #call(call: Call): Promise<Answer> {
    const wait = this.#breaker?.tryAcquire();
    if (wait !== undefined) throw new CircuitOpenError(call.operation, wait);
    const started = performance.now();
    const url = this.#url(call);
    const secrets = [this.#apiKey, ...call.secrets];
    let statusCode: number | undefined;
    try {
      const answer = await this.#send(call, url, secrets);
      statusCode = answer.statusCode;
      const json = answer.json;
      if (isObject(json) && json.ErrorCode) {
        throw new LoginRadiusError({
          errorCode: Number(json.ErrorCode),
          upstreamMessage: redact(String(json.Message ?? ''), secrets).slice(0, 300),
          description: redact(String(json.Description ?? ''), secrets).slice(0, 500),
          statusCode: answer.statusCode,
          operation: call.operation,
        });
      }
      if (answer.statusCode < 200 || answer.statusCode >= 300) {
        throw new LoginRadiusBadResponseError(
          call.operation,
          'unexpected_status',
          answer.statusCode,
          'a non-2xx status without a LoginRadius ErrorCode',
        );
      }
      this.#breaker?.recordSuccess();
      this.#report(call, url, started, statusCode);
      return answer;
    } catch (error) {
      const failure = this.#classify(error, call);
      if (call.signal?.aborted) this.#breaker?.release();
      else if (countsAgainstUpstream(failure)) this.#breaker?.recordFailure();
      else this.#breaker?.recordSuccess();
      this.#report(call, url, started, statusCode ?? statusOf(failure), failure);
      throw failure;
    }
  }

  async #send(call: Call, url: string, secrets: (string | undefined)[]): Promise<Answer> {
    const deadline = new Deadline(this.timeout);
    const signal = call.signal ? combinedSignal(deadline, call.signal) : deadline;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.accessToken) headers.authorization = `Bearer ${call.accessToken}`;
    let body: string | undefined;
    if (call.body) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await request(url, {
        method: call.method,
        headers,
        body,
        signal,
        dispatcher: this.#dispatcher,
        headersTimeout: this.timeout,
        bodyTimeout: this.timeout,
      });
      const { statusCode } = response;
      if (statusCode === 429) {
        response.body.resume();
        throw new LoginRadiusRateLimitError(
          call.operation,
          parseRetryAfter(response.headers['retry-after']),
        );
      }
      const text = await readLimited(response.body, call.operation, statusCode);
      if (statusCode >= 500) {
        throw new LoginRadiusUnavailableError(
          call.operation,
          `LoginRadius answered HTTP ${statusCode}`,
          statusCode,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new LoginRadiusBadResponseError(
          call.operation,
          'not_json',
          statusCode,
          'the body is not JSON',
        );
      }
      return { statusCode, json };
    } catch (error) {
      if (deadline.aborted && !(error instanceof PasswordlessError)) {
        throw new LoginRadiusTimeoutError(call.operation, this.timeout);
      }
      if (error instanceof PasswordlessError) throw error;
      throw this.#networkError(call, error, secrets);
    } finally {
      deadline.clear();
    }
  }

  #networkError(call: Call, error: unknown, secrets: (string | undefined)[]): PasswordlessError {
    const code = (error as { code?: unknown })?.code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new LoginRadiusTimeoutError(call.operation, this.timeout);
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new LoginRadiusTimeoutError(call.operation, this.timeout);
    }
    if (call.signal?.aborted) {
      return new LoginRadiusUnavailableError(call.operation, 'the call was aborted by the caller');
    }
    const detail = redact(
      `${typeof code === 'string' ? code : 'network error'}: ${(error as Error)?.message ?? error}`,
      secrets,
    );
    const cause = new Error(detail);
    cause.name = (error as Error)?.name ?? 'Error';
    return new LoginRadiusUnavailableError(call.operation, detail, undefined, cause);
  }

  #classify(error: unknown, call: Call): PasswordlessError {
    if (error instanceof PasswordlessError) return error;
    return new LoginRadiusUnavailableError(
      call.operation,
      redact(String((error as Error)?.message ?? error), [this.#apiKey, ...call.secrets]),
    );
  }

  #url(call: Call): string {
    // A string, not a URL: each searchParams.set() re-serializes the whole query.
    let url = `${this.baseUrl}${PATHS[call.operation]}?apikey=${this.#encodedApiKey}`;
    for (const key in call.query) {
      const value = call.query[key];
      if (value !== undefined && value !== '') url += `&${key}=${encodeURIComponent(value)}`;
    }
    return url;
  }

  #report(
    call: Call,
    url: string,
    started: number,
    statusCode: number | undefined,
    failure?: PasswordlessError,
  ): void {
    if (!this.#onCall) return;
    const info: UpstreamCallInfo = {
      operation: call.operation,
      method: call.method,
      url: redactedUrl(url),
      durationMs: Math.round(performance.now() - started),
    };
    if (statusCode !== undefined) info.statusCode = statusCode;
    if (failure) info.errorCode = failure.code;
    if (failure instanceof LoginRadiusError) info.loginRadiusErrorCode = failure.errorCode;
    try {
      this.#onCall(info);
    } catch {
      // A throwing log hook must not turn a login into a failure.
    }
  }
}

/** Query parameters whose values are secret or personal; they never reach a log line. */
const REDACTED_PARAMS = new Set(['apikey', 'verificationtoken', 'access_token', 'otp']);

function redactedUrl(url: string): string {
  const copy = new URL(url);
  for (const key of [...copy.searchParams.keys()]) {
    if (REDACTED_PARAMS.has(key.toLowerCase())) copy.searchParams.set(key, '[redacted]');
  }
  return copy.href.replace(/%5Bredacted%5D/g, '[redacted]');
}

function fieldsParam(fields: readonly string[] | undefined): string | undefined {
  if (fields === undefined) return undefined;
  const list = checkFields(fields);
  if (list.length === 0) return undefined;
  // The strategy keys users on Uid, so a projection always includes it.
  if (!list.some((field) => field.toLowerCase() === 'uid')) list.unshift('Uid');
  return list.join(',');
}

function expectPosted(operation: string, answer: Answer): SendResult {
  const json = answer.json;
  if (!isObject(json) || json.IsPosted !== true) {
    throw new LoginRadiusBadResponseError(
      operation,
      'unexpected_shape',
      answer.statusCode,
      'expected {"IsPosted": true}',
    );
  }
  return { sent: true, raw: json };
}

function readLimited(
  body: Dispatcher.ResponseData['body'],
  operation: string,
  statusCode: number,
): Promise<string> {
  // 'data' events, not `for await`: the async iterator costs a promise per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        body.destroy();
        reject(
          new LoginRadiusBadResponseError(
            operation,
            'too_large',
            statusCode,
            `the body is larger than ${MAX_RESPONSE_BYTES} bytes`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    body.on('error', reject);
  });
}

/** Failures that say the upstream is unhealthy, as opposed to a clear answer. */
function countsAgainstUpstream(error: PasswordlessError): boolean {
  if (error.code === 'LR_TIMEOUT' || error.code === 'LR_RATE_LIMITED') return true;
  if (error.code === 'LR_UNAVAILABLE') return true;
  if (error instanceof LoginRadiusBadResponseError) {
    return error.reason !== 'second_factor_required' && error.reason !== 'missing_access_token';
  }
  return false;
}

function statusOf(error: PasswordlessError): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The deadline or the caller's signal, whichever fires first. */
function combinedSignal(deadline: Deadline, signal: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  deadline.once('abort', abort);
  return controller.signal;
}
