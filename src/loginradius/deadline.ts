/**
 * One deadline per LoginRadius call, all watched by one shared, coarse timer.
 *
 * Why not `setTimeout` per call: when calls do not overlap, Node creates and
 * drops a timer list for each one, ~15 µs a call — as much as the rest of the
 * client's own work. undici does the same for its own timeouts (lib/util/timers.js).
 * A deadline fires at most {@link TICK_MS} late, which a 10 s deadline can spare.
 * A deadline is a plain entry with a callback: no EventEmitter, no AbortSignal
 * (an EventTarget costs ~20 µs), because the transport aborts its request itself.
 *
 * Why a linked list and not a Set: with 16 calls in flight, a module-level Set
 * (or a Map keyed by a counter) that every call adds to and deletes from cost
 * about 40 µs a call (figures in docs/benchmarks.md, "The client's deadlines in
 * a list"), though the same adds and deletes cost nothing in a loop on their
 * own; an intrusive list, as Node's own timer lists are, adds and removes by
 * relinking two neighbours and showed no cost at all.
 */
export const TICK_MS = 50;

export interface Deadline {
  /** The call is over: stop watching (the ticker stops on its next empty tick). Idempotent. */
  clear(): void;
}

/** A watched deadline, linked into a circular list behind {@link head}. */
interface Entry {
  at: number;
  expire: () => void;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/** The list's sentinel: never expires; an empty list is `head.next === head`. */
const head: Entry = { at: Infinity, expire: () => {}, prev: undefined, next: undefined };
head.prev = head;
head.next = head;
let ticker: ReturnType<typeof setInterval> | undefined;

/** Calls `expire` once `ms` have passed (on a monotonic clock), unless cleared first. */
export function watchDeadline(ms: number, expire: () => void): Deadline {
  // A monotonic clock: a wall-clock jump (NTP) must not cut calls short.
  const last = head.prev!;
  const entry: Entry = { at: performance.now() + ms, expire, prev: last, next: head };
  last.next = entry;
  head.prev = entry;
  if (ticker === undefined) {
    ticker = setInterval(sweep, TICK_MS);
    // Deadlines never keep a process alive on their own.
    ticker.unref();
  }
  return { clear: () => unlink(entry) };
}

function unlink(entry: Entry): void {
  if (entry.next === undefined) return;
  entry.prev!.next = entry.next;
  entry.next.prev = entry.prev;
  entry.prev = undefined;
  entry.next = undefined;
}

function sweep(): void {
  if (head.next === head) {
    clearInterval(ticker);
    ticker = undefined;
    return;
  }
  const now = performance.now();
  // Collected first, expired after: an expiry may clear or add deadlines, which
  // would break a walk along the list; one it cleared is not expired.
  const due: Entry[] = [];
  for (let entry = head.next!; entry !== head; entry = entry.next!) {
    if (now >= entry.at) due.push(entry);
  }
  for (const entry of due) {
    if (entry.next === undefined) continue;
    unlink(entry);
    try {
      entry.expire();
    } catch (error) {
      // Thrown out of a timer, it would end the host's process and leave the
      // other due deadlines for the next tick: reported, and the sweep goes on.
      process.emitWarning(`a LoginRadius call's deadline failed to end it: ${String(error)}`);
    }
  }
}
