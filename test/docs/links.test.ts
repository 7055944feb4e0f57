/**
 * The Markdown documentation keeps its links true: every relative link and
 * every anchor in README.md, CONTRIBUTING.md, docs/*.md and
 * example-app/README.md resolves. A linked file or directory exists (relative
 * to the linking file, inside the repository), and an anchor (`file.md#heading`
 * or `#heading`) names a heading of its target by GitHub's slug rules. Links in
 * code blocks, code spans and HTML comments are not links; http(s): and mailto:
 * links are not checked. The README also stays a front door: under 350 lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** The Markdown files whose links are checked, relative to the repository root. */
const files = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'example-app/README.md',
];

const README_MAX_LINES = 350;

/** The file's lines with fenced code blocks and HTML comments blanked (line numbers kept). */
function proseLines(text: string): string[] {
  const lines = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  let fence: string | undefined;
  return lines.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      return marker ? '' : line;
    }
    if (
      marker &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      !/\S/.test(line.slice(line.indexOf(marker) + marker.length))
    ) {
      fence = undefined;
    }
    return '';
  });
}

/** GitHub's anchor for a heading's text (github-slugger, before de-duplication). */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // HTML tags
    .replace(/`/g, '')
    .replace(/\*/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown text's headings, repeated ones suffixed -1, -2… as GitHub does. */
function anchors(text: string): string[] {
  const seen = new Map<string, number>();
  const result: string[] = [];
  for (const line of proseLines(text)) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    let anchor = base;
    while (seen.has(anchor)) {
      const count = seen.get(base)! + 1;
      seen.set(base, count);
      anchor = `${base}-${count}`;
    }
    seen.set(anchor, 0);
    result.push(anchor);
  }
  return result;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images, and reference definitions, outside code. */
function links(text: string): Link[] {
  // Code spans become blanks of the same length, so offsets still give line numbers.
  const prose = proseLines(text)
    .join('\n')
    .replace(/(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])+?(?<!`)\1(?!`)/g, (span) =>
      span.replace(/[^\n]/g, ' '),
    );
  const found: Link[] = [];
  const lineOf = (offset: number): number => prose.slice(0, offset).split('\n').length;
  const inline =
    /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  for (const match of prose.matchAll(inline)) {
    found.push({ line: lineOf(match.index), target: match[1]!.replace(/^<|>$/g, '') });
  }
  const definition = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(<[^>]*>|\S+)/gm;
  for (const match of prose.matchAll(definition)) {
    found.push({ line: lineOf(match.index), target: match[1]!.replace(/^<|>$/g, '') });
  }
  return found;
}

/** decodeURIComponent, or undefined for malformed percent-encoding. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const isExternal = (target: string): boolean => /^(https?:|mailto:)/i.test(target);

/** Why a link of `file` does not resolve, or undefined when it does. */
function problemWith(file: string, target: string): string | undefined {
  if (target === '') return 'an empty link';
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return `${target}: not a relative link`;
  const hash = target.indexOf('#');
  const pathPart = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash === -1 ? '' : decode(target.slice(hash + 1));
  const path = pathPart === '' ? join(root, file) : decode(pathPart);
  if (fragment === undefined || path === undefined) return `${target}: malformed %-encoding`;
  const from = join(root, dirname(file));
  const absolute = pathPart.startsWith('/') ? join(root, path) : resolve(from, path);
  const shown = relative(root, absolute).split(sep).join('/') || '.';
  if (absolute !== root && !absolute.startsWith(root + sep)) {
    return `${target}: points outside the repository`;
  }
  if (!existsSync(absolute)) return `${target}: ${shown} does not exist`;
  if (hash === -1) return undefined;
  if (statSync(absolute).isDirectory()) return `${target}: an anchor on a directory`;
  if (!absolute.endsWith('.md')) {
    return /^L\d+(-L\d+)?$/.test(fragment)
      ? undefined
      : `${target}: an anchor on a non-Markdown file`;
  }
  const known = anchors(readFileSync(absolute, 'utf8'));
  if (known.includes(fragment)) return undefined;
  return `${target}: ${shown} has no heading with the anchor #${fragment} (it has: ${known.map((a) => `#${a}`).join(' ')})`;
}

/** Every broken link of one file, as "file:line: link: why". */
function brokenLinks(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return links(text)
    .filter((link) => !isExternal(link.target))
    .flatMap((link) => {
      const problem = problemWith(file, link.target);
      return problem ? [`${file}:${link.line}: ${problem}`] : [];
    });
}

test('the checked files are the README, CONTRIBUTING, every docs/*.md and the example app README', () => {
  expect(files).toEqual(expect.arrayContaining(['docs/security.md', 'docs/options.md']));
  for (const file of files) expect(existsSync(join(root, file))).toBe(true);
});

test("headings become anchors by GitHub's slug rules, repeated ones numbered", () => {
  expect(slug('`new LoginRadiusClient(options)`')).toBe('new-loginradiusclientoptions');
  expect(slug('From hand-written routes on the official `loginradius-sdk`')).toBe(
    'from-hand-written-routes-on-the-official-loginradius-sdk',
  );
  expect(slug("LoginRadius is slow, down or answers something odd: isn't it?")).toBe(
    'loginradius-is-slow-down-or-answers-something-odd-isnt-it',
  );
  expect(slug('Options of both routers / v2.0')).toBe('options-of-both-routers--v20');
  expect(
    anchors('# Before\n\n```md\n# Not a heading\n```\n\n## Before\n### Before\n## After'),
  ).toEqual(['before', 'before-1', 'before-2', 'after']);
});

test('links in code blocks, code spans and comments are not checked', () => {
  const text = [
    '```md',
    '[a](missing-in-a-fence.md)',
    '```',
    '`[b](missing-in-a-span.md)` <!-- [c](missing-in-a-comment.md) -->',
    '[d](present.md "title") ![e](<image.png>)',
  ].join('\n');
  expect(links(text).map((link) => link.target)).toEqual(['present.md', 'image.png']);
});

test.each(files)('%s: every relative link and anchor resolves', (file) => {
  expect(brokenLinks(file)).toEqual([]);
});

test(`README.md is a front door: under ${README_MAX_LINES} lines`, () => {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines >= README_MAX_LINES) {
    throw new Error(
      `README.md has ${lines} lines; keep it under ${README_MAX_LINES} and move reference material to docs/`,
    );
  }
});
