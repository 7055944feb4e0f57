import { LoginRadiusError } from './errors';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/**
 * The site settings and account states that refuse a request before it does
 * anything, each with the ErrorCode LoginRadius answers it with.
 */

export function requirePasswordless(state: EmulatorState): void {
  if (!state.config.passwordlessEnabled) throw new LoginRadiusError(1059);
}

export function requireActive(account: EmulatorAccount): void {
  if (account.blocked) throw new LoginRadiusError(991);
}
