/**
 * @module passport-loginradius-passwordless/emulator
 * A local LoginRadius emulator for demos and tests:
 * `import { startEmulator } from 'passport-loginradius-passwordless/emulator'`.
 */
export { startEmulator } from './start';
export { DEFAULT_EMULATOR_API_KEY } from './options';
export { DEMO_ACCOUNTS } from './demo-accounts';
export { Outbox } from './outbox';
export { EmulatorOptionsError } from './errors';
export type {
  AccessTokenFormat,
  EmailTokenMode,
  Emulator,
  EmulatorAccount,
  EmulatorAccountInput,
  EmulatorCalls,
  EmulatorEndpoint,
  EmulatorFault,
  EmulatorFaultType,
  EmulatorOptions,
  EmulatorRequestRecord,
  EmulatorSendLimits,
  EmulatorTlsOptions,
  OutboxMessage,
  Profile,
} from './types';
