import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * The one line of figures the reliability run prints.
 *
 * Each suite prints its own line when it ends, and writes its figures to a
 * folder in the OS temp dir named after the jest run (the main jest process's
 * pid: a worker's parent, or the process itself when running in band). The
 * suite that finds every suite of this folder there prints the total line and
 * removes the folder. jest runs files in any order and in parallel, so "the last
 * one to finish" is decided by the files present, and an exclusive create of a
 * marker file keeps two suites finishing together from both printing it. When
 * only some suites run (a path pattern), only their own lines are printed.
 */
export interface Figures {
  /** HTTP requests sent to the app. */
  requests: number;
  /** Answers with a 5xx status that the suite did not expect. */
  unexpected5xx: number;
  /** 503/504 answers that were the right answer to an injected LoginRadius fault. */
  faultAnswers5xx: number;
  /** LoginRadius calls caused by input that was invalid by construction. */
  upstreamCallsForInvalidInput: number;
  /** Successful sign-ins. */
  signIns: number;
  /** Sign-ins, sessions or answers that failed when they should not have. */
  failures: number;
  /** Answers that showed one user another user's data. */
  crossTalk: number;
  /** Unhandled rejections, uncaught exceptions, and requests left without any answer. */
  crashes: number;
}

export function emptyFigures(): Figures {
  return {
    requests: 0,
    unexpected5xx: 0,
    faultAnswers5xx: 0,
    upstreamCallsForInvalidInput: 0,
    signIns: 0,
    failures: 0,
    crossTalk: 0,
    crashes: 0,
  };
}

/**
 * Runs a test body, counting it in `figures.failures` when it throws, so the
 * printed line agrees with jest's verdict.
 */
export async function tally(figures: Figures, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (error) {
    figures.failures += 1;
    throw error;
  }
}

export function formatFigures(label: string, figures: Figures, seconds?: number): string {
  return (
    `${label}: requests=${figures.requests} 5xx=${figures.unexpected5xx} ` +
    `(plus ${figures.faultAnswers5xx} expected 503/504 for injected faults) ` +
    `upstream-calls-for-invalid-input=${figures.upstreamCallsForInvalidInput} ` +
    `sign-ins=${figures.signIns} failures=${figures.failures} cross-talk=${figures.crossTalk} ` +
    `crashes=${figures.crashes}` +
    (seconds === undefined ? '' : ` time=${seconds.toFixed(1)}s`)
  );
}

const SUITE_FOLDER = join(__dirname, '..');

/** Prints a suite's line, and the total line if it is the last reliability suite of the run. */
export function reportFigures(testFile: string, figures: Figures, seconds: number): void {
  const suite = basename(testFile).replace(/\.test\.ts$/, '');
  process.stdout.write(`${formatFigures(`reliability[${suite}]`, figures, seconds)}\n`);

  const runKey = process.send === undefined ? process.pid : process.ppid;
  const folder = join(tmpdir(), `passport-loginradius-reliability-${runKey}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${suite}.json`), JSON.stringify({ figures, seconds }));

  const expected = readdirSync(SUITE_FOLDER)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => name.replace(/\.test\.ts$/, ''));
  const present = new Set(readdirSync(folder));
  if (!expected.every((name) => present.has(`${name}.json`))) return;
  try {
    closeSync(openSync(join(folder, 'printed'), 'wx'));
  } catch {
    return; // another suite finishing at the same moment prints it
  }
  const total = emptyFigures();
  let slowest = 0;
  for (const name of expected) {
    const entry = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as {
      figures: Figures;
      seconds: number;
    };
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += entry.figures[key];
    slowest = Math.max(slowest, entry.seconds);
  }
  process.stdout.write(
    `${formatFigures(`reliability (all ${expected.length} suites)`, total)} slowest-suite=${slowest.toFixed(1)}s\n`,
  );
  rmSync(folder, { recursive: true, force: true });
}
