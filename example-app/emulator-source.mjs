import { request } from 'undici';

/**
 * What the demo shows from a LoginRadius emulator: its accounts (listed on the
 * sign-in page) and its outbox (the dev mailbox). Either the emulator running
 * in this process, or a separately started `loginradius-emulator` read through
 * its `/emulator/*` control API (DEV_MAILBOX=1). Never used with LoginRadius.
 *
 * @typedef {object} EmulatorSource
 * @property {() => Promise<import('./views/sign-in.mjs').DemoAccount[]>} accounts
 * @property {() => Promise<import('passport-loginradius-passwordless/emulator').OutboxMessage[]>} messages Newest first.
 */

/**
 * @param {import('passport-loginradius-passwordless/emulator').Emulator} emulator
 * @returns {EmulatorSource}
 */
export function localEmulatorSource(emulator) {
  return {
    accounts: async () =>
      emulator.accounts.map((account) => ({
        email: account.email,
        name: account.profile.FullName ?? undefined,
        username: account.username,
        phone: account.phone,
        phoneVerified: account.phoneVerified,
        blocked: account.blocked,
      })),
    messages: async () => [...emulator.outbox].reverse(),
  };
}

/**
 * @param {string} baseUrl The emulator's URL (LOGINRADIUS_API_BASE_URL).
 * @returns {EmulatorSource}
 */
export function remoteEmulatorSource(baseUrl) {
  const read = async (path) => {
    const response = await request(`${baseUrl}${path}`, {
      headersTimeout: 2000,
      bodyTimeout: 2000,
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`${path} answered ${response.statusCode}`);
    }
    return response.body.json();
  };
  return {
    accounts: async () => read('/emulator/accounts'),
    messages: async () => (await read('/emulator/outbox')).reverse(),
  };
}
