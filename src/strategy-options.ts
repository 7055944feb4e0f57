import type { Request } from 'express';
import type { CodeCap } from './code-counters';
import { SetupError } from './errors';
import { memoryStores, type StoreFactory } from './limits';
import type { VerifyFailedError } from './errors';
import type { FailureReason } from './loginradius/error-reasons';
import type { LoginRadiusClient } from './loginradius/client';
import type { LoginResult } from './loginradius/types';
import { checkFields } from './loginradius/validation';
import {
  booleanOption,
  checkOptionNames,
  functionOption,
  numberOption,
  optionsError,
  requireOptions,
  stringOption,
  type OptionNames,
} from './option-checks';

/** The name `PasswordlessStrategy` registers under unless told otherwise. */
export const DEFAULT_STRATEGY_NAME = 'loginradius-passwordless';

/** Options of {@link PasswordlessStrategy}. */
export interface PasswordlessStrategyOptions {
  /** The LoginRadius client to verify with. Required. */
  client: LoginRadiusClient;
  /** The name to register under with `passport.use`. Default: `'loginradius-passwordless'`. */
  name?: string;
  /** Pass the request as the verify callback's first argument. Default: `false`. */
  passReqToCallback?: boolean;
  /** Profile keys to ask LoginRadius for (`Uid` is always added). Default: the whole Profile. */
  fields?: string[];
  /** Welcome email template LoginRadius sends on a first login. Default: none. */
  welcomeEmailTemplate?: string;
  /** SMS template passed to the code verify. Default: none. */
  smsTemplate?: string;
  /**
   * Wrong codes allowed per pending sign-in; after that even the right code is
   * refused until a new code is sent. Default: `5`.
   */
  maxOtpAttempts?: number;
  /**
   * Wrong codes allowed per phone (or email address or username, for emailed
   * codes) from one client IP within `otpFailureWindowMs`, across all sessions,
   * so fresh cookies do not reset the count. Default: `10`.
   */
  maxOtpFailuresPerPhoneAndIp?: number;
  /** The window of `maxOtpFailuresPerPhoneAndIp`, in ms. Default: `3600000` (1 hour). */
  otpFailureWindowMs?: number;
  /**
   * Wrong codes allowed per phone (or email address or username) from all IPs
   * together within `otpLockoutWindowMs`; then codes for it are refused until
   * the window ends (NIST SP 800-63B's ceiling). Default: `100`.
   */
  maxOtpFailuresPerPhone?: number;
  /** The window of `maxOtpFailuresPerPhone`, in ms. Default: `86400000` (1 day). */
  otpLockoutWindowMs?: number;
  /**
   * Where the wrong-code counters and single-use claims live: one express-rate-limit
   * `Store` per purpose, with `get()` (refused at setup without it). Pass
   * rate-limit-redis stores when several instances serve logins. Default:
   * express-rate-limit's MemoryStore.
   */
  stores?: StoreFactory;
  /**
   * Send the person's IP (`req.ip`) to LoginRadius as `X-Origin-IP` on every
   * verify. The verify router passes its own `forwardClientIp`. Default: `true`.
   */
  forwardClientIp?: boolean;
}

/** The callback a done-style verify calls: `done(error)`, `done(null, user)` or `done(null, false)`. */
export type VerifyDone = (error: unknown, user?: unknown, info?: unknown) => void;
/**
 * Turns a login into your user: call `done(null, user)`, or return a promise of
 * the user (`async (login) => user`). No user (`false`) refuses the login.
 */
export type VerifyFunction = (login: LoginResult, done: VerifyDone) => unknown;
/** As {@link VerifyFunction}, with the request first (`passReqToCallback: true`). */
export type VerifyFunctionWithRequest = (
  req: Request,
  login: LoginResult,
  done: VerifyDone,
) => unknown;

/** Why a sign-in was refused, as `fail(info)` and `login_failed` events report it. */
export type PasswordlessFailureReason =
  FailureReason | 'missing_credentials' | 'malformed' | 'busy' | 'other_account';

/** What a failed authentication reports through `fail(info)`. */
export interface PasswordlessFailure {
  reason: PasswordlessFailureReason;
  /** The uniform message to show a person (English; the routers translate it). */
  message: string;
  /** The precise error, for the developer (safe to log). */
  error: VerifyFailedError;
  /** The wrong-code cap this very attempt filled, when it filled one (the app may alert on it). */
  locked?: CodeCap;
}

/** Which credential a route accepts; the strategy on its own takes whichever comes. */
export type CredentialKind = 'link' | 'sms' | 'email';

/** What the verify router tells the strategy per request (passport passes it to `authenticate`). */
export interface AuthenticateOptions {
  /**
   * Only this kind of credential: a link token on the link route, a code on a
   * code route. Default: whichever the request carries.
   */
  credential?: CredentialKind;
  /** Forward the client's IP to LoginRadius (the router's `forwardClientIp`). Default: the strategy's own `forwardClientIp`. */
  forwardClientIp?: boolean;
  /**
   * The account a link must sign in: the email address or username the link was
   * sent to (the verify router passes the pending flow's, or the cross-device
   * record's). A link that LoginRadius says belongs to another account is
   * refused with reason `other_account`, so a flow reference cannot lend a
   * stolen link the standing of this browser's own. Default: any account.
   */
  recipient?: { email: string } | { username: string };
}

/**
 * What {@link PasswordlessStrategy} inherits from passport-strategy's `Strategy`,
 * declared here so that the published types need no `@types/passport-strategy`.
 * Passport adds these to the strategy for each request it authenticates.
 */
export interface StrategyBase {
  /** The login succeeded with `user`. */
  success(user: unknown, info?: unknown): void;
  /** The login was refused. */
  fail(challenge?: unknown, status?: number): void;
  /** Send the browser to `url`. */
  redirect(url: string, status?: number): void;
  /** Let the next strategy try. */
  pass(): void;
  /** Something broke; Express's error handling takes over. */
  error(error: Error): void;
}
/** The strategy's options, checked and filled in. */
export interface StrategyConfig {
  readonly client: LoginRadiusClient;
  readonly name: string;
  readonly passReqToCallback: boolean;
  readonly fields: string[] | undefined;
  readonly welcomeEmailTemplate: string | undefined;
  readonly smsTemplate: string | undefined;
  readonly maxPerFlow: number;
  readonly maxPerIdentifierAndIp: number;
  readonly perIdentifierAndIpWindowMs: number;
  readonly maxPerIdentifier: number;
  readonly perIdentifierWindowMs: number;
  readonly stores: StoreFactory;
  readonly forwardClientIp: boolean;
}

const OWNER = 'PasswordlessStrategy';

/** The strategy's option names. */
export const STRATEGY_NAMES: OptionNames = {
  top: [
    'client',
    'name',
    'passReqToCallback',
    'fields',
    'welcomeEmailTemplate',
    'smsTemplate',
    'maxOtpAttempts',
    'maxOtpFailuresPerPhoneAndIp',
    'otpFailureWindowMs',
    'maxOtpFailuresPerPhone',
    'otpLockoutWindowMs',
    'stores',
    'forwardClientIp',
  ],
};

export function parseStrategyOptions(
  input: PasswordlessStrategyOptions,
  verify: unknown,
): StrategyConfig {
  if (typeof verify !== 'function') {
    throw new SetupError(
      'ERR_PASSWORDLESS_OPTIONS',
      'PasswordlessStrategy requires a verify callback: new PasswordlessStrategy(options, verify)',
    );
  }
  const options = requireOptions(OWNER, input, '{ client }') as PasswordlessStrategyOptions;
  checkOptionNames(OWNER, options, STRATEGY_NAMES);
  const client = options.client as unknown as Record<string, unknown> | undefined;
  if (
    !client ||
    typeof client.verifyEmailToken !== 'function' ||
    typeof client.verifyPhoneOtp !== 'function'
  ) {
    throw optionsError(OWNER, 'requires `client`: a LoginRadiusClient');
  }
  let fields: string[] | undefined;
  try {
    fields = options.fields === undefined ? undefined : checkFields(options.fields);
  } catch {
    throw optionsError(OWNER, '`fields` must be an array of Profile key names such as "Email"');
  }
  const count = { min: 1, max: 1_000_000, integer: true };
  const window = { min: 1000, max: 7 * 86_400_000 };
  return {
    client: options.client,
    name: stringOption(OWNER, 'name', options.name) ?? DEFAULT_STRATEGY_NAME,
    passReqToCallback: booleanOption(OWNER, 'passReqToCallback', options.passReqToCallback, false),
    fields,
    welcomeEmailTemplate: stringOption(OWNER, 'welcomeEmailTemplate', options.welcomeEmailTemplate),
    smsTemplate: stringOption(OWNER, 'smsTemplate', options.smsTemplate),
    maxPerFlow: numberOption(OWNER, 'maxOtpAttempts', options.maxOtpAttempts, 5, count),
    maxPerIdentifierAndIp: numberOption(
      OWNER,
      'maxOtpFailuresPerPhoneAndIp',
      options.maxOtpFailuresPerPhoneAndIp,
      10,
      count,
    ),
    perIdentifierAndIpWindowMs: numberOption(
      OWNER,
      'otpFailureWindowMs',
      options.otpFailureWindowMs,
      3_600_000,
      window,
    ),
    maxPerIdentifier: numberOption(
      OWNER,
      'maxOtpFailuresPerPhone',
      options.maxOtpFailuresPerPhone,
      100,
      count,
    ),
    perIdentifierWindowMs: numberOption(
      OWNER,
      'otpLockoutWindowMs',
      options.otpLockoutWindowMs,
      86_400_000,
      window,
    ),
    stores: functionOption<StoreFactory>(OWNER, 'stores', options.stores) ?? memoryStores,
    forwardClientIp: booleanOption(OWNER, 'forwardClientIp', options.forwardClientIp, true),
  };
}
