/**
 * loginradius-api.md, "The login response" (line 67): `expires_in` is an
 * ISO-8601 timestamp, and LoginRadius's own two-factor sample (line 78) shows it
 * writes them without a zone designator (`"0001-01-01T00:00:00"`, .NET's
 * DateTime). The client parses `expires_in` with Date.parse, which reads a
 * zone-less date-time in the *app server's* local time zone: on a server east of
 * UTC a fresh 15-minute token is "in the past" and every login is refused; west
 * of UTC the session (signOutExpired/requireLogin trust expiresAt) outlives the
 * token by hours. LoginRadius's clock is UTC, so a zone-less value must be read
 * as UTC, whatever TZ the app runs in.
 *
 * Jest's sandbox cannot change the time zone, so the current source
 * (src/loginradius/responses.ts, bundled with esbuild) runs in a child process
 * with TZ set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

function parseIn(tz: string, expiresIn: string, now: number): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'zoneless-'));
  const bundle = join(dir, 'responses.cjs');
  buildSync({
    entryPoints: [join(__dirname, '../../src/loginradius/responses.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'silent',
  });
  const script = join(dir, 'run.cjs');
  writeFileSync(
    script,
    `const { parseLoginResponse } = require(${JSON.stringify(bundle)});
     const body = { Profile: { Uid: 'u1' }, access_token: 'a029e8a7-1111-4453-2222-a5e721e1f358', expires_in: ${JSON.stringify(expiresIn)} };
     try { const r = parseLoginResponse('verifyEmailToken', 200, body, ${now}); process.stdout.write(JSON.stringify({ expiresAt: r.expiresAt.getTime() })); }
     catch (e) { process.stdout.write(JSON.stringify({ error: e.reason, message: e.message })); }`,
  );
  const out = execFileSync(process.execPath, [script], { env: { ...process.env, TZ: tz } });
  return JSON.parse(out.toString());
}

test.each(['Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Auckland'])(
  'a zone-less expires_in 15 minutes ahead is read as UTC on a server in %s',
  (tz) => {
    const now = Date.UTC(2026, 0, 15, 10, 0, 0);
    const expiry = now + 15 * 60_000;
    const zoneless = new Date(expiry).toISOString().replace(/Z$/, '') + '1644'; // 7 fractional digits, as LoginRadius writes
    expect(parseIn(tz, zoneless, now)).toEqual({ expiresAt: expiry });
  },
);
