import type { IncomingMessage } from 'node:http';
import { canonicalHostname, hostnameOfHostHeader, isLoopback } from './hostnames';
import type { Configuration } from './options';

export interface Refusal {
  status: 403 | 421;
  reason: string;
}

/**
 * Keeps web pages away from the emulator, which answers without credentials
 * and whose control API hands out live login links and creates accounts:
 *
 * - a `Host` that is not loopback, the configured `host` or an `allowedHosts`
 *   entry is a DNS-rebinding page (evil.example resolving to 127.0.0.1): 421;
 * - `Sec-Fetch-Site` other than `same-origin` or `none` (a typed URL), or an
 *   `Origin` other than the emulator's own, is a cross-site request: 403. Even
 *   another port of localhost counts, being another origin.
 *
 * Servers, the official SDK and curl send neither header and a loopback `Host`,
 * so they pass. Returns `undefined` for a request that may go ahead.
 */
export function refuseForeignRequest(
  config: Configuration,
  req: IncomingMessage,
): Refusal | undefined {
  const host = req.headers.host;
  const hostname = hostnameOfHostHeader(host);
  if (hostname === undefined || !answersTo(config, hostname)) {
    return {
      status: 421,
      reason:
        `This emulator answers requests for localhost, 127.0.0.1, ::1, its host ` +
        `(${config.host}) and allowedHosts only, not for ${JSON.stringify(host ?? '')}.`,
    };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return {
      status: 403,
      reason: `Requests from web pages (Sec-Fetch-Site: ${site}) are refused.`,
    };
  }
  const origin = req.headers.origin;
  const own = `${config.tls === false ? 'http' : 'https'}://${host}`.toLowerCase();
  if (origin !== undefined && origin.toLowerCase() !== own) {
    return { status: 403, reason: `Requests from web pages (Origin: ${origin}) are refused.` };
  }
  return undefined;
}

function answersTo(config: Configuration, hostname: string): boolean {
  return (
    isLoopback(hostname) ||
    hostname === canonicalHostname(config.host) ||
    config.allowedHosts.has(hostname)
  );
}
