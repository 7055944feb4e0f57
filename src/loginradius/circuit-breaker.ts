/**
 * A consecutive-failure circuit breaker: closed → (threshold failures) → open →
 * (cool-down) → half-open with a single probe → closed or open again.
 *
 * Written here rather than taken from cockatiel or opossum because the client
 * needs two things they do not expose: the seconds left until the next probe
 * (sent to browsers as `Retry-After`), and an injectable clock so the states can
 * be tested without waiting out real cool-downs. It is 60 lines with no timers.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  threshold: number;
  cooldownMs: number;
  now: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private opened = false;

  constructor(private readonly settings: BreakerSettings) {}

  /** The state right now. */
  get state(): BreakerState {
    if (!this.opened) return 'closed';
    return this.settings.now() - this.openedAt >= this.settings.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * Asks to make a call. Returns `undefined` when the call may go ahead, or the
   * whole seconds to wait when the breaker refuses it.
   */
  tryAcquire(): number | undefined {
    const state = this.state;
    if (state === 'closed') return undefined;
    if (state === 'half-open' && !this.probing) {
      this.probing = true;
      return undefined;
    }
    const remaining = this.settings.cooldownMs - (this.settings.now() - this.openedAt);
    return Math.max(1, Math.ceil(remaining / 1000));
  }

  /** The upstream answered in a way that shows it is healthy. */
  recordSuccess(): void {
    this.failures = 0;
    this.opened = false;
    this.probing = false;
  }

  /** The upstream failed (timeout, connection error, 5xx, 429, garbage). */
  recordFailure(): void {
    this.failures += 1;
    if (this.probing || this.failures >= this.settings.threshold) {
      this.opened = true;
      this.openedAt = this.settings.now();
    }
    this.probing = false;
  }

  /** The call ended without telling anything about the upstream (aborted by the caller). */
  release(): void {
    this.probing = false;
  }
}
