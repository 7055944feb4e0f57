import type { EmulatorAccountInput } from './types';

/**
 * The accounts an emulator starts with unless told otherwise: one for each
 * outcome a demo wants to show. The phone numbers are valid for
 * libphonenumber-js and reserved for fiction (555-01xx in North America,
 * Ofcom's drama range in London).
 */
export const DEMO_ACCOUNTS: readonly EmulatorAccountInput[] = deepFreeze([
  {
    email: 'ada@example.com',
    username: 'ada',
    phone: '+14155550101',
    profile: { FirstName: 'Ada', LastName: 'Lovelace', FullName: 'Ada Lovelace' },
  },
  {
    email: 'grace@example.com',
    username: 'grace',
    phone: '+442079460958',
    profile: { FirstName: 'Grace', LastName: 'Hopper', FullName: 'Grace Hopper' },
  },
  {
    // The phone is not verified: an SMS code is refused with 1066.
    email: 'linus@example.com',
    username: 'linus',
    phone: '+14155550103',
    phoneVerified: false,
    profile: { FirstName: 'Linus', LastName: 'Torvalds', FullName: 'Linus Torvalds' },
  },
  {
    // Blocked: every send and verify is refused with 991.
    email: 'mallory@example.com',
    username: 'mallory',
    phone: '+14155550104',
    blocked: true,
    profile: { FirstName: 'Mallory', LastName: 'Blocked', FullName: 'Mallory Blocked' },
  },
]);

// Shared by every emulator that is not given accounts: nobody may edit them in place.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
