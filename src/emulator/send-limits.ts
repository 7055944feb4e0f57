import type { Clock } from './tokens';

export interface SendLimitConfig {
  maxRequests: number;
  windowMs: number;
  disableMs: number;
}

interface Budget {
  sentAt: number[];
  disabledUntil: number;
}

/**
 * LoginRadius's per-site "request limit" and "request disable period": at most
 * `maxRequests` sends per account per channel within the window; the next one
 * is refused and so is every send until the disable period has passed. Keyed
 * on the account rather than on how it was named, so asking for a link by
 * email and by username draws on one budget.
 */
export class SendLimiter {
  readonly #budgets = new Map<string, Budget>();

  constructor(
    private readonly clock: Clock,
    private readonly config: SendLimitConfig | false,
  ) {}

  /** Records a send and says whether it is allowed. */
  allow(channel: 'email' | 'sms', uid: string): boolean {
    if (!this.config) return true;
    const { maxRequests, windowMs, disableMs } = this.config;
    const now = this.clock();
    const key = `${channel}:${uid}`;
    const budget = this.#budgets.get(key) ?? { sentAt: [], disabledUntil: 0 };
    this.#budgets.set(key, budget);

    if (now < budget.disabledUntil) return false;
    budget.sentAt = budget.sentAt.filter((at) => now - at < windowMs);
    if (budget.sentAt.length >= maxRequests) {
      budget.sentAt = [];
      budget.disabledUntil = now + disableMs;
      return false;
    }
    budget.sentAt.push(now);
    return true;
  }
}
