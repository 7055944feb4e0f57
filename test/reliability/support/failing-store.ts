import session from 'express-session';

export type StoreOperation = 'get' | 'set' | 'destroy' | 'touch';

/**
 * express-session's MemoryStore whose operations can be made to fail, as a
 * Redis or SQL store does when its server is down: the callback gets an error
 * (never a throw, which express-session does not expect from a store).
 */
export class FailingStore extends session.MemoryStore {
  declare sessions: Record<string, string>;
  /** The operations that fail right now. */
  readonly failing = new Set<StoreOperation>();
  /** How many operations failed so far. */
  failures = 0;

  /** Makes `operations` fail (all of them when none is named). */
  fail(...operations: StoreOperation[]): void {
    for (const operation of operations.length ? operations : ALL) this.failing.add(operation);
  }

  /** Back to normal. */
  recover(): void {
    this.failing.clear();
  }

  override get(
    sid: string,
    callback: (err: unknown, session?: session.SessionData | null) => void,
  ) {
    if (this.#refuse('get', callback)) return;
    super.get(sid, callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void) {
    if (this.#refuse('set', callback)) return;
    super.set(sid, data, callback);
  }

  override destroy(sid: string, callback?: (err?: unknown) => void) {
    if (this.#refuse('destroy', callback)) return;
    super.destroy(sid, callback);
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void) {
    if (this.#refuse('touch', callback)) return;
    super.touch(sid, data, callback);
  }

  #refuse(operation: StoreOperation, callback: ((err: Error) => void) | undefined): boolean {
    if (!this.failing.has(operation)) return false;
    this.failures += 1;
    const error = Object.assign(new Error(`session store unavailable (${operation})`), {
      code: 'ECONNREFUSED',
    });
    setImmediate(() => callback?.(error));
    return true;
  }
}

const ALL: StoreOperation[] = ['get', 'set', 'destroy', 'touch'];
