/**
 * How the package shows who signs in wherever it reports rather than acts
 * (events, logged upstream URLs): enough to tell people apart, not enough to
 * read their address or number.
 */

/** `ada@example.com` → `a***@example.com`; `+14155550101` → `+1415*****01`; usernames → `a***`. */
export function maskRecipient(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (value.startsWith('+') && value.length > 7) {
    return `${value.slice(0, 5)}${'*'.repeat(value.length - 7)}${value.slice(-2)}`;
  }
  return `${value.slice(0, 1)}***`;
}
