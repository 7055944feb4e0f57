import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import {
  CircuitOpenError,
  InvalidInputError,
  LoginRadiusError,
  LoginRadiusRateLimitError,
  RateLimitedError,
} from '../errors';
import { Limit } from '../limits';
import { misconfiguredSetting } from '../loginradius/error-reasons';
import type { RequestConfig } from './request-config';
import { wantsJson } from './request-body';

/**
 * What every send shares: the limits spent before it, the uniform answer after
 * it whatever LoginRadius said, and the counters given back when nothing went out.
 */

const DAY_MS = 86_400_000;

/** The request router's limits, one counter each. */
export class SendLimits {
  readonly perIp: Limit;
  readonly cooldown: Limit;
  readonly smsPerIp: Limit;
  readonly smsGlobal: Limit;

  constructor(config: RequestConfig) {
    this.perIp = new Limit('send-ip', config.perIp, config.perIpWindowMs, config.stores);
    this.cooldown = new Limit('cooldown', 1, config.cooldownMs, config.stores);
    this.smsPerIp = new Limit('sms-ip-daily', config.smsPerIpPerDay, DAY_MS, config.stores);
    this.smsGlobal = new Limit('sms-global-daily', config.smsPerDay, DAY_MS, config.stores);
  }
}

/** What a send was charged, settled once LoginRadius has answered. */
export interface SendCharge {
  /** Nothing reached LoginRadius: every limit's hit goes back. */
  refund(): Promise<void>;
  /**
   * LoginRadius was called and failed (down, too slow, an unusable answer): the
   * cooldowns' hits go back (nothing was sent, so the person may try again at
   * once), the per-IP hit stays. Each attempt cost a call, and one IP must not
   * make calls without end, whatever it sends that fails.
   */
  refundAfterCall(): Promise<void>;
  /** LoginRadius accepted the send: now it counts against the SMS budgets. */
  commit(): Promise<void>;
}

/**
 * Counts a hit on each limit in `hits`, in order, and checks that each budget in
 * `budgets` has room. If one refuses, the hits already counted go back (the
 * refused one stays, which keeps its window honest) and the send is refused
 * with 429. Budgets count only sends LoginRadius accepted ({@link SendCharge.commit}):
 * refused and failed sends spend none, and sends in flight hold none, so made-up
 * numbers cannot use up a budget even for a moment. The price is that parallel
 * sends can pass a budget's last slot together: it may overshoot by as many
 * sends as are in flight at once.
 */
export async function chargeSend(
  hits: readonly (readonly [Limit, string])[],
  budgets: readonly (readonly [Limit, string])[] = [],
): Promise<SendCharge> {
  const taken: (readonly [Limit, string])[] = [];
  const refund = async (): Promise<void> => {
    await Promise.all(taken.map(([limit, key]) => limit.refund(key)));
  };
  const refundAfterCall = async (): Promise<void> => {
    const cooldowns = taken.filter(([limit]) => limit.purpose === 'cooldown');
    await Promise.all(cooldowns.map(([limit, key]) => limit.refund(key)));
  };
  for (const [limit, key] of hits) {
    const verdict = await limit.hit(key);
    if (!verdict.allowed) {
      await refund();
      throw new RateLimitedError(limit.purpose, verdict.retryAfter);
    }
    taken.push([limit, key]);
  }
  for (const [limit, key] of budgets) {
    const verdict = await limit.peek(key);
    if (!verdict.allowed) {
      await refund();
      throw new RateLimitedError(limit.purpose, verdict.retryAfter);
    }
  }
  return {
    refund,
    refundAfterCall,
    commit: async () => {
      await Promise.all(budgets.map(([limit, key]) => limit.hit(key)));
    },
  };
}

/** The client IP as the limits key it (IPv6 by /56, as express-rate-limit does). */
export function ipKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? '');
}

/** This browser's own cooldown key for a channel, whatever account it names. */
export function sessionKey(req: Request, channel: 'email' | 'sms'): string {
  return `session:${(req as unknown as { sessionID?: string }).sessionID ?? 'none'}:${channel}`;
}

/**
 * Calls LoginRadius for a send. Its refusals (unknown, unverified, locked or
 * blocked account, its own limits, its 429) only reach `onEvent`, so the
 * browser's answer is the same as for a known account, and spend no budget; a
 * failure of LoginRadius itself gives the cooldowns back (nothing was sent), not
 * the per-IP hit, and is answered as such.
 */
export async function sendUniformly(
  config: RequestConfig,
  req: Request,
  channel: 'email' | 'sms' | 'voice',
  recipient: string,
  charge: SendCharge,
  send: () => Promise<unknown>,
  captchaSent = false,
): Promise<void> {
  const base = { channel, recipient } as const;
  try {
    await send();
  } catch (error) {
    if (error instanceof LoginRadiusError) {
      const setting = misconfiguredSetting(error.errorCode, { captchaSent });
      config.emit(req, {
        ...base,
        type: setting ? 'config_error' : 'send_refused',
        reason: String(error.errorCode),
        ...(setting ? { setting } : {}),
        error,
      });
      return;
    }
    if (error instanceof LoginRadiusRateLimitError) {
      // Answered like any refusal: a 429 only for known accounts would reveal them.
      config.emit(req, { ...base, type: 'upstream_error', reason: 'lr_rate_limited', error });
      return;
    }
    const called = !(error instanceof CircuitOpenError || error instanceof InvalidInputError);
    await (called ? charge.refundAfterCall() : charge.refund());
    throw error;
  }
  // Not awaited: with Redis the budgets' round trip would make an accepted send (a
  // known account) answer measurably slower than a refused one (an unknown account).
  // Its failure is reported after the answer: it keeps the client's address, not the request.
  const client = config.emit.listening ? { ip: req.ip } : {};
  charge.commit().catch((error: unknown) =>
    config.emit(client, {
      ...base,
      type: 'store_error',
      reason: 'sms_budget_not_counted',
      error: error as Error,
    }),
  );
  config.emit(req, { ...base, type: channel === 'email' ? 'link_sent' : 'otp_sent' });
}

/** "Sent": the same for every account. JSON gets the cross-device number when there is one. */
export function answerSent(
  config: RequestConfig,
  req: Request,
  res: Response,
  channel: 'email' | 'sms',
  match: string | undefined,
): void {
  res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    res.status(200).json(match === undefined ? { sent: true } : { sent: true, match });
    return;
  }
  const configured = channel === 'email' ? config.linkSentRedirect : config.otpSentRedirect;
  res.redirect(303, configured ?? `${req.baseUrl}/${channel === 'email' ? 'link' : 'otp'}/sent`);
}
