import { randomBytes } from 'node:crypto';
import type { Profile } from '../loginradius/profile';
import { EmulatorOptionsError } from './errors';
import { foldCase, isEmail, normalizePhone } from './identifiers';
import sampleProfile from './sample-profile.json';
import type { EmulatorAccount, EmulatorAccountInput } from './types';

// The sample from LoginRadius's reference, so every account carries every key a
// real Profile has; each account overwrites the identifying ones.
const SAMPLE_PROFILE: Readonly<Profile> = sampleProfile as Profile;

/** The accounts of one emulator, indexed by every identifier a request can name. */
export class AccountStore {
  readonly #accounts: EmulatorAccount[] = [];

  /** Every account, in creation order (the live objects). */
  list(): EmulatorAccount[] {
    return [...this.#accounts];
  }

  add(input: EmulatorAccountInput): EmulatorAccount {
    const account = createAccount(input);
    const clash = this.#accounts.find(
      (other) =>
        foldCase(other.email) === foldCase(account.email) ||
        (account.username !== undefined &&
          other.username !== undefined &&
          foldCase(other.username) === foldCase(account.username)) ||
        (account.phone !== undefined && other.phone === account.phone),
    );
    if (clash) {
      throw new EmulatorOptionsError(
        `An account with the email, username or phone of ${account.email} already exists (${clash.email}).`,
      );
    }
    this.#accounts.push(account);
    return account;
  }

  byEmail(email: string): EmulatorAccount | undefined {
    const wanted = foldCase(email);
    return this.#accounts.find((account) => foldCase(account.email) === wanted);
  }

  byUsername(username: string): EmulatorAccount | undefined {
    const wanted = foldCase(username);
    return this.#accounts.find(
      (account) => account.username !== undefined && foldCase(account.username) === wanted,
    );
  }

  /** `phone` must already be in E.164. */
  byPhone(phone: string): EmulatorAccount | undefined {
    return this.#accounts.find((account) => account.phone === phone);
  }

  byUid(uid: string): EmulatorAccount | undefined {
    return this.#accounts.find((account) => account.uid === uid);
  }

  /** Blocks or unblocks the account with this email or uid. */
  setBlocked(emailOrUid: string, blocked: boolean): EmulatorAccount {
    const account = this.#find(emailOrUid);
    account.blocked = blocked;
    return account;
  }

  /** Locks or unlocks the account with this email or uid. */
  setLocked(emailOrUid: string, locked: boolean): EmulatorAccount {
    const account = this.#find(emailOrUid);
    account.locked = locked;
    return account;
  }

  #find(emailOrUid: string): EmulatorAccount {
    const account = this.byUid(emailOrUid) ?? this.byEmail(emailOrUid);
    if (!account) {
      throw new EmulatorOptionsError(`No account has the email or uid "${emailOrUid}".`);
    }
    return account;
  }
}

function randomHex32(): string {
  return randomBytes(16).toString('hex');
}

/** Validates an account input and builds the account with its full Profile. */
export function createAccount(input: EmulatorAccountInput): EmulatorAccount {
  if (input === null || typeof input !== 'object') {
    throw new EmulatorOptionsError('An account must be an object with at least an `email`.');
  }
  if (typeof input.email !== 'string' || !isEmail(input.email)) {
    throw new EmulatorOptionsError(
      `An account needs a valid \`email\`; got ${JSON.stringify(input.email)}.`,
    );
  }
  if (input.username !== undefined && (typeof input.username !== 'string' || !input.username)) {
    throw new EmulatorOptionsError(`\`username\` of ${input.email} must be a non-empty string.`);
  }
  let phone: string | undefined;
  if (input.phone !== undefined) {
    phone = typeof input.phone === 'string' ? normalizePhone(input.phone) : undefined;
    if (!phone) {
      throw new EmulatorOptionsError(
        `\`phone\` of ${input.email} must be an E.164 number like +14155550101; got ${JSON.stringify(input.phone)}.`,
      );
    }
  }
  for (const flag of ['phoneVerified', 'blocked', 'locked', 'twoFactor'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
      throw new EmulatorOptionsError(`\`${flag}\` of ${input.email} must be a boolean.`);
    }
  }
  if (
    input.profile !== undefined &&
    (input.profile === null || typeof input.profile !== 'object')
  ) {
    throw new EmulatorOptionsError(`\`profile\` of ${input.email} must be an object.`);
  }

  const uid = randomHex32();
  const phoneVerified = phone !== undefined && (input.phoneVerified ?? true);
  return {
    uid,
    email: input.email,
    ...(input.username !== undefined && { username: input.username }),
    ...(phone !== undefined && { phone }),
    phoneVerified,
    blocked: input.blocked ?? false,
    locked: input.locked ?? false,
    twoFactor: input.twoFactor ?? false,
    profile: buildProfile(uid, input, phone, phoneVerified),
  };
}

function buildProfile(
  uid: string,
  input: EmulatorAccountInput,
  phone: string | undefined,
  phoneVerified: boolean,
): Profile {
  const sample: Profile = structuredClone(SAMPLE_PROFILE);
  // The sample's `phoneId` is a placeholder; live profiles carry `PhoneId`.
  delete sample.phoneId;
  const names = namesFromEmail(input.email);
  return {
    ...sample,
    Uid: uid,
    ID: randomHex32(),
    UserName: input.username ?? null,
    PhoneId: phone ?? null,
    PhoneIdVerified: phoneVerified,
    Email: [{ Type: 'Primary', Value: input.email }],
    EmailVerified: true,
    FirstName: names.first,
    LastName: names.last,
    FullName: names.full,
    ...structuredClone(input.profile ?? {}),
  };
}

/** `ada.lovelace@…` → Ada / Lovelace / Ada Lovelace; `ada@…` → Ada / null / Ada. */
function namesFromEmail(email: string): {
  first: string | null;
  last: string | null;
  full: string;
} {
  const local = email.slice(0, email.lastIndexOf('@'));
  const words = local
    .split(/[._\-+]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const [first = local, ...rest] = words;
  return { first, last: rest.length ? rest.join(' ') : null, full: [first, ...rest].join(' ') };
}
