/**
 * Redirect targets (`returnTo`, success and failure redirects) must be paths on
 * this site, or on an allowlist of absolute URLs. The check is strict and
 * conservative: anything a browser could read as another host is refused,
 * including `//evil`, `/\evil`, `https:evil`, `javascript:`, control characters,
 * and their percent-encoded and mixed-case forms (CVE-2024-29041 was Express
 * itself getting one of these wrong).
 */
const MAX_LENGTH = 2048;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\\]/;
// After decoding, spaces are harmless (`?q=a%20b`); control characters and backslashes are not.
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const UNSAFE_DECODED = /[\u0000-\u001f\u007f\\]/;
/** Decoding rounds allowed before a target counts as settled (the last one must change nothing). */
const MAX_DECODE_ROUNDS = 4;
/**
 * A dot segment with a path parameter (`..;/`, `.;x/`): browsers keep it as a
 * name, but Tomcat, Jetty and Spring drop the parameter and go up a level.
 */
const DOT_SEGMENT_WITH_PARAMETER = /(^|\/)\.{1,2};/;

/**
 * Returns `target` if it is a safe redirect, else `undefined`.
 * @param allowedUrls absolute URL prefixes also accepted, compared by origin and by path
 *   prefix at a segment boundary
 */
export function safeRedirect(
  target: unknown,
  allowedUrls: readonly string[] = [],
): string | undefined {
  if (typeof target !== 'string' || target.length === 0 || target.length > MAX_LENGTH)
    return undefined;
  // Control characters and whitespace are where parsers disagree; refuse them.
  if (UNSAFE_CHARACTERS.test(target)) return undefined;
  const decoded = fullyDecoded(target);
  if (decoded === undefined) return undefined;
  // Every reading must be safe: as sent, decoded (`/guides/..%2Fadmin` is `/admin`
  // to a server that decodes before resolving), and decoded with compatibility
  // look-alikes folded (`／`, `．`, `＼` are `/`, `.`, `\` to a server that applies
  // NFKC or IIS's best-fit mapping).
  const readings = [target, decoded, decoded.normalize('NFKC')];
  if (readings.some((reading) => UNSAFE_DECODED.test(reading))) return undefined;
  if (readings.every(isLocalPath)) return target;
  for (const allowed of allowedUrls) {
    if (readings.every((reading) => matchesAllowed(reading, allowed))) return target;
  }
  return undefined;
}

/**
 * `target` percent-decoded until nothing changes, so `%2F%2Fevil` and `%252F%252F`
 * cannot hide a second slash; `undefined` when it does not decode, or still
 * changes after a few rounds (no real link is encoded four times over).
 */
function fullyDecoded(target: string): string | undefined {
  let decoded = target;
  try {
    for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
      const next = decodeURIComponent(decoded);
      if (next === decoded) return decoded;
      decoded = next;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function isLocalPath(path: string): boolean {
  // One leading slash, not two; no scheme anywhere before the first slash.
  return path.startsWith('/') && !path.startsWith('//');
}

function matchesAllowed(target: string, allowed: string): boolean {
  let url: URL;
  let base: URL;
  try {
    url = new URL(target);
    base = new URL(allowed);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  if (url.origin !== base.origin) return false;
  if (DOT_SEGMENT_WITH_PARAMETER.test(url.pathname)) return false;
  // A prefix ends at a path segment: `/app` allows `/app` and `/app/…`, never `/app-evil`.
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return url.pathname === base.pathname || url.pathname.startsWith(prefix);
}
