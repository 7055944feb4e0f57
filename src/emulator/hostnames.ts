/**
 * Hostnames as the emulator compares them: lowercase, IPv6 without brackets,
 * IPv4 in dotted form (WHATWG URL parsing, as browsers do).
 */

/** The canonical form of a bare hostname (`app.example`, `::1`), or `undefined` when it is anything more or less. */
export function canonicalHostname(name: string): string | undefined {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  return hostOf(`http://${bracketed}`, false);
}

/** The hostname of a `Host` header (`127.0.0.1:8787`, `[::1]:8787`), or `undefined` when it is malformed. */
export function hostnameOfHostHeader(header: string | undefined): string | undefined {
  return header ? hostOf(`http://${header}`, true) : undefined;
}

/** `localhost`, any `*.localhost`, any 127.x.y.z and `::1`: names only this machine answers to. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '::1'
  );
}

function hostOf(url: string, portAllowed: boolean): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // `evil.example@127.0.0.1` or `127.0.0.1/x` is not a host, whatever a parser makes of it.
  const extra =
    parsed.username || parsed.password || parsed.pathname !== '/' || parsed.search || parsed.hash;
  if (extra || (!portAllowed && parsed.port) || !parsed.hostname) return undefined;
  if (url.endsWith('/') || url.includes('?') || url.includes('#')) return undefined;
  return parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
