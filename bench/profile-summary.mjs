/**
 * Reads a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof=DIR`, or
 * `node --cpu-prof`) and prints where the time went: the top functions by self
 * time, and by inclusive time grouped per package (node_modules/<name>, dist = ours).
 *
 *   node bench/profile-summary.mjs DIR/ours-….cpuprofile [top=25] [--per=N] [--dist]
 *
 * `--per=N` adds µs per operation: the profile's time over N operations (say the
 * sign-ins the server answered, which a profiled bench run prints). `--dist`
 * lists only the package's own functions (dist/) in the per-function tables.
 */
import { readFile } from 'node:fs/promises';

export function summarizeProfile(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const self = new Map();
  const inclusive = new Map();
  const byPackage = new Map();
  for (const [id, count] of hits) {
    const frame = nodes.get(id).callFrame;
    const key = label(frame);
    self.set(key, (self.get(key) ?? 0) + count);
    const seen = new Set();
    const seenPackages = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const atFrame = nodes.get(at).callFrame;
      const atKey = label(atFrame);
      if (!seen.has(atKey)) {
        seen.add(atKey);
        inclusive.set(atKey, (inclusive.get(atKey) ?? 0) + count);
      }
      const pkg = packageOf(atFrame.url);
      if (pkg && !seenPackages.has(pkg)) {
        seenPackages.add(pkg);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
      }
    }
  }
  const share = (map) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([key, count]) => [key, (100 * count) / total]);
  return {
    total,
    durationUs: profile.endTime - profile.startTime,
    self: share(self),
    inclusive: share(inclusive),
    byPackage: share(byPackage),
  };
}

function label(frame) {
  // A package's own dist/ stays under its name: only this checkout's dist/ is "dist/".
  const file = frame.url.includes('/node_modules/')
    ? frame.url.replace(/^.*\/node_modules\//, '')
    : frame.url.replace(/^.*\/(dist|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function packageOf(url) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (/\/dist\//.test(url)) return 'passport-loginradius-passwordless (dist)';
  if (/\/bench\//.test(url)) return 'bench';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flags = new Map(
    args.filter((arg) => arg.startsWith('--')).map((arg) => [...arg.slice(2).split('='), '1']),
  );
  const [file, top = '25'] = args.filter((arg) => !arg.startsWith('--'));
  const per = flags.has('per') ? Number(flags.get('per')) : undefined;
  const summary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')));
  const ours = (key) => !flags.has('dist') || / dist\//.test(key);
  const print = (title, rows, filter = () => true) => {
    console.log(`\n${title}`);
    for (const [key, percent] of rows.filter(([key]) => filter(key)).slice(0, Number(top))) {
      const micros =
        per === undefined
          ? ''
          : `${((percent / 100) * (summary.durationUs / per)).toFixed(1).padStart(8)} µs  `;
      console.log(`${percent.toFixed(1).padStart(6)}%  ${micros}${key}`);
    }
  };
  const idle = summary.self.find(([key]) => key.startsWith('(idle)'))?.[1] ?? 0;
  const busyUs = ((100 - idle) / 100) * summary.durationUs;
  console.log(
    `${summary.total} samples over ${(summary.durationUs / 1e6).toFixed(1)} s, ` +
      `busy (not idle) ${(busyUs / 1e6).toFixed(1)} s` +
      (per === undefined
        ? ''
        : `; µs per operation over ${per} operations, busy: ${(busyUs / per).toFixed(0)} µs`),
  );
  print('self time', summary.self, ours);
  print('inclusive time by package', summary.byPackage);
  print('inclusive time', summary.inclusive, ours);
}
