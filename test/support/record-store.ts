/**
 * A cross-device record store for tests (the routers' `crossDeviceStore`): a
 * MemoryStore that a test can look into, break, and pause, to put a race's two
 * sides in the order it wants.
 */
import session from 'express-session';
import type { TestAppOptions } from './test-app';

type Callback = (error?: unknown) => void;

export interface TestRecordStore {
  /** Where the records are kept. */
  readonly records: session.MemoryStore;
  /** Every call fails while set. */
  down: boolean;
  /** Deletes fail while set. */
  destroyDown: boolean;
  /** Reads made so far. */
  readonly reads: number;
  /**
   * Holds the `nth` read from now (1: the next) after it read the record, until
   * `release()`; `inside` resolves once it is held.
   */
  holdRead(nth?: number): { inside: Promise<void>; release: () => void };
  /** The stored records, with their state and whether each holds a user. */
  stored(): { state: string; user: boolean }[];
  /** Both routers' cross-device options with this store. */
  options(): Pick<TestAppOptions, 'requestRouter' | 'verifyRouter'>;
}

export function testRecordStore(): TestRecordStore {
  const records = new session.MemoryStore();
  let reads = 0;
  let held: { at: number; entered: () => void; released: Promise<void> } | undefined;
  const fail = (callback?: Callback): void => callback?.(new Error('the record store is down'));
  const store = {
    get(id: string, callback: (error: unknown, value?: session.SessionData | null) => void) {
      if (control.down) return fail(callback);
      reads += 1;
      const hold = held?.at === reads ? held : undefined;
      if (!hold) return records.get(id, callback);
      held = undefined;
      return records.get(id, (error, value) => {
        hold.entered();
        void hold.released.then(() => callback(error, value));
      });
    },
    set: (id: string, value: session.SessionData, callback?: Callback) =>
      control.down ? fail(callback) : records.set(id, value, callback),
    destroy: (id: string, callback?: Callback) =>
      control.down || control.destroyDown ? fail(callback) : records.destroy(id, callback),
  };
  const control: TestRecordStore = {
    records,
    down: false,
    destroyDown: false,
    get reads() {
      return reads;
    },
    holdRead(nth = 1) {
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { at: reads + nth, entered, released };
      return { inside, release };
    },
    stored() {
      // MemoryStore keeps each record as JSON in `sessions` (not in its typings).
      const { sessions } = records as unknown as { sessions: Record<string, string> };
      return Object.entries(sessions)
        .filter(([id]) => id.startsWith('passwordless-cross-device:'))
        .map(([, json]) => {
          const record = JSON.parse(json) as { state: string; user?: unknown };
          return { state: record.state, user: record.user !== undefined };
        });
    },
    options: () => ({
      requestRouter: { crossDevice: true, crossDeviceStore: store },
      verifyRouter: { crossDevice: true, crossDeviceStore: store },
    }),
  };
  return control;
}
