import type { Emulator } from '../../../src/emulator/index';

/**
 * Hands out identifiers no other request in a suite has used: a new emulator
 * account per email (so no resend cooldown applies) and the next unused test
 * phone. `emulator` is read on each call because suites restart their app.
 */
export class FreshIdentities {
  #accounts = 0;
  #phones = 0;

  constructor(
    private readonly prefix: string,
    private readonly phones: readonly string[],
    private readonly emulator: () => Emulator,
  ) {}

  email(): string {
    this.#accounts += 1;
    const email = `${this.prefix}-${this.#accounts}@example.com`;
    this.emulator().addAccount({ email });
    return email;
  }

  phone(): string {
    const phone = this.phones[this.#phones];
    this.#phones += 1;
    if (!phone) throw new Error(`out of test phones: raise the ${this.prefix} suite's PHONES`);
    return phone;
  }

  /** Starts the phones over (for a suite whose fresh emulator forgot them). */
  restartPhones(): void {
    this.#phones = 0;
  }
}
