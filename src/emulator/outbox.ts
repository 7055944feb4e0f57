import { foldCase, normalizePhone } from './identifiers';
import type { OutboxMessage } from './types';

/**
 * Everything the emulator "sent", oldest first. A real array, so tests can use
 * `find`, `filter`, `at(-1)` and friends; the helpers below cover the common
 * questions. Derived arrays (`filter`, `map`, …) are plain arrays.
 */
export class Outbox extends Array<OutboxMessage> {
  /** Array methods such as `map` and `filter` return plain arrays, not Outboxes. */
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** The messages sent to `to`: an email (case-insensitively) or a phone (E.164). */
  for(to: string): OutboxMessage[] {
    const wanted = recipientKey(to);
    return this.filter((message) => recipientKey(message.to) === wanted);
  }

  /** The newest message, or the newest one sent to `to`. */
  latest(to?: string): OutboxMessage | undefined {
    const messages = to === undefined ? this : this.for(to);
    return messages[messages.length - 1];
  }

  /** Forgets every message. */
  clear(): void {
    this.length = 0;
  }
}

function recipientKey(to: string): string {
  // Phones compare on their E.164 form so `+1 415-555-0101` finds `+14155550101`.
  return to.includes('@') ? foldCase(to) : (normalizePhone(to) ?? to);
}
