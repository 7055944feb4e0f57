/**
 * One deadline per LoginRadius call, all watched by one shared, coarse timer.
 *
 * Why not `setTimeout` per call: when calls do not overlap, Node creates and
 * drops a timer list for each one, ~15 µs a call — as much as the rest of the
 * client's own work. undici does the same for its own timeouts (lib/util/timers.js).
 * A deadline fires at most {@link TICK_MS} late, which a 10 s deadline can spare.
 * A deadline is a plain entry with a callback: no EventEmitter, no AbortSignal
 * (an EventTarget costs ~20 µs), because the transport aborts its request itself.
 */
export const TICK_MS = 50;

export interface Deadline {
  /** The call is over: stop watching (the ticker stops on its next empty tick). */
  clear(): void;
}

interface Entry {
  at: number;
  expire: () => void;
}

const watched = new Set<Entry>();
let ticker: ReturnType<typeof setInterval> | undefined;

/** Calls `expire` once `ms` have passed (on a monotonic clock), unless cleared first. */
export function watchDeadline(ms: number, expire: () => void): Deadline {
  // A monotonic clock: a wall-clock jump (NTP) must not cut calls short.
  const entry: Entry = { at: performance.now() + ms, expire };
  watched.add(entry);
  if (ticker === undefined) {
    ticker = setInterval(sweep, TICK_MS);
    // Deadlines never keep a process alive on their own.
    ticker.unref();
  }
  return { clear: () => watched.delete(entry) };
}

function sweep(): void {
  if (watched.size === 0) {
    clearInterval(ticker);
    ticker = undefined;
    return;
  }
  const now = performance.now();
  for (const entry of watched) {
    if (now >= entry.at) {
      watched.delete(entry);
      entry.expire();
    }
  }
}
