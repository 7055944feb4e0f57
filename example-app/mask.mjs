/**
 * Where a new link or code would go, shown as the package shows it on its own
 * pages: enough to recognise, not enough to read off someone's screen.
 * `ada@example.com` → `a***@example.com`, `ada` → `a***`, `+14155550101` → `+1415*****01`.
 * @param {string} recipient
 */
export function maskRecipient(recipient) {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  if (/^\+\d{7,}$/.test(recipient)) {
    return `${recipient.slice(0, 5)}${'*'.repeat(recipient.length - 7)}${recipient.slice(-2)}`;
  }
  return `${recipient.slice(0, 1)}***`;
}
