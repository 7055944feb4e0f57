import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { Strategy as PassportStrategy } from 'passport-strategy';
import { CodeCounters, type CodeAttempt } from './code-counters';
import {
  InvalidInputError,
  LoginRadiusBadResponseError,
  LoginRadiusError,
  VerifyFailedError,
} from './errors';
import type { Channel } from './events';
import { isObject } from './is-object';
import { en } from './locales/en';
import type { LoginRadiusClient } from './loginradius/client';
import { reasonForErrorCode } from './loginradius/error-reasons';
import type { LoginResult } from './loginradius/types';
import { checkToken, normalizeOtp, validatedInput } from './loginradius/validation';
import { identifierKey, profileIsRecipient, readCredential, recipientOf } from './credentials';
import {
  countWrongCode,
  endFlow,
  markSignedInOnRegenerate,
  storedFlow,
  type PendingFlow,
} from './session';
import {
  parseStrategyOptions,
  type AuthenticateOptions,
  type PasswordlessFailure,
  type PasswordlessFailureReason,
  type StrategyBase,
  type PasswordlessStrategyOptions,
  type StrategyConfig,
  type VerifyDone,
  type VerifyFunction,
  type VerifyFunctionWithRequest,
} from './strategy-options';

const Strategy = PassportStrategy as unknown as new () => StrategyBase;

type Outcome = { login: LoginResult; channel: Channel } | { refused: PasswordlessFailure };

/**
 * A Passport strategy that signs people in with a LoginRadius passwordless link
 * token (`vtoken`) or a one-time code (`otp`) sent by SMS, voice call or email.
 *
 * It reads like passport-local: read the credential, guard, ask LoginRadius,
 * hand the login to your `verify`. A code's recipient always comes from the
 * pending flow the request router put in the session, never from the request,
 * so a code only works in the browser that asked for it.
 */
export class PasswordlessStrategy extends Strategy {
  name: string;
  readonly client: LoginRadiusClient;
  // Underscored, not #private: passport authenticates with Object.create(strategy),
  // and private fields are not reachable through a prototype.
  private readonly _config: StrategyConfig;
  private readonly _verify: VerifyFunction | VerifyFunctionWithRequest;
  private readonly _counters: CodeCounters;

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
    this._config = parseStrategyOptions(options, verify);
    this.name = this._config.name;
    this.client = this._config.client;
    this._verify = verify;
    this._counters = new CodeCounters(this._config);
  }

  /** Reads a link token (`vtoken`) or a code (`otp`) from the request and verifies it. */
  authenticate(req: Request, options: AuthenticateOptions = {}): void {
    const credential = readCredential(req, options.credential);
    if (typeof credential === 'string') {
      this._refuse(
        credential === 'missing' ? 'missing_credentials' : 'malformed',
        credential === 'missing'
          ? 'no vtoken or otp in the request'
          : 'a credential was sent to the wrong route',
        400,
      );
      return;
    }
    const originIp = (options.forwardClientIp ?? this._config.forwardClientIp) ? req.ip : undefined;
    const verifying =
      credential.kind === 'link'
        ? this._verifyLink(credential.token, originIp, options.recipient)
        : this._verifyCode(req, credential.channel, credential.otp, originIp);
    verifying.then(
      (outcome) => {
        if ('refused' in outcome) this.fail(outcome.refused, 401);
        else this._verified(req, outcome.login, outcome.channel);
      },
      (error: unknown) => this.error(error as Error),
    );
  }

  /**
   * Forgets the wrong codes counted for one phone, email address or username
   * from all IPs, for an operator who has checked that its owner is locked out.
   */
  async unlock(
    identifier: { phone: string } | { email: string } | { username: string },
  ): Promise<void> {
    await this._counters.unlock(identifierKey(identifier));
  }

  private async _verifyLink(
    rawToken: unknown,
    originIp: string | undefined,
    recipient: AuthenticateOptions['recipient'],
  ): Promise<Outcome> {
    let token: string;
    try {
      token = checkToken('vtoken', rawToken);
    } catch (error) {
      return refusal('malformed', (error as Error).message);
    }
    if (!(await this._counters.claimLink(token))) {
      return refusal('used', 'this link is already being used or was used');
    }
    const { welcomeEmailTemplate } = this._config;
    // The account's email addresses or username are needed to compare, even when
    // the app's `fields` leave them out; they are then dropped again.
    const identity = recipient && ('email' in recipient ? 'Email' : 'UserName');
    const fields = withField(this._config.fields, identity);
    let login: LoginResult;
    try {
      login = await this.client.verifyEmailToken(
        { verificationToken: token },
        { fields, welcomeEmailTemplate, originIp },
      );
    } catch (error) {
      const refused = upstreamRefusal(error);
      if (refused) return refused;
      await this._counters.releaseLink(token);
      throw error;
    }
    if (recipient && !profileIsRecipient(login.profile, recipient)) {
      // The token is spent upstream; its claim stays. The access token LoginRadius
      // just made for the other account goes to no one, so it is ended there too
      // (best effort: a failure changes nothing about the refusal).
      await this.client.invalidateAccessToken(login.accessToken, { originIp }).catch(() => {});
      return refusal('other_account', 'the link belongs to another account than the one asked for');
    }
    if (fields !== this._config.fields && identity) {
      delete (login.profile as unknown as Record<string, unknown>)[identity];
    }
    return { login, channel: 'email' };
  }

  private async _verifyCode(
    req: Request,
    channel: 'sms' | 'email' | undefined,
    rawOtp: unknown,
    originIp: string | undefined,
  ): Promise<Outcome> {
    const flow = storedFlow(req);
    if (!flow || (channel !== undefined && flow.channel !== channel) || !recipientOf(flow)) {
      return refusal('no_pending_flow', 'no code was sent in this session; send one first');
    }
    if (Date.now() >= flow.expiresAt) {
      // Kept in the session (it is no flow any more): "send a new code" can still name its recipient.
      return refusal('expired', 'the pending sign-in expired; send a new code');
    }
    let otp: string;
    try {
      otp = normalizeOtp(rawOtp);
    } catch (error) {
      return refusal('malformed', (error as Error).message);
    }
    const identifier = identifierKey(recipientOf(flow)!);
    const taken = await this._counters.take(flow.id, identifier, ipKeyGenerator(req.ip ?? ''), otp);
    if ('reason' in taken) {
      if (taken.reason === 'busy')
        return refusal('busy', 'another verify of this sign-in is in flight');
      if (taken.reason === 'used')
        return refusal('used', 'this code is already being used or was used');
      return refusal('locked', `too many wrong codes (the ${taken.cap} cap)`);
    }
    return this._spendCode(req, flow, otp, originIp, taken);
  }

  private async _spendCode(
    req: Request,
    flow: PendingFlow,
    otp: string,
    originIp: string | undefined,
    attempt: CodeAttempt,
  ): Promise<Outcome> {
    const { fields, smsTemplate, welcomeEmailTemplate } = this._config;
    let login: LoginResult;
    try {
      login =
        flow.channel === 'sms'
          ? await this.client.verifyPhoneOtp(validatedInput({ phone: flow.phone!, otp }), {
              fields,
              smsTemplate,
              isVoiceOtp: flow.voice === true,
              originIp,
            })
          : await this.client.verifyEmailOtp(
              { ...(recipientOf(flow) as { email: string } | { username: string }), otp },
              { fields, welcomeEmailTemplate, originIp },
            );
    } catch (error) {
      const refused = upstreamRefusal(error);
      if (!refused) {
        await attempt.unanswered();
        throw error;
      }
      if (refused.refused.reason === 'site_misconfigured') {
        // The site is set up wrongly (API key, passwordless login off), whoever asks:
        // nothing counts against the person's wrong-code caps.
        await attempt.unanswered();
        return refused;
      }
      // Whatever LoginRadius's reason, the code is unclaimed, so retyping it asks
      // LoginRadius and counts again. Keeping the claim for some reasons only (an
      // unknown or blocked account's) made a retyped code answer without asking
      // LoginRadius for exactly those accounts: faster, and without the session
      // write that counts an attempt, which told accounts apart.
      const locked = await attempt.refused();
      countWrongCode(req, flow, attempt.attempts);
      if (locked) refused.refused.locked = locked;
      return refused;
    }
    await attempt.succeeded();
    endFlow(req);
    return { login, channel: flow.channel === 'email' ? 'email' : flow.voice ? 'voice' : 'sms' };
  }

  private _verified(req: Request, login: LoginResult, channel: Channel): void {
    if (!login || typeof login.accessToken !== 'string' || !login.profile?.Uid) {
      // Never success without a real LoginResult.
      this.error(new VerifyFailedError('rejected', 'the client returned no login'));
      return;
    }
    const done: VerifyDone = (error, user, info) => {
      if (error) {
        this.error(error as Error);
      } else if (!user) {
        const refused = failure('rejected', 'the verify callback returned no user');
        this.fail({ ...refused, ...(isObject(info) ? info : {}) }, 401);
      } else {
        // Passport's login, used with or without the routers, records the sign-in
        // times, so requireLogin's idle and absolute timeouts hold for every login.
        markSignedInOnRegenerate(req);
        this.success(user, { channel, uid: login.profile.Uid, ...(isObject(info) ? info : {}) });
      }
    };
    try {
      const verify = this._verify as (...args: unknown[]) => unknown;
      const args: unknown[] = this._config.passReqToCallback ? [req, login] : [login];
      if (verify.length > args.length) {
        verify(...args, done);
        return;
      }
      Promise.resolve(verify(...args)).then(
        (user) => done(null, user),
        (error: unknown) => done(error),
      );
    } catch (error) {
      this.error(error as Error);
    }
  }

  private _refuse(reason: PasswordlessFailureReason, detail: string, status: number): void {
    this.fail(failure(reason, detail), status);
  }
}

/** LoginRadius's refusal of a verify as a failure; `undefined` when LoginRadius did not refuse. */
function upstreamRefusal(error: unknown): { refused: PasswordlessFailure } | undefined {
  if (error instanceof LoginRadiusError) {
    const reason = reasonForErrorCode(error.errorCode);
    return { refused: failure(reason, `LoginRadius ErrorCode ${error.errorCode}`, error) };
  }
  if (error instanceof LoginRadiusBadResponseError && error.reason === 'second_factor_required') {
    return { refused: failure('second_factor_required', error.message, error) };
  }
  if (error instanceof InvalidInputError) {
    return { refused: failure('malformed', error.message, error) };
  }
  return undefined;
}

function failure(
  reason: PasswordlessFailureReason,
  detail: string,
  cause?: unknown,
): PasswordlessFailure {
  return {
    reason,
    message: en['error.verifyFailed'],
    error: new VerifyFailedError(reason, detail, cause),
  };
}

function refusal(reason: PasswordlessFailureReason, detail: string): Outcome {
  return { refused: failure(reason, detail) };
}

/** `fields` with `field` added, when the app projects the Profile without it. */
function withField(
  fields: readonly string[] | undefined,
  field: string | undefined,
): readonly string[] | undefined {
  if (!fields || !field || fields.some((f) => f.toLowerCase() === field.toLowerCase())) {
    return fields;
  }
  return [...fields, field];
}
