import { LoginRadiusError } from './errors';
import type { OtpStore } from './tokens';
import type { EmulatorAccount } from './types';

/**
 * Brute-force lockout for one-time codes: after `limit` consecutive wrong codes
 * (SMS, voice and emailed alike, counted per account) the account is locked. A
 * right code sets the count back to zero; a used or expired code is not a guess
 * and leaves it alone.
 */
export class WrongCodeLockout {
  readonly #wrong = new Map<string, number>();

  /** `limit` is `Infinity` when lockouts are off. */
  constructor(
    private readonly limit: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Spends `code` for `account` from `store` (see {@link OtpStore.spend}), counting a wrong one. */
  spend(store: OtpStore, key: string, account: EmulatorAccount, code: string): void {
    try {
      store.spend(key, account.uid, code);
    } catch (error) {
      if (error instanceof LoginRadiusError && error.errorCode === 1067) this.#wrongCode(account);
      throw error;
    }
    this.#wrong.delete(account.uid);
  }

  /** Starts the count of `uid` afresh (when an account is locked or unlocked by hand). */
  forget(uid: string): void {
    this.#wrong.delete(uid);
  }

  #wrongCode(account: EmulatorAccount): void {
    const count = (this.#wrong.get(account.uid) ?? 0) + 1;
    if (count < this.limit) {
      this.#wrong.set(account.uid, count);
      return;
    }
    this.#wrong.delete(account.uid);
    account.locked = true;
    this.log(`locked ${account.email} after ${count} wrong codes`);
  }
}
