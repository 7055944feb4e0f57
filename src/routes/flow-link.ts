/**
 * The link LoginRadius emails for one flow: `callbackUrl` with the flow's
 * reference as `flow` (LoginRadius appends `vtype=…&vtoken=…`, and the confirm
 * page compares `flow` with the browser's own). `callbackUrl` is parsed once, at
 * setup: a URL parse and a query rewrite per send cost about 10 µs.
 */
export function flowLinkBuilder(callbackUrl: string): (ref: string) => string {
  const url = new URL(callbackUrl);
  // A `flow` already in the configured URL would be a second, conflicting one.
  url.searchParams.delete('flow');
  const hash = url.hash;
  url.hash = '';
  const base = url.href;
  const joiner = url.search ? '&' : '?';
  return (ref) => `${base}${joiner}flow=${encodeURIComponent(ref)}${hash}`;
}
