import {
  MemoryStore,
  type ClientRateLimitInfo,
  type Options,
  type Store,
} from 'express-rate-limit';
import { SetupError, StoreUnavailableError } from './errors';

/**
 * Counters for this package's limits (resend cooldown, per-IP and daily SMS
 * budgets, wrong-code counts, single-use claims), kept in an express-rate-limit
 * `Store` so the same code runs on its MemoryStore in one process and on
 * rate-limit-redis across many: `increment` is atomic there, so two instances
 * can never both allow what one would refuse.
 */

/** Makes the store for one counter; `purpose` names it, so a Redis store can prefix its keys. */
export type StoreFactory = (purpose: LimitPurpose) => Store;

/** Which counter a store is for; also a good Redis key prefix. */
export type LimitPurpose =
  | 'cooldown'
  | 'send-ip'
  | 'sms-ip-daily'
  | 'sms-global-daily'
  | 'verify-ip'
  | 'otp-attempts'
  | 'otp-failures-ip'
  | 'otp-failures'
  | 'otp-in-flight'
  | 'otp-unlocks'
  | 'single-use'
  | 'cross-device';

/** The default: express-rate-limit's MemoryStore, one per counter. */
export const memoryStores: StoreFactory = () => new MemoryStore();

export interface LimitVerdict {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  hits: number;
  /** Whole seconds until the window resets. */
  retryAfter: number;
}

/**
 * A fixed-window counter: at most `max` hits per key per `windowMs`. A failing
 * store (Redis gone) surfaces as {@link StoreUnavailableError} (answered 503),
 * and the store's `init` is retried on the next call, so service comes back by
 * itself when the store does.
 */
export class Limit {
  readonly #store: Store;
  readonly #prefix: string;
  #ready: Promise<void> | undefined;
  /** Set once the store's `init` has finished: then no call waits on it again. */
  #initialized = false;

  constructor(
    readonly purpose: LimitPurpose,
    readonly max: number,
    readonly windowMs: number,
    stores: StoreFactory,
  ) {
    this.#store = stores(purpose);
    // express-rate-limit's Store type makes get() optional; the budgets, unlocks and
    // claims read counts with it, and a missing one would read as 0 (fail open).
    if (typeof this.#store?.get !== 'function' || typeof this.#store.increment !== 'function') {
      throw new SetupError(
        'ERR_PASSWORDLESS_OPTIONS',
        `stores('${purpose}') must return an express-rate-limit Store with increment() and ` +
          'get() (MemoryStore and rate-limit-redis have both): the daily SMS budgets and other ' +
          'counters are read with get(), and a store without it would never refuse',
      );
    }
    this.#prefix = `${purpose}:`;
    this.#start();
  }

  // Each method awaits the store itself, inside its own try, rather than through
  // one shared async helper taking a closure: a sign-in makes about sixteen
  // counter calls, and that helper's promise and closure per call were, with the
  // code counters' own wrapper, about a sixth of their time (docs/benchmarks.md,
  // "Made faster").

  /** Counts one hit for `key` and says whether it is within the limit. */
  async hit(key: string): Promise<LimitVerdict> {
    let info: ClientRateLimitInfo;
    try {
      if (!this.#initialized) await this.#whenReady();
      info = await this.#store.increment(this.#prefix + key);
    } catch (error) {
      throw this.#unavailable(error);
    }
    return {
      allowed: info.totalHits <= this.max,
      hits: info.totalHits,
      retryAfter: secondsUntil(info.resetTime, this.windowMs),
    };
  }

  /** Reads the count for `key` without counting a hit. */
  async peek(key: string): Promise<LimitVerdict> {
    let info: ClientRateLimitInfo | undefined;
    try {
      if (!this.#initialized) await this.#whenReady();
      info = await this.#store.get!(this.#prefix + key);
    } catch (error) {
      throw this.#unavailable(error);
    }
    // rate-limit-redis reads a missing key as NaN with node-redis (nil is null, not false).
    const hits = Number.isFinite(info?.totalHits) ? (info?.totalHits as number) : 0;
    return {
      allowed: hits < this.max,
      hits,
      retryAfter: secondsUntil(info?.resetTime, this.windowMs),
    };
  }

  /** Gives back one hit (the action it counted did not happen). */
  async refund(key: string): Promise<void> {
    try {
      if (!this.#initialized) await this.#whenReady();
      await this.#store.decrement(this.#prefix + key);
    } catch (error) {
      throw this.#unavailable(error);
    }
  }

  /** Forgets `key`. */
  async reset(key: string): Promise<void> {
    try {
      if (!this.#initialized) await this.#whenReady();
      await this.#store.resetKey(this.#prefix + key);
    } catch (error) {
      throw this.#unavailable(error);
    }
  }

  /**
   * Waits for the store's `init`, starting it again if it failed before. Only
   * until it has once succeeded: after that no call waits on it (each await is
   * another trip through the queue).
   */
  #whenReady(): Promise<void> {
    return this.#ready ?? this.#start();
  }

  /**
   * Starts the store's `init`. A failure is reported to the calls waiting on it
   * (not as an unhandled rejection) and forgotten once they have it, so the next
   * call starts `init` again; that holds for an `init` that throws before it
   * returns a promise, too.
   */
  #start(): Promise<void> {
    // Stores read only `windowMs` from the options they are given.
    const ready = (async () => this.#store.init?.({ windowMs: this.windowMs } as Options))();
    this.#ready = ready;
    ready.then(
      () => {
        this.#initialized = true;
      },
      () => {
        if (this.#ready === ready) this.#ready = undefined;
      },
    );
    return ready;
  }

  #unavailable(error: unknown): StoreUnavailableError {
    return new StoreUnavailableError(`the "${this.purpose}" counter failed`, error);
  }
}

function secondsUntil(resetTime: Date | undefined, windowMs: number): number {
  const ms = resetTime ? resetTime.getTime() - Date.now() : windowMs;
  return Math.max(1, Math.ceil(ms / 1000));
}
