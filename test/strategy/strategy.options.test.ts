/** PasswordlessStrategy validates its options when it is built, with messages that say what to pass. */
import { LoginRadiusClient, PasswordlessStrategy } from '../../src/index';

const client = new LoginRadiusClient({ apiKey: 'k' });
const verify = async () => 'user';

test('a missing verify callback is a TypeError naming the strategy', () => {
  expect(() => new PasswordlessStrategy({ client }, undefined as never)).toThrow(
    /PasswordlessStrategy requires a verify callback/,
  );
});

test('a missing or wrong client is a TypeError', () => {
  expect(() => new PasswordlessStrategy({} as never, verify)).toThrow(/client/);
  expect(() => new PasswordlessStrategy({ client: {} as never }, verify)).toThrow(
    /LoginRadiusClient/,
  );
  expect(() => new PasswordlessStrategy(undefined as never, verify)).toThrow(/options/);
});

test('limits must be positive integers', () => {
  expect(() => new PasswordlessStrategy({ client, maxOtpAttempts: 0 }, verify)).toThrow(
    /maxOtpAttempts/,
  );
  expect(() => new PasswordlessStrategy({ client, maxOtpFailuresPerPhone: 1.5 }, verify)).toThrow(
    /maxOtpFailuresPerPhone/,
  );
});
