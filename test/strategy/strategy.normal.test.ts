/**
 * PasswordlessStrategy on its own, as apps that write their own routes use it:
 * a link token or a code with a pending flow is exchanged and the verify
 * callback's user is passed to success — callback or promise style.
 */
import { PasswordlessStrategy, type LoginResult } from '../../src/index';
import { startClientFixture, type ClientFixture } from '../support/emulator';
import { run } from './strategy-helpers';

let f: ClientFixture;
beforeAll(async () => {
  f = await startClientFixture();
});
afterAll(async () => f.close());

async function linkToken(email: string): Promise<string> {
  await f.client.sendEmailLink({ email });
  return new URL(f.emulator.outbox.latest(email)!.link!).searchParams.get('vtoken')!;
}

test('name defaults to loginradius-passwordless and can be changed', () => {
  const verify = async (login: LoginResult) => login.profile;
  expect(new PasswordlessStrategy({ client: f.client }, verify).name).toBe(
    'loginradius-passwordless',
  );
  expect(new PasswordlessStrategy({ client: f.client, name: 'lr' }, verify).name).toBe('lr');
});

test('a link token with an async verify calls success with its user', async () => {
  const strategy = new PasswordlessStrategy({ client: f.client }, async (login) => ({
    id: login.profile.Uid,
  }));
  const outcome = await run(strategy, { body: { vtoken: await linkToken('ada@example.com') } });
  expect(outcome).toEqual({
    kind: 'success',
    user: { id: f.emulator.accounts[0]!.uid },
    info: { channel: 'email', uid: f.emulator.accounts[0]!.uid },
  });
});

test('a link token in the query (vtoken) also works, with a done-style verify', async () => {
  const strategy = new PasswordlessStrategy({ client: f.client }, (login, done) =>
    done(null, login.profile.Uid),
  );
  const outcome = await run(strategy, {
    query: { vtype: 'oneclicksignin', vtoken: await linkToken('grace@example.com') },
  });
  expect(outcome).toMatchObject({ kind: 'success', user: f.emulator.accounts[1]!.uid });
});

test('a code is verified for the phone of the pending flow in the session', async () => {
  const phone = f.emulator.accounts[0]!.phone!;
  await f.client.sendPhoneOtp({ phone });
  const otp = f.emulator.outbox.latest(phone)!.otp!;
  const session: Record<string, unknown> = {
    loginradiusPasswordless: {
      id: 'flow-1',
      channel: 'sms',
      phone,
      sentAt: Date.now(),
      expiresAt: Date.now() + 60_000,
      attempts: 0,
    },
  };
  const strategy = new PasswordlessStrategy(
    { client: f.client },
    async (login) => login.profile.Uid,
  );
  const outcome = await run(strategy, { body: { otp }, session } as never);
  expect(outcome).toMatchObject({
    kind: 'success',
    user: f.emulator.accounts[0]!.uid,
    info: { channel: 'sms' },
  });
  expect(session.loginradiusPasswordless).toBeUndefined();
});

test('fields are passed to LoginRadius', async () => {
  const strategy = new PasswordlessStrategy(
    { client: f.client, fields: ['FirstName'] },
    async (login) => login.profile,
  );
  const outcome = await run(strategy, { body: { vtoken: await linkToken('linus@example.com') } });
  expect(outcome.kind === 'success' && Object.keys(outcome.user as object).sort()).toEqual([
    'FirstName',
    'Uid',
  ]);
});
