import { setMaxListeners } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseFault } from './faults';
import { parseOptions } from './options';
import { createRequestListener } from './router';
import { createState } from './state';
import { createSelfSignedCertificate } from './tls';
import type { Emulator, EmulatorOptions } from './types';

/**
 * Starts a local LoginRadius emulator: the passwordless and access-token APIs
 * over HTTP (or HTTPS), with an outbox instead of email and SMS, fault
 * injection and a `/emulator/*` control API. Resolves once it is listening.
 */
export async function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  const config = parseOptions(options);
  const state = createState(config);
  const lifetime = new AbortController();
  // Every request held by a latency fault listens for the emulator's close; any
  // number may wait at once, so Node's leak warning at 11 listeners is a false alarm.
  setMaxListeners(0, lifetime.signal);
  const listener = createRequestListener(state, lifetime.signal);

  let ca: string | undefined;
  let server: Server;
  if (config.tls === false) {
    server = createHttpServer(listener);
  } else {
    const credentials =
      config.tls === 'self-signed' ? await createSelfSignedCertificate() : config.tls;
    if (config.tls === 'self-signed') ca = String(credentials.cert);
    server = createHttpsServer({ key: credentials.key, cert: credentials.cert }, listener);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const scheme = config.tls === false ? 'http' : 'https';
  const url = `${scheme}://${urlHost(config.host)}:${port}`;
  state.url = url;

  let closing: Promise<void> | undefined;
  const emulator: Emulator = {
    url,
    apiKey: config.apiKey,
    outbox: state.outbox,
    get accounts() {
      return state.accounts.list();
    },
    get calls() {
      return state.calls.snapshot();
    },
    get requests() {
      return state.requests.list();
    },
    ...(ca !== undefined && { ca }),
    resetCalls: () => state.calls.reset(),
    clearRequests: () => state.requests.clear(),
    inject: (fault) => state.faults.add(parseFault(fault)),
    clearFaults: () => state.faults.clear(),
    addAccount: (input) => state.accounts.add(input),
    blockAccount: (emailOrUid, blocked = true) => state.accounts.setBlocked(emailOrUid, blocked),
    lockAccount(emailOrUid, locked = true) {
      const account = state.accounts.setLocked(emailOrUid, locked);
      state.lockout.forget(account.uid);
      return account;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        lifetime.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets and hung requests would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return emulator;
}

/** The host as it goes into a URL: IPv6 in brackets, wildcards as loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
