/**
 * When PasswordlessStrategy calls fail: missing credentials (400), a refused
 * token or code with a typed reason, no pending flow, and a verify callback that
 * returns no user. Never success without a LoginResult.
 */
import { PasswordlessStrategy } from '../../src/index';
import { startClientFixture, type ClientFixture } from '../support/emulator';
import { run } from './strategy-helpers';

let f: ClientFixture;
let strategy: PasswordlessStrategy;
beforeAll(async () => {
  f = await startClientFixture();
  strategy = new PasswordlessStrategy({ client: f.client }, async (login) => login.profile.Uid);
});
afterAll(async () => f.close());

test('no token and no code: fail with 400 and reason missing_credentials', async () => {
  const outcome = await run(strategy, {});
  expect(outcome).toMatchObject({
    kind: 'fail',
    status: 400,
    challenge: { reason: 'missing_credentials' },
  });
});

test('an unknown token: fail 401 with reason invalid and the precise error', async () => {
  const outcome = await run(strategy, { body: { vtoken: '0123456789abcdef0123456789abcdef' } });
  expect(outcome).toMatchObject({
    kind: 'fail',
    status: 401,
    challenge: { reason: 'invalid', error: { code: 'VERIFY_FAILED', reason: 'invalid' } },
  });
});

test('a code with no pending flow fails with no_pending_flow and no upstream call', async () => {
  f.emulator.resetCalls();
  const outcome = await run(strategy, {
    body: { otp: '123456', phone: '+14155550101' },
    session: {},
  } as never);
  expect(outcome).toMatchObject({ kind: 'fail', challenge: { reason: 'no_pending_flow' } });
  expect(f.emulator.calls.total).toBe(0);
});

test('a verify callback returning false fails the login', async () => {
  await f.client.sendEmailLink({ email: 'ada@example.com' });
  const vtoken = new URL(f.emulator.outbox.latest('ada@example.com')!.link!).searchParams.get(
    'vtoken',
  )!;
  const refusing = new PasswordlessStrategy({ client: f.client }, async () => false);
  const outcome = await run(refusing, { body: { vtoken } });
  expect(outcome).toMatchObject({ kind: 'fail', challenge: { reason: 'rejected' } });
});

test('the vtype is ignored: only the token decides', async () => {
  f.emulator.resetCalls();
  const outcome = await run(strategy, {
    body: { vtype: 'emailverification', vtoken: 'fedcba9876543210fedcba9876543210' },
  });
  expect(outcome).toMatchObject({ kind: 'fail', challenge: { reason: 'invalid' } });
  expect(f.emulator.calls.verifyEmailToken).toBe(1);
});
