import { createServer } from 'node:http';
import {
  LoginRadiusClient,
  PassportIncomingMessage,
  PassportServerResponse,
} from 'passport-loginradius-passwordless';
import { startEmulator } from 'passport-loginradius-passwordless/emulator';
import { createApp } from './app.mjs';
import { loadConfig } from './config.mjs';
import { developmentSessionSecret } from './dev-secret.mjs';
import { localEmulatorSource, remoteEmulatorSource } from './emulator-source.mjs';
import { createSessionStore } from './session-store.mjs';

/**
 * Starts the demo: reads the environment, listens, starts the embedded
 * LoginRadius emulator when no API key is set, and prints where it runs.
 * Resolves to `{ url, close() }`.
 *
 * @param {object} [options]
 * @param {Record<string, string | undefined>} [options.env] Default: process.env.
 * @param {(line: string) => void} [options.log] Default: console.log.
 */
export async function startExampleApp({ env = process.env, log = console.log } = {}) {
  const config = loadConfig(env);
  const cleanups = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    // Listen first, so that with PORT=0 the default APP_ORIGIN can name the real port.
    // The request and response properties declared up front: V8 then adds none per request.
    const server = createServer({
      IncomingMessage: PassportIncomingMessage,
      ServerResponse: PassportServerResponse,
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const { port } = server.address();
    const appOrigin = config.appOrigin ?? `http://localhost:${port}`;

    let loginradius = config.loginradius;
    let emulatorSource;
    let emulator;
    if (loginradius === undefined) {
      emulator = await startEmulator({
        port: config.emulatorPort,
        quiet: true,
        defaultVerificationUrl: `${appOrigin}/auth/callback`,
        // Its emails carry a link and a code, as a LoginRadius site set up for both does.
        emailToken: 'both',
      });
      cleanups.push(() => emulator.close());
      loginradius = { apiKey: emulator.apiKey, baseUrl: emulator.url };
      emulatorSource = localEmulatorSource(emulator);
    } else if (config.devMailbox) {
      emulatorSource = remoteEmulatorSource(loginradius.baseUrl);
    }

    const client = new LoginRadiusClient({
      apiKey: loginradius.apiKey,
      baseUrl: loginradius.baseUrl,
    });
    cleanups.push(() => client.close());
    // With REDIS_URL, Redis outages are reported on stderr, once each.
    const sessions = await createSessionStore(config, { log: console.error });
    cleanups.push(() => sessions.close());

    const app = createApp({
      client,
      appOrigin,
      sessionStore: sessions.store,
      sessionSecret: config.sessionSecret ?? developmentSessionSecret(config.dataDir),
      mode: emulator ? 'emulator' : 'loginradius',
      emulatorSource,
      emailTemplate: config.emailTemplate,
      smsTemplate: config.smsTemplate,
      resendCooldownSeconds: config.resendCooldownSeconds,
      smsCountries: config.smsCountries,
      smsCallingCodes: config.smsCallingCodes,
      devMailboxForAnyone: config.devMailboxForAnyone,
      emailCode: config.emailCode ?? emulator !== undefined,
      voiceCalls: config.voiceCalls,
      linkBinding: config.linkBinding,
      trustProxy: config.trustProxy,
      stores: sessions.stores,
      log,
    });
    server.on('request', app);

    const lines = [
      'passport-loginradius-passwordless example app',
      `  listening on ${appOrigin}  (bound to ${config.host}:${port})`,
    ];
    if (emulator) {
      lines.push(
        `  mode: emulator — the embedded LoginRadius emulator at ${emulator.url};`,
        '        nothing is really emailed or texted',
        `  dev mailbox: ${appOrigin}/dev/mailbox`,
      );
    } else {
      lines.push(`  mode: LoginRadius at ${loginradius.baseUrl}`);
      if (emulatorSource)
        lines.push(`  dev mailbox: ${appOrigin}/dev/mailbox (the emulator's outbox)`);
    }
    lines.push(`  sessions: ${sessions.description}`);
    lines.push(
      `  limits and counters: ${sessions.stores ? sessions.description : 'memory of this process'}`,
    );
    const accounts = (await emulatorSource?.accounts().catch(() => [])) ?? [];
    if (accounts.length > 0) lines.push('  demo accounts:');
    for (const account of accounts) {
      const notes = [
        account.username && `username ${account.username}`,
        account.phone && `phone ${account.phone}${account.phoneVerified ? '' : ' (not verified)'}`,
        account.blocked && 'blocked',
      ].filter(Boolean);
      lines.push(`    ${account.email.padEnd(22)} ${notes.join(', ')}`);
    }
    // One write, so whoever watches the output sees the whole banner at once.
    log(lines.join('\n'));
    return { url: appOrigin, emulator, close };
  } catch (error) {
    await close();
    throw error;
  }
}
