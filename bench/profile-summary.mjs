/**
 * Reads a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof=DIR`, or
 * `node --cpu-prof`) and prints where the time went: the top functions by self
 * time, and by inclusive time grouped per package (node_modules/<name>, dist = ours).
 *
 *   node bench/profile-summary.mjs DIR/ours-….cpuprofile [top=25]
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
  return { total, self: share(self), inclusive: share(inclusive), byPackage: share(byPackage) };
}

function label(frame) {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(dist|bench)\//, '$1/');
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
  const [file, top = '25'] = process.argv.slice(2);
  const summary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')));
  const print = (title, rows) => {
    console.log(`\n${title}`);
    for (const [key, percent] of rows.slice(0, Number(top))) {
      console.log(`${percent.toFixed(1).padStart(6)}%  ${key}`);
    }
  };
  console.log(`${summary.total} samples`);
  print('self time', summary.self);
  print('inclusive time by package', summary.byPackage);
  print('inclusive time', summary.inclusive);
}
