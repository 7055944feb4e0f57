import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  DEMO_ACCOUNTS,
  EmulatorOptionsError,
  startEmulator,
  type Emulator,
} from '../../src/emulator';
import sampleProfile from '../../src/emulator/sample-profile.json';
import { PATHS, call, expectLoginRadiusError } from './helpers';

describe('demo accounts', () => {
  it('have phone numbers libphonenumber-js accepts', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(account.phone && parsePhoneNumberFromString(account.phone)?.isValid()).toBe(true);
    }
  });

  it('cannot be edited in place', () => {
    expect(Object.isFrozen(DEMO_ACCOUNTS)).toBe(true);
    expect(Object.isFrozen(DEMO_ACCOUNTS[0]?.profile)).toBe(true);
  });

  it('cover a verified, an unverified-phone and a blocked account', () => {
    expect(DEMO_ACCOUNTS.map((account) => account.email)).toEqual([
      'ada@example.com',
      'grace@example.com',
      'linus@example.com',
      'mallory@example.com',
    ]);
    expect(DEMO_ACCOUNTS.find((account) => account.phoneVerified === false)?.username).toBe(
      'linus',
    );
    expect(DEMO_ACCOUNTS.find((account) => account.blocked)?.username).toBe('mallory');
  });
});

describe('accounts and their profiles', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: true });
  });
  afterAll(() => emulator.close());

  it('gives each account a fresh 32-hex uid and a full Profile built on the sample', () => {
    const [ada, grace] = emulator.accounts;
    expect(ada?.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(ada?.uid).not.toBe(grace?.uid);
    expect(ada?.profile).toMatchObject({
      Uid: ada?.uid,
      ID: expect.stringMatching(/^[0-9a-f]{32}$/),
      UserName: 'ada',
      Email: [{ Type: 'Primary', Value: 'ada@example.com' }],
      EmailVerified: true,
      PhoneId: '+14155550101',
      PhoneIdVerified: true,
      FirstName: 'Ada',
      LastName: 'Lovelace',
      FullName: 'Ada Lovelace',
    });
    expect(ada?.profile).not.toHaveProperty('phoneId');
    // Every other key of LoginRadius's sample is there.
    for (const key of Object.keys(sampleProfile).filter((key) => key !== 'phoneId')) {
      expect(ada?.profile).toHaveProperty(key);
    }
  });

  it('derives names from the email unless the profile overrides them', () => {
    const plain = emulator.addAccount({ email: 'jane.q.doe@example.org' });
    expect(plain.profile).toMatchObject({
      FirstName: 'Jane',
      LastName: 'Q Doe',
      FullName: 'Jane Q Doe',
    });
    expect(plain).toMatchObject({ phoneVerified: false, blocked: false });
    expect(plain.profile.PhoneId).toBeNull();
    expect(plain.profile.UserName).toBeNull();
    const custom = emulator.addAccount({
      email: 'x@example.org',
      phone: '+1 415 555 0188',
      profile: { FirstName: 'Xavier', Company: 'Acme' },
    });
    expect(custom.phone).toBe('+14155550188');
    expect(custom.phoneVerified).toBe(true);
    expect(custom.profile).toMatchObject({
      FirstName: 'Xavier',
      Company: 'Acme',
      PhoneId: '+14155550188',
    });
  });

  it('does not share Profile objects between accounts', () => {
    const [ada, grace] = emulator.accounts;
    expect(ada?.profile.Addresses).not.toBe(grace?.profile.Addresses);
  });

  it('refuses a duplicate email, username or phone', () => {
    expect(() => emulator.addAccount({ email: 'ADA@example.com' })).toThrow(/already exists/);
    expect(() => emulator.addAccount({ email: 'a2@example.com', username: 'Ada' })).toThrow(
      EmulatorOptionsError,
    );
    expect(() => emulator.addAccount({ email: 'a3@example.com', phone: '+14155550101' })).toThrow(
      EmulatorOptionsError,
    );
  });

  it('refuses a malformed account', () => {
    expect(() => emulator.addAccount({ email: 'nope' })).toThrow(/valid `email`/);
    expect(() => emulator.addAccount({ email: 'p@example.com', phone: '4155550101x' })).toThrow(
      /E\.164/,
    );
    expect(() => emulator.addAccount({} as never)).toThrow(EmulatorOptionsError);
  });

  it('blockAccount blocks by email or uid and unblocks with false', async () => {
    const account = emulator.addAccount({ email: 'block.me@example.com' });
    emulator.blockAccount(account.uid);
    expectLoginRadiusError(
      await call(emulator, PATHS.sendEmailLink, { email: account.email }),
      991,
    );
    emulator.blockAccount('BLOCK.ME@example.com', false);
    expect((await call(emulator, PATHS.sendEmailLink, { email: account.email })).status).toBe(200);
    expect(() => emulator.blockAccount('ghost@example.com')).toThrow(/No account/);
  });

  it('serves accounts seeded through options instead of the demo ones', async () => {
    const custom = await startEmulator({ quiet: true, accounts: [{ email: 'solo@example.com' }] });
    try {
      expect(custom.accounts.map((account) => account.email)).toEqual(['solo@example.com']);
      expectLoginRadiusError(
        await call(custom, PATHS.sendEmailLink, { email: 'ada@example.com' }),
        1023,
      );
    } finally {
      await custom.close();
    }
  });
});
