/** passReqToCallback: the verify callback receives the request first. */
import type { Request } from 'express';
import { PasswordlessStrategy } from '../../src/index';
import { startClientFixture, type ClientFixture } from '../support/emulator';
import { run } from './strategy-helpers';

let f: ClientFixture;
beforeAll(async () => {
  f = await startClientFixture();
});
afterAll(async () => f.close());

test('the request comes first, then the login, then done', async () => {
  await f.client.sendEmailLink({ email: 'ada@example.com' });
  const vtoken = new URL(f.emulator.outbox.latest('ada@example.com')!.link!).searchParams.get(
    'vtoken',
  )!;
  const strategy = new PasswordlessStrategy(
    { client: f.client, passReqToCallback: true },
    (req: Request, login, done) =>
      done(null, { tenant: req.headers['x-tenant'], uid: login.profile.Uid }),
  );
  const outcome = await run(strategy, {
    body: { vtoken },
    headers: { 'x-tenant': 'acme' },
  } as never);
  expect(outcome).toMatchObject({
    kind: 'success',
    user: { tenant: 'acme', uid: f.emulator.accounts[0]!.uid },
  });
});
