import { createHash } from 'node:crypto';
import { Limit } from './limits';
import type { StrategyConfig } from './strategy-options';

/**
 * What stands between a guesser and LoginRadius's verify: wrong codes counted
 * per pending flow, per identifier (phone, email or username) and client IP,
 * and per identifier overall (NIST SP 800-63B's ceiling); at most one verify
 * per flow in flight; and single-use claims on codes and link tokens.
 *
 * Every count is taken *before* the upstream call (atomically, in whatever
 * store holds the counters), so parallel guesses cannot all slip under a cap
 * that is only checked first and counted after; the counts are given back when
 * the code turns out right or LoginRadius never answered.
 */

/** The strategy's settings the counters use. */
export type CodeCounterSettings = Pick<
  StrategyConfig,
  | 'maxPerFlow'
  | 'maxPerIdentifierAndIp'
  | 'perIdentifierAndIpWindowMs'
  | 'maxPerIdentifier'
  | 'perIdentifierWindowMs'
  | 'stores'
>;

/** Which cap refused (or tripped): the flow's, the identifier's from one IP, or the identifier's overall. */
export type CodeCap = 'flow' | 'identifier-ip' | 'identifier';

/** Why no attempt could be taken. */
export type CodeRefusal =
  { reason: 'busy' } | { reason: 'locked'; cap: CodeCap } | { reason: 'used' };

/** One code attempt's hold on the counters, taken before LoginRadius is asked. */
export interface CodeAttempt {
  /** Attempts in this flow so far, this one included. */
  readonly attempts: number;
  /**
   * LoginRadius signed the person in: the flow ends, so its wrong-code count is
   * forgotten; the in-flight slot and the identifier's counts go back; the code
   * stays claimed.
   */
  succeeded(): Promise<void>;
  /** LoginRadius never answered: everything goes back, as if the attempt never happened. */
  unanswered(): Promise<void>;
  /**
   * LoginRadius refused the code: the counts stand; the in-flight slot goes back
   * and the code is unclaimed, whatever the refusal's reason, so retyping it asks
   * LoginRadius and counts again. Resolves to the cap this attempt filled, if any.
   */
  refused(): Promise<CodeCap | undefined>;
}

/** Parallel verifies of one token or code race within seconds; ten minutes is ample. */
const CLAIM_WINDOW_MS = 10 * 60_000;
/** Covers the longest pending flow the routers allow. */
const FLOW_WINDOW_MS = 60 * 60_000;
/** Longer than any client deadline (at most 2 minutes): a crashed verify frees its flow after this. */
const IN_FLIGHT_WINDOW_MS = 3 * 60_000;

export class CodeCounters {
  readonly #settings: CodeCounterSettings;
  readonly #perFlow: Limit;
  readonly #perIdentifierAndIp: Limit;
  readonly #perIdentifier: Limit;
  readonly #inFlight: Limit;
  readonly #claims: Limit;
  /** Unlocks per identifier: the count is part of the per-IP keys, so an unlock retires them all. */
  readonly #unlocks: Limit;

  constructor(settings: CodeCounterSettings) {
    const { stores } = settings;
    this.#settings = settings;
    this.#perFlow = new Limit('otp-attempts', settings.maxPerFlow, FLOW_WINDOW_MS, stores);
    this.#perIdentifierAndIp = new Limit(
      'otp-failures-ip',
      settings.maxPerIdentifierAndIp,
      settings.perIdentifierAndIpWindowMs,
      stores,
    );
    this.#perIdentifier = new Limit(
      'otp-failures',
      settings.maxPerIdentifier,
      settings.perIdentifierWindowMs,
      stores,
    );
    this.#inFlight = new Limit('otp-in-flight', 1, IN_FLIGHT_WINDOW_MS, stores);
    this.#claims = new Limit('single-use', 1, CLAIM_WINDOW_MS, stores);
    // Outlives every per-IP count, so a retired key cannot come back when this one resets.
    const unlockWindow = Math.max(
      settings.perIdentifierAndIpWindowMs,
      settings.perIdentifierWindowMs,
    );
    this.#unlocks = new Limit('otp-unlocks', Number.MAX_SAFE_INTEGER, unlockWindow, stores);
  }

  /**
   * Takes one attempt for `code` in flow `flowId` on every counter, or says why
   * not; nothing stays counted when it refuses.
   */
  async take(
    flowId: string,
    identifier: string,
    ipKey: string,
    code: string,
  ): Promise<CodeAttempt | CodeRefusal> {
    const taken: [Limit, string][] = [];
    // Each hit goes back at most once: the list is emptied as it is given back, so
    // the failure path's second try cannot refund again what the first one did
    // (with Redis, a DECR too many takes away another request's hit, or lets two
    // verifies of one flow through). A failed refund is thrown once all are tried.
    const giveBack = async (): Promise<void> => {
      const settled = await Promise.allSettled(
        taken.splice(0).map(([limit, key]) => limit.refund(key)),
      );
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    };
    let hits: Map<CodeCap, number>;
    try {
      const result = await this.#takeAll(taken, flowId, identifier, ipKey, code);
      if (!(result instanceof Map)) {
        await giveBack();
        return result;
      }
      hits = result;
    } catch (error) {
      // The store failed halfway: what was counted goes back, as far as it can.
      await giveBack().catch(() => undefined);
      throw error;
    }
    const release = (limits: readonly Limit[]): Promise<void[]> =>
      Promise.all(taken.filter(([limit]) => limits.includes(limit)).map(([l, k]) => l.refund(k)));
    return {
      attempts: hits.get('flow') ?? 1,
      succeeded: async () => {
        // The flow ends with this sign-in, so its wrong-code count is forgotten
        // rather than given back: its key does not stay in the store for the rest
        // of its hour (in a MemoryStore, maps that grew by a key a sign-in and
        // slowed every count as they grew). Only the request holding the flow's
        // in-flight slot touches that count, so no late refund can bring the key
        // back; hence the order, and the in-flight slot is given back, not reset
        // (a parallel verify refused as busy refunds it after its hit).
        await this.#perFlow.reset(flowId);
        await release([this.#inFlight, this.#perIdentifierAndIp, this.#perIdentifier]);
      },
      unanswered: async () => {
        await giveBack();
      },
      refused: async () => {
        await release([this.#inFlight, this.#claims]);
        if (hits.get('identifier') === this.#settings.maxPerIdentifier) return 'identifier';
        if (hits.get('identifier-ip') === this.#settings.maxPerIdentifierAndIp) {
          return 'identifier-ip';
        }
        return undefined;
      },
    };
  }

  /** Hits each counter in turn, adding each hit to `taken` (for giving back) as it lands. */
  async #takeAll(
    taken: [Limit, string][],
    flowId: string,
    identifier: string,
    ipKey: string,
    code: string,
  ): Promise<Map<CodeCap, number> | CodeRefusal> {
    const inFlight = await this.#inFlight.hit(flowId);
    taken.push([this.#inFlight, flowId]);
    if (!inFlight.allowed) return { reason: 'busy' };
    const unlocks = (await this.#unlocks.peek(identifier)).hits;
    const caps: [CodeCap, Limit, string][] = [
      ['flow', this.#perFlow, flowId],
      ['identifier-ip', this.#perIdentifierAndIp, `${identifier}|${ipKey}|${unlocks}`],
      ['identifier', this.#perIdentifier, identifier],
    ];
    const hits = new Map<CodeCap, number>();
    for (const [cap, limit, key] of caps) {
      const verdict = await limit.hit(key);
      taken.push([limit, key]);
      if (!verdict.allowed) return { reason: 'locked', cap };
      hits.set(cap, verdict.hits);
    }
    const claimKey = digest('code', `${flowId}:${code}`);
    const claimed = await this.#claims.hit(claimKey);
    taken.push([this.#claims, claimKey]);
    return claimed.allowed ? hits : { reason: 'used' };
  }

  /** Claims a link token for one verify; false when it is already being used or was used. */
  async claimLink(token: string): Promise<boolean> {
    const key = digest('link', token);
    const verdict = await this.#claims.hit(key);
    if (!verdict.allowed) await this.#claims.refund(key);
    return verdict.allowed;
  }

  /** Gives a link token's claim back (LoginRadius never answered, so it was not spent). */
  async releaseLink(token: string): Promise<void> {
    await this.#claims.refund(digest('link', token));
  }

  /** Forgets the wrong codes counted for `identifier`, overall and from every IP (an operator's unlock). */
  async unlock(identifier: string): Promise<void> {
    await this.#perIdentifier.reset(identifier);
    await this.#unlocks.hit(identifier);
  }
}

/** Claims and counters are keyed on hashes, never on the token or code itself. */
function digest(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('base64url');
}
