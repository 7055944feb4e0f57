/**
 * When PasswordlessStrategy calls error: LoginRadius down or slow, and a verify
 * callback that throws or rejects.
 */
import { PasswordlessStrategy } from '../../src/index';
import { startClientFixture, type ClientFixture } from '../support/emulator';
import { run } from './strategy-helpers';

let f: ClientFixture;
beforeAll(async () => {
  // Short enough for the hang to end quickly, long enough for a loaded CI machine's 429.
  f = await startClientFixture({}, { timeout: 1000 });
});
afterAll(async () => f.close());
afterEach(() => f.emulator.clearFaults());

const TOKEN = '0123456789abcdef0123456789abcdef';

test.each([
  ['a 503', { type: 'status', status: 503 }, 'LR_UNAVAILABLE'],
  ['a hang', { type: 'hang' }, 'LR_TIMEOUT'],
  ['a 429', { type: 'rate_limit', retryAfter: 3 }, 'LR_RATE_LIMITED'],
] as const)('%s upstream is an error with its code', async (_name, fault, code) => {
  f.emulator.inject({ ...fault, times: 1 });
  const strategy = new PasswordlessStrategy({ client: f.client }, async () => 'user');
  const outcome = await run(strategy, { body: { vtoken: TOKEN } });
  expect(outcome).toMatchObject({ kind: 'error', error: { code } });
});

test('a verify callback that throws or rejects is an error', async () => {
  const token = async (email: string) => {
    await f.client.sendEmailLink({ email });
    return new URL(f.emulator.outbox.latest(email)!.link!).searchParams.get('vtoken')!;
  };
  const throwing = new PasswordlessStrategy({ client: f.client }, () => {
    throw new Error('db down');
  });
  expect(await run(throwing, { body: { vtoken: await token('ada@example.com') } })).toMatchObject({
    kind: 'error',
    error: { message: 'db down' },
  });
  const rejecting = new PasswordlessStrategy({ client: f.client }, async () => {
    throw new Error('db still down');
  });
  expect(
    await run(rejecting, { body: { vtoken: await token('grace@example.com') } }),
  ).toMatchObject({ kind: 'error', error: { message: 'db still down' } });
  const doneError = new PasswordlessStrategy({ client: f.client }, (_login, done) =>
    done(new Error('nope')),
  );
  expect(
    await run(doneError, { body: { vtoken: await token('linus@example.com') } }),
  ).toMatchObject({ kind: 'error', error: { message: 'nope' } });
});
