import { EventEmitter } from 'node:events';

/**
 * One deadline per LoginRadius call, all watched by one shared, coarse timer.
 *
 * Why not `setTimeout` per call: when calls do not overlap, Node creates and
 * drops a timer list for each one, ~15 µs a call — as much as the rest of the
 * client's own work. undici does the same for its own timeouts (lib/util/timers.js).
 * A deadline fires at most {@link TICK_MS} late, which a 10 s deadline can spare.
 *
 * A Deadline is an EventEmitter that emits `'abort'`, which undici accepts as a
 * request's `signal` for ~1 µs, where an AbortSignal costs ~20 µs (EventTarget).
 */
export const TICK_MS = 50;

const watched = new Set<Deadline>();
let ticker: ReturnType<typeof setInterval> | undefined;

export class Deadline extends EventEmitter {
  aborted = false;
  readonly at: number;

  constructor(ms: number) {
    super();
    // A monotonic clock: a wall-clock jump (NTP) must not cut calls short.
    this.at = performance.now() + ms;
    watched.add(this);
    if (ticker === undefined) {
      ticker = setInterval(sweep, TICK_MS);
      // Deadlines never keep a process alive on their own.
      ticker.unref();
    }
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    watched.delete(this);
    this.emit('abort');
  }

  /** The call is over: stop watching (the ticker stops on its next empty tick). */
  clear(): void {
    watched.delete(this);
  }
}

function sweep(): void {
  if (watched.size === 0) {
    clearInterval(ticker);
    ticker = undefined;
    return;
  }
  const now = performance.now();
  for (const deadline of watched) {
    if (now >= deadline.at) deadline.abort();
  }
}
