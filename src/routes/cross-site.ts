import type { Request } from 'express';
import { CrossSiteRequestError } from '../errors';

/**
 * Cross-site request protection by the modern rule (as Go's
 * `http.CrossOriginProtection`): browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`, and a cross-site page cannot forge either.
 *
 * - `Sec-Fetch-Site` present: only `same-origin` and `none` (typed URL, bookmark) pass.
 * - else `Origin` present: it must be a trusted origin, or have the request's own host.
 * - neither header: not a browser (curl, a server, a test), so there is no
 *   ambient cookie to abuse; it passes.
 *
 * Trusted origins pass in every case (for example a separate front-end origin).
 * This guards every POST of both routers, login-CSRF included.
 */
export function checkCrossSite(req: Request, trustedOrigins: ReadonlySet<string>): void {
  const origin = singleHeader(req, 'origin');
  if (origin !== undefined && trustedOrigins.has(origin.toLowerCase())) return;
  const site = singleHeader(req, 'sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return;
    throw new CrossSiteRequestError(`Sec-Fetch-Site is "${site.slice(0, 20)}"`);
  }
  if (origin === undefined) return;
  if (origin === 'null') throw new CrossSiteRequestError('Origin is "null"');
  const host = singleHeader(req, 'host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new CrossSiteRequestError('Origin is not a URL');
  }
  if (host === undefined || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new CrossSiteRequestError('Origin is not this site');
  }
}

/** Normalizes configured origins (`https://app.example`) to the form browsers send. */
export function originSet(origins: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new TypeError(`"${origin}" is not an origin such as https://app.example`);
    }
    set.add(url.origin.toLowerCase());
  }
  return set;
}

function singleHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text.trim();
}
