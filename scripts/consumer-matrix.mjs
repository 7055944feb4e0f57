#!/usr/bin/env node
/**
 * The consumer matrix: proves the published package works for every kind of
 * user. It packs the package as `npm publish` would, checks the tarball holds
 * only what a user needs, then installs it into fresh projects under the OS temp
 * directory, {CommonJS, ESM} x {JavaScript, TypeScript node16, nodenext,
 * bundler} (test/consumers/consumer-apps.mjs). Each TypeScript project is
 * type-checked with `strict` (our .d.ts files included) and compiled; every
 * project then signs one user in against the emulator from the tarball.
 *
 *   node scripts/consumer-matrix.mjs              build, pack, run every consumer
 *   node scripts/consumer-matrix.mjs --no-build   pack the dist/ that is already built
 *   node scripts/consumer-matrix.mjs --tarball x.tgz --only esm-js,cjs-ts-node16 --keep
 *
 * Installs come from the npm cache (`--offline`, then `--prefer-offline`), with
 * the peers and TypeScript pinned to the versions this repo has installed, so a
 * machine that ran `npm ci` needs no network. Exits 1 when any consumer fails.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONSUMERS, consumerProject } from '../test/consumers/consumer-apps.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_TIMEOUT_MS = 120_000;
const TSC_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 30_000;
/** What a TypeScript consumer installs besides the package and its peers. */
const TYPESCRIPT_PACKAGES = ['typescript', '@types/node'];

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    tarball: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const work = await mkdtemp(join(tmpdir(), 'plp-consumers-'));
let failed = 0;
try {
  const tarball = args.tarball ? resolve(args.tarball) : await pack(work);
  const pkg = JSON.parse(
    (
      await run('tar', ['-xzOf', tarball, 'package/package.json'], {
        timeout: 30_000,
        what: 'tar -x',
      })
    ).stdout,
  );
  failed += await checkTarballContents(tarball, pkg);
  const installs = await installSpecs(tarball, pkg);
  const wanted = args.only ? new Set(args.only.split(',')) : undefined;
  const consumers = CONSUMERS.filter((consumer) => !wanted || wanted.has(consumer.name));
  if (consumers.length === 0) throw new Error(`--only matched no consumer: ${args.only}`);
  const results = await mapLimited(consumers, Math.min(4, availableParallelism()), (consumer) =>
    runConsumer(consumer, work, installs),
  );
  failed += results.filter((ok) => !ok).length;
} catch (error) {
  failed += 1;
  process.stderr.write(`consumer matrix: ${error instanceof Error ? error.message : error}\n`);
} finally {
  if (args.keep) process.stdout.write(`kept ${work}\n`);
  else await rm(work, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `${failed === 0 ? 'all consumers passed' : `${failed} failed`} in ${seconds}s\n`,
);
process.exitCode = failed === 0 ? 0 : 1;

/** Builds (unless --no-build) and packs the repo into `dir`; resolves to the tarball's path. */
async function pack(dir) {
  if (!args['no-build']) {
    await run('npm', ['run', 'build'], {
      cwd: ROOT,
      timeout: TSC_TIMEOUT_MS,
      what: 'npm run build',
    });
  }
  // The build ran above: `prepack` would only build a second time.
  const { stdout } = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    { cwd: ROOT, timeout: INSTALL_TIMEOUT_MS, what: 'npm pack' },
  );
  const [packed] = JSON.parse(stdout);
  return join(dir, packed.filename);
}

/**
 * Everything in the tarball must be something a user needs: the package.json,
 * README, CHANGELOG, LICENSE and built code with its declarations, and every
 * file package.json points at must be in it.
 */
async function checkTarballContents(tarball, pkg) {
  const { stdout } = await run('tar', ['-tzf', tarball], { timeout: 30_000, what: 'tar -t' });
  const files = stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
  const allowed =
    /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+\.(c|m)?js|dist\/.+\.d\.(c|m)?ts)$/;
  const unexpected = files.filter(
    (file) => !allowed.test(file) || /(^|\/)(test|__tests__)\//.test(file),
  );
  const missing = packageTargets(pkg).filter((target) => !files.includes(target));
  const ok = unexpected.length === 0 && missing.length === 0;
  const detail = ok
    ? `${files.length} files`
    : [
        ...unexpected.map((file) => `unexpected ${file}`),
        ...missing.map((file) => `missing ${file}`),
      ].join(', ');
  report(ok, 'tarball', detail);
  return ok ? 0 : 1;
}

/** The files package.json's main, module, types, bin and exports name. */
function packageTargets(pkg) {
  const targets = [pkg.main, pkg.module, pkg.types];
  if (typeof pkg.bin === 'string') targets.push(pkg.bin);
  else if (pkg.bin) targets.push(...Object.values(pkg.bin));
  const walk = (node) => {
    if (typeof node === 'string') targets.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(pkg.exports);
  return [...new Set(targets.filter((target) => typeof target === 'string'))]
    .map((target) => target.replace(/^\.\//, ''))
    .filter((target) => !target.includes('*'));
}

/**
 * What `npm install` gets: the tarball, its peers and (for TypeScript) the
 * compiler and the peers' @types, each pinned to the version installed in this
 * repo so the npm cache has it.
 */
async function installSpecs(tarball, pkg) {
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const pinned = async (name) => {
    try {
      const installed = JSON.parse(
        await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      );
      return `${name}@${installed.version}`;
    } catch {
      return undefined;
    }
  };
  const all = async (names) => (await Promise.all(names.map(pinned))).filter(Boolean);
  const js = [tarball, ...(await all(peers))];
  const types = await all([...TYPESCRIPT_PACKAGES, ...peers.map(typesPackageOf)]);
  return { js, ts: [...js, ...types] };
}

/** `express` → `@types/express`; `@scope/name` → `@types/scope__name`. */
function typesPackageOf(name) {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** One consumer: write, install, type-check and compile (TypeScript), run. */
async function runConsumer(consumer, root, installs) {
  const dir = join(root, consumer.name);
  const { files, entry } = consumerProject(consumer);
  const timings = [];
  const step = async (label, fn) => {
    const start = Date.now();
    await fn();
    timings.push(`${label} ${((Date.now() - start) / 1000).toFixed(1)}s`);
  };
  try {
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)),
    );
    await step('install', () => install(dir, consumer.lang === 'ts' ? installs.ts : installs.js));
    if (consumer.lang === 'ts') {
      const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
      await step('tsc', () =>
        run(process.execPath, [tsc, '-p', '.'], { cwd: dir, timeout: TSC_TIMEOUT_MS, what: 'tsc' }),
      );
    }
    let output = '';
    await step('run', async () => {
      output = (
        await run(process.execPath, [entry], {
          cwd: dir,
          timeout: RUN_TIMEOUT_MS,
          what: `node ${entry} (a hang means a handle was left open)`,
        })
      ).stdout.trim();
    });
    report(true, consumer.name, `${timings.join(', ')}: ${output}`);
    return true;
  } catch (error) {
    report(false, consumer.name, `${timings.join(', ')}\n${indent(error.message)}`);
    return false;
  }
}

/** `npm install` from the cache; `--prefer-offline` fetches what the cache lacks. */
async function install(dir, specs) {
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts', '--no-save'];
  try {
    await run('npm', ['install', '--offline', ...flags, ...specs], {
      cwd: dir,
      timeout: INSTALL_TIMEOUT_MS,
      what: 'npm install --offline',
    });
  } catch {
    await run('npm', ['install', '--prefer-offline', ...flags, ...specs], {
      cwd: dir,
      timeout: INSTALL_TIMEOUT_MS,
      what: 'npm install --prefer-offline',
    });
  }
}

/**
 * Runs a command; resolves to its output, rejects with it on a non-zero exit
 * or after `timeout` ms (the process is killed).
 */
function run(command, commandArgs, { cwd = ROOT, timeout, what }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what}: no exit within ${timeout / 1000}s\n${stdout}${stderr}`));
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${what}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new Error(`${what} exited with ${code}\n${stdout}${stderr}`));
    });
  });
}

/**
 * The environment for child commands, without what `npm run` adds for this repo
 * (`npm_config_local_prefix`, `npm_package_*`, …): a nested `npm install` must
 * install into the consumer project, never into the repo.
 */
function childEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const lower = key.toLowerCase();
    if (
      /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$)/.test(lower) ||
      /^npm_config_(local_prefix|prefix|global|call|yes|user_agent|npm_version)$/.test(lower) ||
      lower === 'init_cwd'
    ) {
      delete env[key];
    }
  }
  return env;
}

/** Maps with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimited(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

function report(ok, name, detail) {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(18)} ${detail}\n`);
}

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
