import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench` is never part of the tests, but its harness is: this runs it
 * on a tiny count (BENCH_QUICK) so a change to the package or the harness that
 * breaks a benchmark shows up here. It asserts the shape of the results, never
 * a speed: the numbers of a quick run on a busy machine mean nothing.
 */

const root = join(__dirname, '..', '..');

interface BenchResult {
  name: unknown;
  ours: unknown;
  baseline: unknown;
  unit: unknown;
  ratio: unknown;
}

function runBench(
  out: string,
  script = 'run.mjs',
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bench', script), ...args], {
      cwd: root,
      env: { ...process.env, BENCH_QUICK: '1', BENCH_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the bench harness (npm run bench)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-harness-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every benchmark on a tiny count and writes a finite ratio (or the µs of a check) per result', async () => {
    if (!existsSync(join(root, 'dist'))) {
      throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
    }
    const out = join(dir, 'results.json');
    const { code, output } = await runBench(out);
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });

    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResult[];
    expect(Array.isArray(results)).toBe(true);
    for (const result of results) {
      expect(result).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          unit: expect.any(String),
          ours: expect.any(Number),
        }),
      );
      if (String(result.unit).startsWith('µs')) {
        // A check's cost: µs as measured, no ratio; a baseline only where a hand-written
        // equivalent was timed.
        expect([result.name, result.ratio]).toEqual([result.name, null]);
        // The last row is a difference (the package's extra over the hand-written ways),
        // which a quick run's two short batches can make negative; every other row is a cost.
        const isDifference = String(result.name).endsWith('extra over hand-written');
        expect([
          result.name,
          isDifference ? Number.isFinite(result.ours) : (result.ours as number) >= 0,
        ]).toEqual([result.name, true]);
        expect([result.name, result.baseline === null || (result.baseline as number) >= 0]).toEqual(
          [result.name, true],
        );
        continue;
      }
      expect(result).toEqual(
        expect.objectContaining({ baseline: expect.any(Number), ratio: expect.any(Number) }),
      );
      expect([result.name, Number.isFinite(result.ratio)]).toEqual([result.name, true]);
      expect([result.name, (result.ours as number) > 0]).toEqual([result.name, true]);
      expect([result.name, (result.baseline as number) > 0]).toEqual([result.name, true]);
    }
    const names = results.map((result) => String(result.name)).join('\n');
    for (const suite of [
      'sign-in (SMS code), throughput',
      'sign-in (emailed code), throughput',
      'sign-in (emailed code), per server CPU-second',
      'sign-in across devices (link + number + pickup), throughput',
      'sign-in across devices (link + number + pickup), per server CPU-second',
      'signed-in request',
      'client getProfile',
      'session size',
      'MemoryStore heap per 10,000 sessions',
      'check (SMS sign-in): cross-site check',
      'check (SMS sign-in): code counters',
      'check (SMS sign-in): login',
      'check (emailed-code sign-in)',
      'check (cross-device sign-in)',
      'check (SMS sign-in): every check above, extra over hand-written',
    ]) {
      expect(names).toContain(suite);
    }
    // The table is printed for people, not only written for machines.
    expect(output).toContain('ratio');
  }, 90_000);

  it('refuses an odd number of rounds (the variants take turns going first, two rounds at a time)', async () => {
    const { code, output } = await runBench(join(dir, 'unused.json'), 'run.mjs', ['--rounds=5']);
    expect(code).not.toBe(0);
    expect(output).toContain('--rounds must be 1 or even (4 or 6), got 5');
  }, 30_000);

  it('compares two builds of ours side by side (bench/ab.mjs), here this build with itself', async () => {
    const { code, output } = await runBench(join(dir, 'unused.json'), 'ab.mjs', ['dist/index.mjs']);
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    for (const measure of ['throughput', 'per server CPU-second']) {
      const line = output.split('\n').find((text) => text.includes(`/ A (this build), ${measure}`));
      const ratio = Number(line?.trim().split(/\s{2,}/)[4]);
      expect([measure, Number.isFinite(ratio) && ratio > 0]).toEqual([measure, true]);
    }
  }, 60_000);
});
