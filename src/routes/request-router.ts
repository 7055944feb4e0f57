import { randomUUID } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { emitter, failureEvent, maskRecipient, type PasswordlessEvent } from '../events';
import {
  InvalidInputError,
  LoginRadiusError,
  PasswordlessError,
  RateLimitedError,
  SessionError,
} from '../loginradius/errors';
import {
  callingCodeOf,
  checkAbsoluteUrl,
  normalizeEmail,
  normalizePhone,
  normalizeUsername,
} from '../loginradius/validation';
import { Limit, memoryStores } from '../limits';
import { pendingFlowOf, PENDING_FLOW_KEY, type PendingFlow } from '../session';
import { answerFailure } from './answers';
import { checkCrossSite, originSet } from './cross-site';
import type { RequestRouterOptions } from './options';
import { renderBuiltInPage, setPageHeaders } from './pages';
import { safeRedirect } from './redirects';
import { readFlatBody, wantsJson } from './request-body';
import { createSubApp, fromBodyParserError } from './sub-app';

const MAX_FLOW_TTL_MS = 60 * 60_000;
const DAY_MS = 24 * 3_600_000;

/**
 * Mounts the "send me a link / a code" endpoints:
 *
 * - `POST /link` with `email` or `username` (form or JSON), optional `returnTo`;
 * - `POST /otp` with `phone`, optional `returnTo` (or `resend=1` to resend to the
 *   pending flow's phone);
 * - `GET /link/sent` and `GET /otp/sent`: "check your inbox" and "enter your code".
 *
 * Every send answers the same whether or not the account exists, is verified or
 * blocked: `{ sent: true }` (JSON) or a 303 to the sent page (HTML).
 */
export function createRequestRouter(options: RequestRouterOptions): Express {
  const config = resolveOptions(options);
  const app = createSubApp('createRequestRouter', config.maxBodyBytes);
  const emit = emitter(options.onEvent);
  const { client } = options;

  const perIp = new Limit('send-ip', config.perIp, config.perIpWindowMs, config.stores);
  const cooldown = new Limit('cooldown', 1, config.cooldownSeconds * 1000, config.stores);
  const smsPerIp = new Limit('sms-ip-daily', config.smsPerIpPerDay, DAY_MS, config.stores);
  const smsGlobal = new Limit('sms-global-daily', config.smsPerDay, DAY_MS, config.stores);

  const fail = (
    req: Request,
    res: Response,
    error: unknown,
    event?: Partial<PasswordlessEvent>,
  ): void => {
    if (error instanceof PasswordlessError) emit({ ip: req.ip, ...event, ...failureEvent(error) });
    answerFailure(req, res, error, config);
  };

  /** Counts a hit on each limit in order; refunds them all if a later one refuses. */
  const spend = async (hits: [Limit, string][]): Promise<() => Promise<void>> => {
    const taken: [Limit, string][] = [];
    const refund = async (): Promise<void> => {
      await Promise.all(taken.map(([limit, key]) => limit.refund(key)));
    };
    for (const [limit, key] of hits) {
      const verdict = await limit.hit(key);
      taken.push([limit, key]);
      if (!verdict.allowed) {
        // The refused hit and the earlier ones did not lead to a send: give them back,
        // except the refused one, which keeps the window honest.
        taken.pop();
        await refund();
        throw new RateLimitedError(limit.purpose, verdict.retryAfter);
      }
    }
    return refund;
  };

  const startFlow = (
    req: Request,
    flow: Omit<PendingFlow, 'id' | 'sentAt' | 'expiresAt' | 'attempts'>,
  ): void => {
    const session = (req as unknown as { session: Record<string, unknown> }).session;
    const now = Date.now();
    const pending: PendingFlow = {
      id: randomUUID(),
      sentAt: now,
      expiresAt: now + config.pendingFlowTtlMs,
      attempts: 0,
      ...flow,
    };
    if (pending.returnTo === undefined) delete pending.returnTo;
    session[PENDING_FLOW_KEY] = pending;
  };

  /**
   * Calls LoginRadius for a send. Its refusals (unknown, unverified or blocked
   * account, its own send limits) only reach onEvent, so the answer is the same
   * as for a known account; a failure of LoginRadius itself refunds the counters
   * (nothing was sent) and is answered as such.
   */
  const sendUniformly = async (
    req: Request,
    channel: 'email' | 'sms',
    recipient: string | undefined,
    refund: () => Promise<void>,
    send: () => Promise<unknown>,
  ): Promise<void> => {
    try {
      await send();
      emit({
        type: channel === 'email' ? 'link_sent' : 'otp_sent',
        channel,
        recipient,
        ip: req.ip,
      });
    } catch (error) {
      if (!(error instanceof LoginRadiusError)) {
        await refund();
        throw error;
      }
      emit({
        type: 'send_refused',
        channel,
        recipient,
        ip: req.ip,
        reason: String(error.errorCode),
        error,
      });
    }
  };

  const answerSent = (req: Request, res: Response, channel: 'email' | 'sms'): void => {
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson(req)) {
      res.status(200).json({ sent: true });
      return;
    }
    const fallback = `${req.baseUrl}/${channel === 'email' ? 'link' : 'otp'}/sent`;
    res.redirect(
      303,
      (channel === 'email' ? config.linkSentRedirect : config.otpSentRedirect) ?? fallback,
    );
  };

  app.post('/link', async function sendLink(req: Request, res: Response, next: NextFunction) {
    let recipientForEvent: string | undefined;
    try {
      checkCrossSite(req, config.trustedOrigins);
      const body = readFlatBody(req, config.maxBodyBytes);
      const rawEmail = body.get('email');
      const rawUsername = body.get('username');
      let recipient: { email: string } | { username: string };
      let key: string;
      if (rawEmail !== undefined && rawUsername === undefined) {
        if (!config.channels.email)
          throw new InvalidInputError('email', 'sign-in by email is switched off');
        const email = normalizeEmail(rawEmail);
        recipient = { email };
        key = `email:${email.toLowerCase()}`;
        recipientForEvent = maskRecipient(email);
      } else if (rawUsername !== undefined && rawEmail === undefined) {
        if (!config.channels.username)
          throw new InvalidInputError('username', 'sign-in by username is switched off');
        const username = normalizeUsername(rawUsername);
        recipient = { username };
        key = `username:${username.toLowerCase()}`;
        recipientForEvent = maskRecipient(username);
      } else {
        throw new InvalidInputError('email', 'send exactly one of email or username');
      }
      const template = pickTemplate(
        body.get('template'),
        config.allowedEmailTemplates,
        options.passwordlessLoginTemplate,
      );
      const returnTo = readReturnTo(body.get('returnTo'), config.allowedRedirectUrls);
      const refund = await spend([
        [perIp, ipKeyGenerator(req.ip ?? '')],
        [cooldown, key],
      ]);
      await sendUniformly(req, 'email', recipientForEvent, refund, () =>
        client.sendEmailLink(recipient, {
          verificationUrl: config.callbackUrl,
          ...(template === undefined ? {} : { passwordlessLoginTemplate: template }),
        }),
      );
      startFlow(req, { channel: 'email', returnTo });
      await saveSession(req);
      answerSent(req, res, 'email');
    } catch (error) {
      if (error instanceof PasswordlessError)
        fail(req, res, error, { channel: 'email', recipient: recipientForEvent });
      else next(error);
    }
  });

  app.post('/otp', async function sendOtp(req: Request, res: Response, next: NextFunction) {
    let recipientForEvent: string | undefined;
    try {
      checkCrossSite(req, config.trustedOrigins);
      const body = readFlatBody(req, config.maxBodyBytes);
      if (!config.channels.phone)
        throw new InvalidInputError('phone', 'sign-in by SMS is switched off');
      const pending = pendingFlowOf(req);
      const resend = body.get('resend') !== undefined && body.get('phone') === undefined;
      if (resend && (!pending || pending.channel !== 'sms' || !pending.phone)) {
        throw new InvalidInputError('phone', 'there is no code to resend; enter your phone number');
      }
      const phone = resend
        ? (pending?.phone as string)
        : normalizePhone(body.get('phone'), config.defaultCountry);
      recipientForEvent = maskRecipient(phone);
      if (config.allowedCallingCodes && !config.allowedCallingCodes.has(callingCodeOf(phone))) {
        throw new InvalidInputError('phone', 'SMS to this country is not enabled');
      }
      const template = pickTemplate(
        body.get('template'),
        config.allowedSmsTemplates,
        options.smsTemplate,
      );
      const returnTo = resend
        ? pending?.returnTo
        : readReturnTo(body.get('returnTo'), config.allowedRedirectUrls);
      const ip = ipKeyGenerator(req.ip ?? '');
      const refund = await spend([
        [perIp, ip],
        [cooldown, `phone:${phone}`],
        [smsPerIp, ip],
        [smsGlobal, 'all'],
      ]);
      await sendUniformly(req, 'sms', recipientForEvent, refund, () =>
        client.sendPhoneOtp({ phone }, template === undefined ? {} : { smsTemplate: template }),
      );
      // The flow starts whether or not the number has an account, so the next
      // page looks the same; a code for an unknown number simply never works.
      startFlow(req, { channel: 'sms', phone, returnTo });
      await saveSession(req);
      answerSent(req, res, 'sms');
    } catch (error) {
      if (error instanceof PasswordlessError)
        fail(req, res, error, { channel: 'sms', recipient: recipientForEvent });
      else next(error);
    }
  });

  app.get('/link/sent', function linkSentPage(_req: Request, res: Response) {
    setPageHeaders(res);
    config.renderPage('link-sent', {}, res);
  });

  app.get('/otp/sent', function otpSentPage(req: Request, res: Response) {
    setPageHeaders(res);
    config.renderPage(
      'otp-sent',
      { action: `${req.baseUrl}/otp/verify`, resendAction: `${req.baseUrl}/otp` },
      res,
    );
  });

  app.use(function requestRouterErrors(
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ) {
    const known = error instanceof PasswordlessError ? error : fromBodyParserError(error);
    if (known) fail(req, res, known);
    else next(error);
  });

  return app;
}

/**
 * Stores the pending flow before the browser is told "sent": if the session
 * store cannot keep it, the code could never be checked (and a link's returnTo
 * would be lost), so the honest answer is 503, not a "sent" that leads nowhere.
 * It is saved after the send so that a LoginRadius failure leaves the session
 * untouched; with Redis behind both, a store outage is caught earlier anyway, by
 * the limits, before anything is sent.
 */
function saveSession(req: Request): Promise<void> {
  const session = (req as unknown as { session: { save(cb: (error?: unknown) => void): void } })
    .session;
  return new Promise((resolve, reject) => {
    session.save((error) =>
      error
        ? reject(
            error instanceof SessionError
              ? error
              : new SessionError('could not save the pending sign-in', error),
          )
        : resolve(),
    );
  });
}

function readReturnTo(value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  // An unsafe target is dropped, not echoed: the login then lands on the default page.
  return safeRedirect(value, allowed);
}

function pickTemplate(
  requested: string | undefined,
  allowed: ReadonlySet<string>,
  fallback: string | undefined,
): string | undefined {
  if (requested === undefined) return fallback;
  if (!allowed.has(requested))
    throw new InvalidInputError('template', 'is not an allowed template');
  return requested;
}

function resolveOptions(options: RequestRouterOptions) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createRequestRouter: pass an options object, { client, callbackUrl }');
  }
  const client = options.client as unknown as { sendEmailLink?: unknown };
  if (!client || typeof client.sendEmailLink !== 'function') {
    throw new TypeError('createRequestRouter: `client` must be a LoginRadiusClient');
  }
  const channels = { email: true, username: true, phone: true, ...options.channels };
  let callbackUrl: string | undefined;
  if (channels.email || channels.username) {
    if (options.callbackUrl === undefined) {
      throw new TypeError(
        'createRequestRouter: `callbackUrl` is required while email links are on: the absolute ' +
          'URL of the verify router\'s GET /callback, e.g. "https://app.example/auth/callback"',
      );
    }
    try {
      callbackUrl = checkAbsoluteUrl('callbackUrl', options.callbackUrl);
    } catch {
      throw new TypeError(
        `createRequestRouter: \`callbackUrl\` must be an absolute http(s) URL, got "${options.callbackUrl}"`,
      );
    }
  }
  const limits = options.limits ?? {};
  const pendingFlowTtlMs = bounded(
    'pendingFlowTtlMs',
    options.pendingFlowTtlMs,
    600_000,
    1,
    MAX_FLOW_TTL_MS,
  );
  const defaultCountry = options.defaultCountry;
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry)) {
    throw new TypeError(
      `createRequestRouter: \`defaultCountry\` must be a country code such as "US" or "GB", got "${defaultCountry}"`,
    );
  }
  const origins = [...(options.trustedOrigins ?? [])];
  if (callbackUrl) origins.push(new URL(callbackUrl).origin);
  return {
    callbackUrl,
    channels,
    trustedOrigins: originSet(origins),
    allowedRedirectUrls: options.allowedRedirectUrls ?? [],
    allowedEmailTemplates: new Set(options.allowedEmailTemplates ?? []),
    allowedSmsTemplates: new Set(options.allowedSmsTemplates ?? []),
    allowedCallingCodes: options.allowedCallingCodes
      ? new Set(options.allowedCallingCodes.map((code) => code.replace(/^\+/, '')))
      : undefined,
    defaultCountry: defaultCountry as CountryCode | undefined,
    pendingFlowTtlMs,
    maxBodyBytes: bounded('maxBodyBytes', options.maxBodyBytes, 4096, 256, 1_048_576),
    cooldownSeconds: bounded('limits.cooldownSeconds', limits.cooldownSeconds, 60, 1, 86_400),
    perIp: bounded('limits.perIp', limits.perIp, 30, 1, 1_000_000),
    perIpWindowMs: bounded('limits.perIpWindowMs', limits.perIpWindowMs, 900_000, 1000, DAY_MS),
    smsPerIpPerDay: bounded('limits.smsPerIpPerDay', limits.smsPerIpPerDay, 20, 1, 1_000_000),
    smsPerDay: bounded('limits.smsPerDay', limits.smsPerDay, 1000, 1, 100_000_000),
    stores: options.stores ?? memoryStores,
    failureRedirect: checkedRedirect('failureRedirect', options.failureRedirect),
    linkSentRedirect: checkedRedirect('linkSentRedirect', options.linkSentRedirect),
    otpSentRedirect: checkedRedirect('otpSentRedirect', options.otpSentRedirect),
    renderPage: options.renderPage ?? renderBuiltInPage,
  };
}

/** A number option within bounds, or a TypeError naming it. */
export function bounded(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TypeError(`\`${name}\` must be a number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** A configured redirect must be a same-site path. */
export function checkedRedirect(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (safeRedirect(value) === undefined) {
    throw new TypeError(
      `\`${name}\` must be a path on this site such as "/signed-in", got "${value}"`,
    );
  }
  return value;
}
