#!/usr/bin/env node
/**
 * The `loginradius-emulator` bin: starts the emulator and runs until SIGINT or
 * SIGTERM, then closes it cleanly. Usage mistakes exit with 1 and a message.
 */
import { CliError, runCli } from './run-cli';
import type { Emulator } from './types';

async function main(): Promise<void> {
  let emulator: Emulator | undefined;
  try {
    emulator = await runCli(process.argv.slice(2), { out: (line) => console.log(line) });
  } catch (error) {
    console.error(error instanceof CliError ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  if (!emulator) return; // --help
  const running = emulator;
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    running.close().then(
      () => console.log('LoginRadius emulator stopped.'),
      (error: unknown) => {
        console.error(`Could not close the emulator: ${String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
