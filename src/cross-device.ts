import type { Request } from 'express';
import { SessionError } from './errors';
import { Limit, type StoreFactory } from './limits';
import type { FlowRecordStore } from './routes/options';
import { storeEntryLifetime } from './session';

/**
 * The record of one cross-device sign-in: device A asked for a link and shows a
 * number; device B opens the link, types the number, and the login B completes
 * is kept here until A picks it up. B may reach another app instance than A,
 * so the record lives in a store every instance shares: the session store
 * (which every multi-instance deployment already shares) or one the app passes.
 * The one-try and one-pickup rules are counters in the `stores` (atomic in Redis),
 * because session stores have no compare-and-set.
 */
export interface CrossDeviceRecord {
  /** The number device A shows, 10-99. */
  match: string;
  /** The account A asked for: B's link must sign in this one, not any account. */
  recipient: { email: string } | { username: string };
  state: 'pending' | 'signed_in' | 'ended';
  /** When A asked (ms since epoch). */
  requestedAt: number;
  /** The record (and the pending flow) dies then. */
  expiresAt: number;
  /** The kind of browser A asked from: its family and system, when the User-Agent told. */
  browser: BrowserKind;
  /** The user B's verify produced, for A to sign in with (state `signed_in` only). */
  user?: unknown;
  /** So that session stores (connect-redis, MemoryStore) expire the record by themselves. */
  cookie: { expires: string; originalMaxAge: number };
}

const ID_PREFIX = 'passwordless-cross-device:';

/** Flows live at most an hour (MAX_FLOW_TTL_MS); their claims last as long. */
const CLAIM_WINDOW_MS = 3_600_000;

/**
 * One claims counter per `stores` factory. The request router (a new send gives
 * the flow up) and the verify router (B's try, A's pickup) must see each other's
 * claims; with MemoryStores each Limit has a store of its own, so both routers'
 * records take the same Limit (with Redis their keys meet in any case).
 */
const claimsByStores = new WeakMap<StoreFactory, Limit>();

function claimsFor(stores: StoreFactory): Limit {
  let claims = claimsByStores.get(stores);
  if (!claims) {
    claims = new Limit('cross-device', 1, CLAIM_WINDOW_MS, stores);
    claimsByStores.set(stores, claims);
  }
  return claims;
}

export class CrossDeviceRecords {
  readonly #store: FlowRecordStore | undefined;
  readonly #claims: Limit;

  constructor(store: FlowRecordStore | undefined, stores: StoreFactory) {
    this.#store = store;
    this.#claims = claimsFor(stores);
  }

  /** Writes A's new record. */
  async create(
    req: Request,
    ref: string,
    match: string,
    recipient: CrossDeviceRecord['recipient'],
    expiresAt: number,
  ): Promise<void> {
    const now = Date.now();
    await this.#write(req, ref, {
      match,
      recipient,
      state: 'pending',
      requestedAt: now,
      expiresAt,
      browser: browserOf(req.headers['user-agent']),
      cookie: storeEntryLifetime(expiresAt, now),
    });
  }

  /** The live record of flow `ref`, if any. */
  async read(req: Request, ref: string): Promise<CrossDeviceRecord | undefined> {
    const store = this.#storeOf(req);
    const value = await new Promise<unknown>((resolve, reject) =>
      store.get(ID_PREFIX + ref, (error, found) =>
        error ? reject(wrap('read', error)) : resolve(found),
      ),
    );
    const record = value as CrossDeviceRecord | undefined | null;
    if (
      !record ||
      typeof record.match !== 'string' ||
      typeof record.recipient !== 'object' ||
      record.recipient === null ||
      !(Date.now() < record.expiresAt)
    )
      return undefined;
    return record;
  }

  /** B's one try at the number; false when a try was already made. */
  async claimTry(ref: string): Promise<boolean> {
    return (await this.#claims.hit(`try:${ref}`)).allowed;
  }

  /** A's one pickup of a finished sign-in; false when it was already picked up. */
  async claimPickup(ref: string): Promise<boolean> {
    return (await this.#claims.hit(`pickup:${ref}`)).allowed;
  }

  /** B finished: keep the user for A. */
  async complete(
    req: Request,
    ref: string,
    record: CrossDeviceRecord,
    user: unknown,
  ): Promise<void> {
    await this.#write(req, ref, { ...record, state: 'signed_in', user });
  }

  /** The cross-device path of this flow is over (a wrong number, B's verify failed, A gave up). */
  async end(req: Request, ref: string, record: CrossDeviceRecord): Promise<void> {
    const ended: CrossDeviceRecord = { ...record, state: 'ended' };
    delete ended.user;
    await this.#write(req, ref, ended);
  }

  /**
   * Flow `ref`'s cross-device path is over for good: its link was spent elsewhere,
   * or device A gave the flow up (a new send, a sign-in by other means, signing
   * out). B's one try and A's one pickup are claimed first, atomically across
   * instances, so a B that has not tried yet never can, and a status check that
   * read the finished login a moment before cannot pick it up; a B already
   * waiting on LoginRadius finds the record ended when it comes back. A login B
   * finished that A never picked up is dropped with it, and given back (to end
   * its access token).
   */
  async abandon(req: Request, ref: string): Promise<{ droppedUser?: unknown }> {
    await Promise.all([
      this.#claims.hit(`try:${ref}`),
      this.#claims.hit(`pickup:${ref}`),
      this.#claims.hit(`abandoned:${ref}`),
    ]);
    const record = await this.read(req, ref);
    if (!record || record.state === 'ended') return {};
    await this.end(req, ref, record);
    return record.state === 'signed_in' ? { droppedUser: record.user } : {};
  }

  /**
   * Whether flow `ref` was given up ({@link abandon}) at any time. B asks after
   * writing the login it finished: an abandon that read the record just before
   * that write (and ended it) cannot have seen the login, so B must drop it. The
   * abandon's claim comes before its read and B's write before this question, so
   * one of the two always sees the other.
   */
  async wasAbandoned(ref: string): Promise<boolean> {
    return (await this.#claims.peek(`abandoned:${ref}`)).hits > 0;
  }

  /** Deletes the record (A picked the login up, or A signed in by itself). */
  async remove(req: Request, ref: string): Promise<void> {
    const store = this.#storeOf(req);
    await new Promise<void>((resolve, reject) =>
      store.destroy(ID_PREFIX + ref, (error) =>
        error ? reject(wrap('delete', error)) : resolve(),
      ),
    );
  }

  async #write(req: Request, ref: string, record: CrossDeviceRecord): Promise<void> {
    const store = this.#storeOf(req);
    await new Promise<void>((resolve, reject) =>
      store.set(ID_PREFIX + ref, record, (error) =>
        error ? reject(wrap('write', error)) : resolve(),
      ),
    );
  }

  #storeOf(req: Request): FlowRecordStore {
    const store =
      this.#store ?? (req as unknown as { sessionStore?: FlowRecordStore }).sessionStore;
    if (!store)
      throw new SessionError('cross-device sign-in needs express-session (req.sessionStore)');
    return store;
  }
}

function wrap(action: string, error: unknown): SessionError {
  return error instanceof SessionError
    ? error
    : new SessionError(`could not ${action} a cross-device sign-in`, error);
}

// A coarse label from the User-Agent, for "asked for on Firefox on Windows".
// Hand-written rather than a UA-parsing library: only the family names are
// needed, and a full parser's database is a large dependency for one label.
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A browser's family and system, such as Firefox and Windows. */
export interface BrowserKind {
  name?: string;
  system?: string;
}

/** The kind of browser a User-Agent names (empty when it says nothing useful). */
export function browserOf(userAgent: string | undefined): BrowserKind {
  const ua = (userAgent ?? '').slice(0, 512);
  const kind: BrowserKind = {};
  const name = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (name) kind.name = name;
  if (system) kind.system = system;
  return kind;
}
