/**
 * Public types of the LoginRadius emulator. Every option states its default;
 * passing `undefined` means the same as leaving the option out.
 */
import type { Profile } from '../loginradius/profile';
import type { Outbox } from './outbox';

export type { Profile };

/** The LoginRadius operations the emulator serves, named like the client's methods. */
export type EmulatorEndpoint =
  | 'sendEmailLink'
  | 'verifyEmailToken'
  /** Both `…/email/verifyotp` and `…/username/verifyotp` (the emailed code). */
  | 'verifyEmailOtp'
  | 'sendPhoneOtp'
  | 'verifyPhoneOtp'
  | 'validateAccessToken'
  | 'invalidateAccessToken'
  | 'getProfile';

/** What access tokens look like: LoginRadius's default GUIDs, or signed JWTs (a per-site setting). */
export type AccessTokenFormat = 'guid' | 'jwt';

/** What the passwordless email holds: a magic link, a one-time code, or both (a per-template site setting). */
export type EmailTokenMode = 'link' | 'otp' | 'both';

/** How many requests each operation received (failed and faulted ones included). */
export type EmulatorCalls = Record<EmulatorEndpoint, number> & {
  /** The sum of all the operations above. */
  total: number;
};

/**
 * One LoginRadius API request the emulator received, as `Emulator.requests` and
 * `GET /emulator/requests` list it: what reached "LoginRadius", and from whom.
 */
export interface EmulatorRequestRecord {
  /** The operation it asked for. */
  endpoint: EmulatorEndpoint;
  /** Its HTTP method. */
  method: string;
  /**
   * The `X-Origin-IP` header: the end user's IP as the app passed it on (LoginRadius
   * reads it from there). Absent when the request had none.
   */
  originIp?: string;
  /** Whether it carried a non-empty `g-recaptcha-response` (query or JSON body). */
  captcha: boolean;
  /** When it arrived, per the emulator's clock (ISO 8601). */
  at: string;
}

/** An account to seed, or to add with `addAccount` / `POST /emulator/accounts`. */
export interface EmulatorAccountInput {
  /** The primary email; unique (case-insensitively) across accounts. Required. */
  email: string;
  /** The username for "link by username"; unique (case-insensitively). Default: none. */
  username?: string;
  /** The phone number in E.164 (`+14155550101`); unique. Default: none. */
  phone?: string;
  /** Whether the phone is verified (an OTP is only sent to a verified phone). Default: `true` when `phone` is given. */
  phoneVerified?: boolean;
  /** A blocked account is refused with ErrorCode 991. Default: `false`. */
  blocked?: boolean;
  /**
   * A locked account (as after too many wrong codes, see `lockAfterWrongCodes`): every
   * send and verify for it answers ErrorCode 1198. Default: `false`.
   */
  locked?: boolean;
  /**
   * Two-factor login is on for the account: every verify spends the link or code and
   * then answers LoginRadius's two-factor challenge (HTTP 200, no Profile, an
   * all-zero access token) instead of logging in. Default: `false`.
   */
  twoFactor?: boolean;
  /** Profile keys laid over the generated Profile (shallow merge). Default: none. */
  profile?: Partial<Profile>;
}

/** An account as the emulator holds it. */
export interface EmulatorAccount {
  /** LoginRadius's user id: 32 random hex characters. */
  uid: string;
  email: string;
  username?: string;
  /** The phone in E.164, when the account has one. */
  phone?: string;
  phoneVerified: boolean;
  blocked: boolean;
  /** Locked by wrong codes or by hand: every send and verify answers 1198. */
  locked: boolean;
  /** Every login answers a two-factor challenge instead of logging in. */
  twoFactor: boolean;
  /** The full Profile the verify calls and `GET /identity/v2/auth/account` answer with. */
  profile: Profile;
}

/** A message the emulator "sent": an email with a login link, an SMS code or a welcome email. */
export interface OutboxMessage {
  /** `'voice'` for a code asked for with `isvoiceotp=true` (LoginRadius calls the number and reads it). */
  channel: 'email' | 'sms' | 'voice';
  /** The email address (as stored on the account) or the E.164 phone. */
  to: string;
  /** The login link (`kind: 'passwordless_link'` only). */
  link?: string;
  /** The verification token inside `link` (`kind: 'passwordless_link'` only). */
  token?: string;
  /**
   * The one-time code: of every `kind: 'passwordless_otp'` message (SMS, voice, or an
   * email holding only a code), and of a link email when the site sends both.
   */
  otp?: string;
  /** The template name the request asked for, when it named one. */
  template?: string;
  kind: 'passwordless_link' | 'passwordless_otp' | 'welcome';
  /**
   * Phone codes only: whether the code was asked for as a voice call. Kept beside
   * `channel: 'voice'` so readers written before that channel existed still work.
   */
  voice?: boolean;
  /** When it was sent, per the emulator's clock (ISO 8601). */
  sentAt: string;
}

/** The ways a request can be made to fail; see {@link EmulatorFault}. */
export type EmulatorFaultType =
  'latency' | 'hang' | 'status' | 'rate_limit' | 'malformed_json' | 'reset' | 'second_factor';

/**
 * A fault to inject. Faults are consumed in the order they were injected; the
 * first one whose `endpoint` matches a request applies to it. Every fault but
 * `latency` answers instead of the real handler, so it spends no token or code.
 */
export interface EmulatorFault {
  /** Which operation it hits; `'*'` hits every operation. Default: `'*'`. */
  endpoint?: EmulatorEndpoint | '*';
  /**
   * - `latency`: wait `ms`, then answer normally.
   * - `hang`: never answer (until the client gives up or the emulator closes).
   * - `status`: answer `status` with a body that is not a LoginRadius error (JSON for 500, HTML for 502/503/504).
   * - `rate_limit`: 429 with `Retry-After: retryAfter` and a short text body.
   * - `malformed_json`: 200, `Content-Type: application/json`, truncated JSON.
   * - `reset`: send the status line, headers and part of the body, then reset the connection.
   * - `second_factor`: verify operations answer LoginRadius's two-factor challenge (HTTP 200,
   *   `SecondFactorAuthentication`, `Profile: null`, an all-zero `access_token`, a year-1
   *   `expires_in`) and spend nothing; other operations are not affected and do not consume it.
   */
  type: EmulatorFaultType;
  /** How many requests it applies to. Default: `Infinity` (until `clearFaults()`). */
  times?: number;
  /** Delay in milliseconds for `latency`. Required for `latency`. */
  ms?: number;
  /** HTTP status for `status` (400-599). Default: 500. */
  status?: number;
  /** `Retry-After` seconds for `rate_limit` (and `status`, when given). Default: 1 for `rate_limit`. */
  retryAfter?: number;
}

/** The per-site "request limit" and "request disable period" for sends. */
export interface EmulatorSendLimits {
  /** Sends allowed per account per channel within `windowSeconds`. Default: 10. */
  maxRequests?: number;
  /** The window the sends are counted in, in seconds. Default: 60. */
  windowSeconds?: number;
  /** How long sends stay refused once the limit is passed, in seconds. Default: 300. */
  disableSeconds?: number;
}

/** A certificate and key (PEM) to serve HTTPS with. */
export interface EmulatorTlsOptions {
  /** The private key, PEM. Required. */
  key: string | Buffer;
  /** The certificate, PEM. Required. */
  cert: string | Buffer;
}

/** Options of `startEmulator`; all optional. */
export interface EmulatorOptions {
  /** TCP port to listen on; 0 picks a free one. Default: 0. */
  port?: number;
  /** Interface to listen on. The emulator listens on nothing else. Default: `'127.0.0.1'`. */
  host?: string;
  /** The site's API key that every LoginRadius call must carry. Default: {@link DEFAULT_EMULATOR_API_KEY}. */
  apiKey?: string;
  /** Accounts to seed. Default: {@link DEMO_ACCOUNTS}. Pass `[]` for none. */
  accounts?: readonly EmulatorAccountInput[];
  /** The time source (ms since the epoch) for every expiry, limit and timestamp. Default: `Date.now`. */
  clock?: () => number;
  /** Lifetime of an email link token, in seconds. Default: 259200 (72 hours, LoginRadius's default). */
  linkTokenTtlSeconds?: number;
  /** Lifetime of a one-time code (SMS, voice or email), in seconds. Default: 300. */
  otpTtlSeconds?: number;
  /** Digits in a one-time code (SMS, voice or email), 4-10. Default: 6. */
  otpLength?: number;
  /**
   * What the passwordless email holds: `'link'` (a magic link, `kind: 'passwordless_link'`),
   * `'otp'` (a one-time code to verify with …/email/verifyotp or …/username/verifyotp,
   * `kind: 'passwordless_otp'`) or `'both'` (a link email that also carries `otp`).
   * Default: `'link'`.
   */
  emailToken?: EmailTokenMode;
  /**
   * `emailToken` per `passwordlesslogintemplate` name (matched exactly), for sites whose
   * templates differ. A send naming no template, or one not listed, uses `emailToken`.
   * Default: `{}`.
   */
  emailTokenByTemplate?: Readonly<Record<string, EmailTokenMode>>;
  /** Lifetime of an access token, in seconds. Default: 900 (15 minutes, LoginRadius's default). */
  accessTokenTtlSeconds?: number;
  /**
   * `'jwt'` issues access and refresh tokens as HS256-signed JWTs (about 650 and 760
   * characters, like LoginRadius's JWT sites) instead of GUIDs; every access-token
   * call takes them the same way. Default: `'guid'`.
   */
  accessTokenFormat?: AccessTokenFormat;
  /** The link target when a send has no `verificationurl` (the "site's configured URL"). Default: `'http://localhost:3000/auth/callback'`. */
  defaultVerificationUrl?: string;
  /**
   * The site's allowed domains: hostnames (`'app.example'`, matched exactly, ignoring case)
   * a login link may point at. A link send whose `verificationurl`, or the default one,
   * has another host answers ErrorCode 1249. Default: any host.
   */
  allowedDomains?: readonly string[];
  /** When `false`, every passwordless call answers ErrorCode 1059 (not enabled for the site). Default: `true`. */
  passwordlessEnabled?: boolean;
  /**
   * Whether the site has voice OTP configured. When `false`, `isvoiceotp=true` on the
   * phone send or verify answers ErrorCode 1281. Default: `true`.
   */
  voiceOtp?: boolean;
  /**
   * LoginRadius's Bot Protection on the sends: the email send and the SMS/voice send
   * need a non-empty `g-recaptcha-response` (query, or the JSON body of the POST send)
   * and answer ErrorCode 982 without one. Any non-empty value passes: the emulator
   * cannot ask Google whether the answer is genuine. Default: `false`.
   */
  botProtection?: boolean;
  /**
   * Brute-force lockout: after this many consecutive wrong codes for one account (SMS,
   * voice and emailed codes together) the account is locked, and every send and verify
   * for it answers ErrorCode 1198 (LoginRadius's "Suspend" lockout) until
   * `lockAccount(…, false)`. A right code sets the count back to zero. Default: none
   * (no lockout).
   */
  lockAfterWrongCodes?: number;
  /**
   * Send limits per account per channel, as a site's "request limit" and "request
   * disable period" set them; past the limit email sends answer 1178 and SMS sends
   * 1179 until the disable period ends. `{}` takes `{ maxRequests: 10,
   * windowSeconds: 60, disableSeconds: 300 }`; `false` turns them off.
   * Default: off (the protocol names no default).
   */
  sendLimits?: EmulatorSendLimits | false;
  /**
   * Phones (E.164) whose code is always the given one, for load tests. A test phone
   * no account has gets a verified account with email `test-<digits>@emulator.test`.
   * Default: `{}`.
   */
  testPhones?: Readonly<Record<string, string>>;
  /**
   * Serve HTTPS: `{ key, cert }` in PEM, or `true` to make a self-signed certificate
   * for 127.0.0.1 and localhost with the `openssl` CLI (exposed as `emulator.ca`).
   * Default: `false` (plain HTTP).
   */
  tls?: boolean | EmulatorTlsOptions;
  /**
   * Names the emulator answers to in the `Host` header besides loopback ones (`localhost`,
   * `*.localhost`, 127.x.y.z, `::1`) and `host`, e.g. `['emulator']` when other containers
   * reach it as `http://emulator:8787`. Requests for any other name are refused with 421,
   * which keeps DNS-rebinding web pages out. Default: none.
   */
  allowedHosts?: readonly string[];
  /** When `true`, nothing is written to stderr (deliveries, internal errors). Default: `false`. */
  quiet?: boolean;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL with no trailing slash, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The API key it accepts. */
  readonly apiKey: string;
  /** Everything sent so far, oldest first (live). */
  readonly outbox: Outbox;
  /** The accounts (live objects, in creation order). */
  readonly accounts: EmulatorAccount[];
  /** A snapshot of the request counters. */
  readonly calls: EmulatorCalls;
  /**
   * The last 1,000 LoginRadius API requests, oldest first, failed, refused and faulted
   * ones included (a frozen snapshot). Also `GET /emulator/requests`; `DELETE` clears it.
   */
  readonly requests: readonly EmulatorRequestRecord[];
  /** The self-signed certificate (PEM) when started with `tls: true`; trust it as a CA. */
  readonly ca?: string;
  /** Sets every counter back to 0. */
  resetCalls(): void;
  /** Forgets every logged request (`requests`). */
  clearRequests(): void;
  /** Queues a fault; see {@link EmulatorFault}. */
  inject(fault: EmulatorFault): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Adds an account; throws when its email, username or phone is taken or malformed. */
  addAccount(input: EmulatorAccountInput): EmulatorAccount;
  /** Blocks (or with `false` unblocks) the account with this email or uid; throws when there is none. */
  blockAccount(emailOrUid: string, blocked?: boolean): EmulatorAccount;
  /**
   * Locks (or with `false` unlocks) the account with this email or uid, as
   * `lockAfterWrongCodes` does, and starts its wrong-code count afresh; throws when
   * there is none.
   */
  lockAccount(emailOrUid: string, locked?: boolean): EmulatorAccount;
  /** Stops listening and closes every connection, idle and hung ones included. */
  close(): Promise<void>;
}
