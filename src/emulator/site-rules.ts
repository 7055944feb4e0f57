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

/** `isvoiceotp=true` on a site without voice OTP configured answers 1281; returns the flag. */
export function requireVoiceIfAsked(state: EmulatorState, voice: boolean): boolean {
  if (voice && !state.config.voiceOtp) throw new LoginRadiusError(1281);
  return voice;
}
