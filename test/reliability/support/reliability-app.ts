import session from 'express-session';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/test-app';
import { listen, type LiveServer } from './http';

/**
 * The test app of test/support (mounted exactly as the README says), on a
 * session store the suite can look into, served on a real 127.0.0.1 port.
 */
export interface ReliabilityApp extends TestApp {
  store: session.Store & { sessions: Record<string, string> };
  server: LiveServer;
}

/** Limits high enough that one loopback IP can do a whole suite's work. */
export const HIGH_LIMITS = {
  requestRouter: {
    limits: { perIp: 1_000_000, smsPerIpPerDay: 1_000_000, smsPerDay: 100_000_000 },
  },
  verifyRouter: { verifyPerIp: 1_000_000 },
} as const;

export async function startReliabilityApp(
  options: TestAppOptions & { store?: session.Store; connections?: number } = {},
): Promise<ReliabilityApp> {
  const store = (options.store ?? new session.MemoryStore()) as ReliabilityApp['store'];
  const app = await startTestApp({
    ...options,
    emulator: { sendLimits: false, ...options.emulator },
    sessionMiddleware:
      options.sessionMiddleware ??
      session({ store, secret: 'test secret', resave: false, saveUninitialized: false }),
  });
  const server = await listen(app.app, options.connections);
  return {
    ...app,
    store,
    server,
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/**
 * `count` distinct phone numbers that libphonenumber-js accepts (+1 415 555 xxxx),
 * from +14155551000 up, clear of the demo accounts' +1415555 01xx numbers.
 */
export function testPhoneNumbers(count: number, first = 1000): string[] {
  return Array.from({ length: count }, (_, i) => `+1415555${String(first + i).padStart(4, '0')}`);
}

/** A 6-digit code per phone, for the emulator's `testPhones`. */
export function testPhoneCodes(phones: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    phones.map((phone, i) => [phone, String(100_000 + ((i * 7919) % 900_000))]),
  );
}
