import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { Strategy as PassportStrategy } from 'passport-strategy';
import type { LoginRadiusClient } from './loginradius/client';
import { reasonForErrorCode, type FailureReason } from './loginradius/error-codes';
import {
  InvalidInputError,
  LoginRadiusBadResponseError,
  LoginRadiusError,
  PasswordlessError,
  VerifyFailedError,
} from './loginradius/errors';
import type { LoginResult } from './loginradius/types';
import { checkToken, normalizeOtp } from './loginradius/validation';
import { Limit, memoryStores, type StoreFactory } from './limits';
import { pendingFlowOf, PENDING_FLOW_KEY } from './session';

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
  /** Welcome email template LoginRadius sends on a first login by link. Default: none. */
  welcomeEmailTemplate?: string;
  /** SMS template passed to the code verify. Default: none. */
  smsTemplate?: string;
  /**
   * Wrong codes allowed per pending phone flow; after that even the right code is
   * refused until a new code is sent. Default: `5`.
   */
  maxOtpAttempts?: number;
  /**
   * Wrong codes allowed per phone number across all sessions within
   * `otpFailureWindowMs`, so fresh cookies do not reset the count. Default: `10`.
   */
  maxOtpFailuresPerPhone?: number;
  /** The window of `maxOtpFailuresPerPhone`, in ms. Default: `3600000` (1 hour). */
  otpFailureWindowMs?: number;
  /**
   * Where the wrong-code counters and single-use claims live: one express-rate-limit
   * `Store` per purpose. Pass rate-limit-redis stores when several instances serve
   * logins. Default: express-rate-limit's MemoryStore.
   */
  stores?: StoreFactory;
}

/** What a failed authentication reports through `fail(info)`. */
export interface PasswordlessFailure {
  reason: FailureReason | 'missing_credentials' | 'malformed';
  /** The uniform message to show a person. */
  message: string;
  /** The precise error, for the developer (safe to log). */
  error: PasswordlessError;
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

/** The name `PasswordlessStrategy` registers under unless told otherwise. */
export const DEFAULT_STRATEGY_NAME = 'loginradius-passwordless';
const UNIFORM_MESSAGE =
  'That sign-in link or code is invalid or has expired. Please request a new one.';
/** Parallel verifies of one token or code race within seconds; ten minutes is ample. */
const CLAIM_WINDOW_MS = 10 * 60_000;
/** Covers the longest pending flow the routers allow. */
const ATTEMPT_WINDOW_MS = 60 * 60_000;

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
const Strategy = PassportStrategy as unknown as new () => StrategyBase;

/**
 * A Passport strategy that signs people in with a LoginRadius passwordless link
 * token (`vtoken`) or a one-time SMS code (`otp`).
 *
 * The code's phone always comes from the pending flow the request router put in
 * the session, never from the request, so a code only works in the browser that
 * asked for it. Wrong codes are counted per flow and per phone; a token or code
 * is claimed before it is spent, so parallel verifies give at most one login.
 */
export class PasswordlessStrategy extends Strategy {
  name: string;
  readonly client: LoginRadiusClient;
  private readonly _verify: VerifyFunction | VerifyFunctionWithRequest;
  private readonly _passReqToCallback: boolean;
  private readonly _fields: string[] | undefined;
  private readonly _welcomeEmailTemplate: string | undefined;
  private readonly _smsTemplate: string | undefined;
  private readonly _maxOtpAttempts: number;
  private readonly _maxOtpFailuresPerPhone: number;
  private readonly _attempts: Limit;
  private readonly _failures: Limit;
  private readonly _claims: Limit;

  constructor(
    options: PasswordlessStrategyOptions & { passReqToCallback?: false },
    verify: VerifyFunction,
  );
  constructor(
    options: PasswordlessStrategyOptions & { passReqToCallback: true },
    verify: VerifyFunctionWithRequest,
  );
  constructor(
    options: PasswordlessStrategyOptions,
    verify: VerifyFunction | VerifyFunctionWithRequest,
  ) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('PasswordlessStrategy requires an options object: { client }');
    }
    if (typeof verify !== 'function') {
      throw new TypeError('PasswordlessStrategy requires a verify callback');
    }
    const client = options.client as unknown as {
      verifyEmailToken?: unknown;
      verifyPhoneOtp?: unknown;
    };
    if (
      !client ||
      typeof client.verifyEmailToken !== 'function' ||
      typeof client.verifyPhoneOtp !== 'function'
    ) {
      throw new TypeError('PasswordlessStrategy requires `client`: a LoginRadiusClient');
    }
    this.name = options.name ?? DEFAULT_STRATEGY_NAME;
    this.client = options.client;
    this._verify = verify;
    this._passReqToCallback = options.passReqToCallback === true;
    this._fields = options.fields;
    this._welcomeEmailTemplate = options.welcomeEmailTemplate;
    this._smsTemplate = options.smsTemplate;
    this._maxOtpAttempts = positiveInteger('maxOtpAttempts', options.maxOtpAttempts, 5);
    this._maxOtpFailuresPerPhone = positiveInteger(
      'maxOtpFailuresPerPhone',
      options.maxOtpFailuresPerPhone,
      10,
    );
    const failureWindow = positiveInteger(
      'otpFailureWindowMs',
      options.otpFailureWindowMs,
      3_600_000,
    );
    const stores = options.stores ?? memoryStores;
    this._attempts = new Limit('otp-attempts', this._maxOtpAttempts, ATTEMPT_WINDOW_MS, stores);
    this._failures = new Limit('otp-failures', this._maxOtpFailuresPerPhone, failureWindow, stores);
    this._claims = new Limit('single-use', 1, CLAIM_WINDOW_MS, stores);
  }

  /** Reads a link token (`vtoken`) or a code (`otp`) from the request and verifies it. */
  authenticate(req: Request): void {
    const token = firstString(req.body?.vtoken, req.body?.verificationToken, req.query?.vtoken);
    const otp = firstString(req.body?.otp);
    const run =
      token !== undefined
        ? this._verifyLink(req, token)
        : otp !== undefined
          ? this._verifyCode(req, otp)
          : undefined;
    if (!run) {
      this._refuse(
        'missing_credentials',
        new VerifyFailedError('missing_credentials', 'no vtoken or otp in the request'),
        400,
      );
      return;
    }
    run.catch((error: unknown) => this.error(error as Error));
  }

  private async _verifyLink(req: Request, rawToken: string): Promise<void> {
    const vtype = firstString(req.body?.vtype, req.query?.vtype);
    if (vtype !== undefined && vtype.toLowerCase() !== 'oneclicksignin') {
      this._refuse(
        'malformed',
        new VerifyFailedError('malformed', 'vtype is not "oneclicksignin"'),
      );
      return;
    }
    let token: string;
    try {
      token = checkToken('vtoken', rawToken);
    } catch (error) {
      this._refuse('malformed', error as InvalidInputError);
      return;
    }
    const claim = digest('link', token);
    if (!(await this._claims.hit(claim)).allowed) {
      this._refuse(
        'used',
        new VerifyFailedError('used', 'this link is already being used or was used'),
      );
      return;
    }
    let login: LoginResult;
    try {
      login = await this.client.verifyEmailToken(
        { verificationToken: token },
        { fields: this._fields, welcomeEmailTemplate: this._welcomeEmailTemplate },
      );
    } catch (error) {
      await this._upstreamFailure(error, () => this._claims.refund(claim));
      return;
    }
    this._finish(req, login, 'email');
  }

  private async _verifyCode(req: Request, rawOtp: string): Promise<void> {
    const flow = pendingFlowOf(req);
    if (!flow || flow.channel !== 'sms' || typeof flow.phone !== 'string') {
      this._refuse(
        'no_pending_flow',
        new VerifyFailedError(
          'no_pending_flow',
          'no code was sent in this session; send one first',
        ),
      );
      return;
    }
    if (Date.now() > flow.expiresAt) {
      this._refuse(
        'expired',
        new VerifyFailedError('expired', 'the pending sign-in expired; send a new code'),
      );
      return;
    }
    let otp: string;
    try {
      otp = normalizeOtp(rawOtp);
    } catch (error) {
      this._refuse('malformed', error as InvalidInputError);
      return;
    }
    const attempt = await this._attempts.hit(flow.id);
    flow.attempts = Math.min(attempt.hits, this._maxOtpAttempts + 1);
    const phoneFailures = await this._failures.peek(flow.phone);
    if (!attempt.allowed || !phoneFailures.allowed) {
      this._refuse(
        'locked',
        new VerifyFailedError('locked', 'too many wrong codes; send a new code'),
      );
      return;
    }
    const claim = digest('otp', `${flow.id}:${otp}`);
    if (!(await this._claims.hit(claim)).allowed) {
      this._refuse(
        'used',
        new VerifyFailedError('used', 'this code is already being used or was used'),
      );
      return;
    }
    let login: LoginResult;
    try {
      login = await this.client.verifyPhoneOtp(
        { phone: flow.phone, otp },
        { fields: this._fields, smsTemplate: this._smsTemplate },
      );
    } catch (error) {
      if (error instanceof LoginRadiusError) {
        await this._failures.hit(flow.phone);
        // A wrong code was not spent: free its claim so that retyping it is counted
        // as another wrong guess upstream rather than refused here as "used".
        if (reasonForErrorCode(error.errorCode) === 'invalid') await this._claims.refund(claim);
      }
      await this._upstreamFailure(error, async () => {
        await this._claims.refund(claim);
        await this._attempts.refund(flow.id);
        flow.attempts = Math.max(0, flow.attempts - 1);
      });
      return;
    }
    this._finish(req, login, 'sms');
  }

  /** LoginRadius's answer is a refusal (fail) or the upstream is down (error, counters refunded). */
  private async _upstreamFailure(error: unknown, refund: () => Promise<void>): Promise<void> {
    if (error instanceof LoginRadiusError) {
      const reason = reasonForErrorCode(error.errorCode);
      this._refuse(
        reason,
        new VerifyFailedError(reason, `LoginRadius ErrorCode ${error.errorCode}`, error),
      );
      return;
    }
    if (error instanceof LoginRadiusBadResponseError && error.reason === 'second_factor_required') {
      this._refuse(
        'second_factor_required',
        new VerifyFailedError('second_factor_required', error.message, error),
      );
      return;
    }
    if (error instanceof InvalidInputError) {
      this._refuse('malformed', error);
      return;
    }
    await refund();
    this.error(error as Error);
  }

  private _finish(req: Request, login: LoginResult, channel: 'email' | 'sms'): void {
    if (!login || typeof login.accessToken !== 'string' || !login.profile?.Uid) {
      // Never success without a real LoginResult.
      this.error(new VerifyFailedError('rejected', 'the client returned no login'));
      return;
    }
    const verified: VerifyDone = (error, user, info) => {
      if (error) {
        this.error(error as Error);
        return;
      }
      if (!user) {
        const failure: PasswordlessFailure = {
          reason: 'rejected',
          message: UNIFORM_MESSAGE,
          error: new VerifyFailedError('rejected', 'the verify callback returned no user'),
        };
        this.fail({ ...failure, ...(isObject(info) ? info : {}) }, 401);
        return;
      }
      this.success(user, { channel, uid: login.profile.Uid, ...(isObject(info) ? info : {}) });
    };
    const session = (req as unknown as { session?: Record<string, unknown> }).session;
    if (session && channel === 'sms') delete session[PENDING_FLOW_KEY];
    try {
      const verify = this._verify as (...args: unknown[]) => unknown;
      const args: unknown[] = this._passReqToCallback ? [req, login] : [login];
      const declared = this._passReqToCallback ? 3 : 2;
      const result = verify.length >= declared ? verify(...args, verified) : verify(...args);
      if (verify.length < declared) {
        Promise.resolve(result).then(
          (user) => verified(null, user),
          (error: unknown) => verified(error),
        );
      }
    } catch (error) {
      this.error(error as Error);
    }
  }

  private _refuse(
    reason: PasswordlessFailure['reason'],
    error: PasswordlessError,
    status = 401,
  ): void {
    const failure: PasswordlessFailure = { reason, message: UNIFORM_MESSAGE, error };
    this.fail(failure, status);
  }
}

function digest(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('base64url');
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`PasswordlessStrategy: \`${name}\` must be a positive integer`);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
