/**
 * One log line per sign-in event, for the demo's console. Events never carry a
 * token, a code or the API key, and recipients come masked. A `config_error`
 * (the LoginRadius site is set up wrongly: the person was told "sent" and
 * nothing will arrive) is printed loudly, with the setting to fix.
 * @param {import('passport-loginradius-passwordless').PasswordlessEvent} event
 */
export function describeEvent(event) {
  const parts = [`[auth] ${event.type}`];
  if (event.channel) parts.push(`channel=${event.channel}`);
  if (event.recipient) parts.push(`to=${event.recipient}`);
  if (event.uid) parts.push(`uid=${event.uid}`);
  if (event.reason) parts.push(`reason=${event.reason}`);
  if (event.error?.code) parts.push(`error=${event.error.code}`);
  if (event.type === 'config_error') {
    return `[auth] CONFIGURATION PROBLEM: ${event.setting ?? 'see the LoginRadius site settings'}\n${parts.join(' ')}`;
  }
  return parts.join(' ');
}
