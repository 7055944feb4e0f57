import { MemoryStore, type Options, type Store } from 'express-rate-limit';

/**
 * Counters for this package's limits (resend cooldown, per-IP and daily SMS
 * budgets, wrong-code counts, single-use claims), kept in an express-rate-limit
 * `Store` so the same code runs on its MemoryStore in one process and on
 * rate-limit-redis across many: `increment` is atomic there, so two instances
 * can never both allow what one would refuse.
 */

/** Makes the store for one counter; `purpose` names it, so a Redis store can prefix its keys. */
export type StoreFactory = (purpose: LimitPurpose) => Store;

export type LimitPurpose =
  | 'cooldown'
  | 'send-ip'
  | 'sms-ip-daily'
  | 'sms-global-daily'
  | 'verify-ip'
  | 'otp-attempts'
  | 'otp-failures'
  | 'single-use';

/** The default: express-rate-limit's MemoryStore, one per counter. */
export const memoryStores: StoreFactory = () => new MemoryStore();

export interface LimitVerdict {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  hits: number;
  /** Whole seconds until the window resets. */
  retryAfter: number;
}

/** A fixed-window counter: at most `max` hits per key per `windowMs`. */
export class Limit {
  readonly #store: Store;
  readonly #ready: Promise<void>;

  constructor(
    readonly purpose: LimitPurpose,
    readonly max: number,
    readonly windowMs: number,
    stores: StoreFactory,
  ) {
    this.#store = stores(purpose);
    // Stores read only `windowMs` from the options they are given.
    this.#ready = Promise.resolve(this.#store.init?.({ windowMs } as Options));
  }

  /** Counts one hit for `key` and says whether it is within the limit. */
  async hit(key: string): Promise<LimitVerdict> {
    await this.#ready;
    const { totalHits, resetTime } = await this.#store.increment(this.#key(key));
    return {
      allowed: totalHits <= this.max,
      hits: totalHits,
      retryAfter: secondsUntil(resetTime, this.windowMs),
    };
  }

  /** Reads the count for `key` without counting a hit. */
  async peek(key: string): Promise<LimitVerdict> {
    await this.#ready;
    const info = this.#store.get ? await this.#store.get(this.#key(key)) : undefined;
    const hits = info?.totalHits ?? 0;
    return {
      allowed: hits < this.max,
      hits,
      retryAfter: secondsUntil(info?.resetTime, this.windowMs),
    };
  }

  /** Gives back one hit (the action it counted did not happen). */
  async refund(key: string): Promise<void> {
    await this.#ready;
    await this.#store.decrement(this.#key(key));
  }

  /** Forgets `key`. */
  async reset(key: string): Promise<void> {
    await this.#ready;
    await this.#store.resetKey(this.#key(key));
  }

  #key(key: string): string {
    return `${this.purpose}:${key}`;
  }
}

function secondsUntil(resetTime: Date | undefined, windowMs: number): number {
  const ms = resetTime ? resetTime.getTime() - Date.now() : windowMs;
  return Math.max(1, Math.ceil(ms / 1000));
}
