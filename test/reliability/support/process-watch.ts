import { runInThisContext } from 'node:vm';

/**
 * Records unhandled promise rejections and uncaught exceptions of the real
 * Node process while a reliability suite runs.
 *
 * Inside a test file, `process` is jest's copy of the process object: a
 * listener added to it is never called. `vm.runInThisContext` evaluates in
 * Node's main context, so it hands back the real `process`, where jest-circus
 * also listens (and fails the running test). Recording here as well lets each
 * suite assert "none" explicitly and count them in its figures.
 */
export interface ProcessWatch {
  /** Every rejection reason and uncaught error seen so far. */
  readonly problems: unknown[];
  /** Stops listening. */
  stop(): void;
}

export function watchProcess(): ProcessWatch {
  const real = runInThisContext('process') as NodeJS.Process;
  const problems: unknown[] = [];
  const record = (reason: unknown): void => {
    problems.push(reason);
  };
  real.on('unhandledRejection', record);
  real.on('uncaughtException', record);
  return {
    problems,
    stop() {
      real.off('unhandledRejection', record);
      real.off('uncaughtException', record);
    },
  };
}
