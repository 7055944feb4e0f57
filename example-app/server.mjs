#!/usr/bin/env node
/**
 * The demo's entry point: `npm start` (which builds the package first) or
 * `node example-app/server.mjs`. Settings come from environment variables; see
 * example-app/README.md.
 */
import { ConfigError, loadConfig } from './config.mjs';

try {
  // Settings first: a misconfiguration is reported even before the package loads.
  loadConfig(process.env);
  // Imported here, not above, so that an unbuilt package is reported below.
  const { startExampleApp } = await import('./start.mjs');
  const starting = startExampleApp();
  // Ctrl-C or a stop signal (even during start-up) closes everything cleanly.
  const stop = async (signal) => {
    console.log(`\n${signal}: stopping`);
    // If something holds the process open, do not hang forever.
    setTimeout(() => process.exit(1), 5000).unref();
    const running = await starting.catch(() => undefined);
    await running?.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await starting;
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error?.code === 'EADDRINUSE') {
    console.error(
      `The example app cannot start: ${error.address}:${error.port} is in use. ` +
        'Stop what runs there, or choose another port with PORT=3001.',
    );
  } else if (
    error?.code === 'ERR_MODULE_NOT_FOUND' &&
    /passport-loginradius-passwordless|[\\/]dist[\\/]/.test(error.message)
  ) {
    console.error(
      'The package is not built: run `npm start` (it builds first) or `npm run build`.',
    );
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
