import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { LoginRadiusError } from './errors';

/** Milliseconds since the epoch; injectable so tests drive expiry without sleeping. */
export type Clock = () => number;

interface LinkToken {
  uid: string;
  expiresAt: number;
  used: boolean;
}

/** Email link tokens: single use, expiring. */
export class LinkTokenStore {
  readonly #tokens = new Map<string, LinkToken>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(uid: string): string {
    const token = randomBytes(32).toString('hex');
    this.#tokens.set(token, { uid, expiresAt: this.clock() + this.ttlMs, used: false });
    return token;
  }

  /**
   * The uid the token was issued for, checking it is still spendable; throws
   * 1063 (unknown), 1062 (used) or 975 (expired). Call {@link spend} once the
   * login goes ahead, so a refusal after this check leaves the token intact.
   */
  check(token: string): string {
    const entry = this.#tokens.get(token);
    if (!entry) throw new LoginRadiusError(1063);
    if (entry.used) throw new LoginRadiusError(1062);
    if (this.clock() >= entry.expiresAt) throw new LoginRadiusError(975);
    return entry.uid;
  }

  spend(token: string): void {
    const entry = this.#tokens.get(token);
    if (entry) entry.used = true;
  }
}

interface Otp {
  code: string;
  uid: string;
  expiresAt: number;
  used: boolean;
}

/**
 * One-time codes: one current code per key (a phone for SMS and voice codes, an
 * account for emailed ones); a new send replaces the old one.
 */
export class OtpStore {
  readonly #codes = new Map<string, Otp>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly length: number,
  ) {}

  /** Makes (or, for a test phone, uses `fixedCode`) the current code for `key`. */
  issue(key: string, uid: string, fixedCode?: string): string {
    const code =
      fixedCode ??
      randomInt(0, 10 ** this.length)
        .toString()
        .padStart(this.length, '0');
    this.#codes.set(key, { code, uid, expiresAt: this.clock() + this.ttlMs, used: false });
    return code;
  }

  /**
   * Checks `code` against the current code of `key` and spends it. The current
   * code already used → 1068, expired → 1069; anything else (a wrong code, no
   * code, a code for another account) → 1067.
   */
  spend(key: string, uid: string, code: string): void {
    const current = this.#codes.get(key);
    if (!current || current.uid !== uid || !sameSecret(current.code, code)) {
      throw new LoginRadiusError(1067);
    }
    if (current.used) throw new LoginRadiusError(1068);
    if (this.clock() >= current.expiresAt) throw new LoginRadiusError(1069);
    current.used = true;
  }
}

/** Constant-time comparison, so response times do not leak how much of a guess was right. */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
