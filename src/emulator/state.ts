import { randomBytes } from 'node:crypto';
import { AccessTokenStore } from './access-tokens';
import { AccountStore } from './accounts';
import { ENDPOINTS, FaultQueue } from './faults';
import type { Configuration } from './options';
import { WrongCodeLockout } from './lockout';
import { Outbox } from './outbox';
import { RequestLog } from './request-log';
import { SendLimiter } from './send-limits';
import { LinkTokenStore, OtpStore } from './tokens';
import type { EmulatorCalls, EmulatorEndpoint, OutboxMessage } from './types';

/** Everything one running emulator knows; shared by the API handlers and the control API. */
export interface EmulatorState {
  readonly config: Configuration;
  /** The emulator's base URL, set once it listens (the issuer of JWT access tokens). */
  url: string;
  readonly accounts: AccountStore;
  readonly linkTokens: LinkTokenStore;
  /** SMS and voice codes, by E.164 phone. */
  readonly otps: OtpStore;
  /** Emailed codes, by account uid. */
  readonly emailOtps: OtpStore;
  /** Counts wrong codes and locks accounts (`lockAfterWrongCodes`). */
  readonly lockout: WrongCodeLockout;
  readonly accessTokens: AccessTokenStore;
  readonly limiter: SendLimiter;
  readonly outbox: Outbox;
  readonly faults: FaultQueue;
  readonly calls: CallCounter;
  /** The last 1,000 API requests (`Emulator.requests`). */
  readonly requests: RequestLog;
  /** The Twilio-style account id every SMS answer carries (one per emulator, like a real site). */
  readonly smsAccountSid: string;
  /** Records a message in the outbox, stamped with the clock. */
  deliver(message: Omit<OutboxMessage, 'sentAt'>): void;
  /** Writes a line to stderr unless `quiet`. Never called with a token, code or key. */
  log(line: string): void;
}

export class CallCounter {
  #counts = emptyCounts();

  count(endpoint: EmulatorEndpoint): void {
    this.#counts[endpoint] += 1;
  }

  snapshot(): EmulatorCalls {
    const total = ENDPOINTS.reduce((sum, endpoint) => sum + this.#counts[endpoint], 0);
    return { ...this.#counts, total };
  }

  reset(): void {
    this.#counts = emptyCounts();
  }
}

function emptyCounts(): Record<EmulatorEndpoint, number> {
  return Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, 0])) as Record<
    EmulatorEndpoint,
    number
  >;
}

/** Builds the state and seeds the accounts (the configured ones, then one per orphan test phone). */
export function createState(config: Configuration): EmulatorState {
  const { clock } = config;
  const outbox = new Outbox();
  const log = (line: string): void => {
    if (!config.quiet) process.stderr.write(`[loginradius-emulator] ${line}\n`);
  };
  const state: EmulatorState = {
    config,
    url: '',
    accounts: new AccountStore(),
    linkTokens: new LinkTokenStore(clock, config.linkTokenTtlMs),
    otps: new OtpStore(clock, config.otpTtlMs, config.otpLength),
    emailOtps: new OtpStore(clock, config.otpTtlMs, config.otpLength),
    lockout: new WrongCodeLockout(config.lockAfterWrongCodes, log),
    accessTokens: new AccessTokenStore(clock, {
      format: config.accessTokenFormat,
      ttlMs: config.accessTokenTtlMs,
      apiKey: config.apiKey,
      issuer: () => state.url,
    }),
    limiter: new SendLimiter(clock, config.sendLimits),
    outbox,
    faults: new FaultQueue(),
    calls: new CallCounter(),
    requests: new RequestLog(),
    smsAccountSid: `AC${randomBytes(16).toString('hex')}`,
    deliver(message) {
      const sentAt = new Date(clock()).toISOString();
      const entry = Object.fromEntries(
        Object.entries({ ...message, sentAt }).filter(([, value]) => value !== undefined),
      ) as unknown as OutboxMessage;
      outbox.push(entry);
      // The inbox stand-in: say that something arrived, not what (it holds a credential).
      log(`${message.kind} ${message.channel} to ${message.to} (read it at GET /emulator/outbox)`);
    },
    log,
  };
  for (const input of config.accounts) state.accounts.add(input);
  for (const phone of config.testPhones.keys()) {
    if (!state.accounts.byPhone(phone)) {
      state.accounts.add({
        email: `test-${phone.slice(1)}@emulator.test`,
        phone,
        phoneVerified: true,
      });
    }
  }
  return state;
}
