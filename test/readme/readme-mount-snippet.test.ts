/**
 * The README's "Mount it in your app" snippet, run exactly as written: it is
 * extracted from README.md, imports the package by its public name (the built
 * dist, through the package's own exports map), and signs a user in against the
 * emulator by email link and by SMS code, then signs out. It is served by the
 * README's `server.mjs` snippet, only its port changed (0, on loopback).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index';

const root = join(__dirname, '..', '..');
const dir = join(__dirname, '.generated');
let emulator: Emulator;
let app: ChildProcess;
let base: string;

function snippet(name: 'mount' | 'serve'): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = new RegExp(
    `<!-- snippet:${name}:start -->\\s*\`\`\`js\\n([\\s\\S]*?)\`\`\`\\s*<!-- snippet:${name}:end -->`,
  ).exec(readme);
  if (!match)
    throw new Error(`README.md has no ${name} snippet between the snippet:${name} markers`);
  return match[1]!;
}

/** The README's server.mjs, listening on a free loopback port that it prints. */
function serveSnippet(): string {
  const source = snippet('serve');
  const listen = '.listen(3000)';
  if (!source.includes(listen)) throw new Error(`the serve snippet no longer calls ${listen}`);
  return source.replace(
    listen,
    ".listen(0, '127.0.0.1', function () { console.log(`PORT ${this.address().port}`); })",
  );
}

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.mjs'), snippet('mount'));
  writeFileSync(join(dir, 'server.mjs'), serveSnippet());
  app = spawn(process.execPath, [join(dir, 'server.mjs')], {
    env: {
      ...process.env,
      LOGINRADIUS_API_KEY: emulator.apiKey,
      LOGINRADIUS_API_BASE_URL: emulator.url,
      SESSION_SECRET: 'a long random secret for the test',
      CALLBACK_URL: 'http://app.test/auth/callback',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    app.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /PORT (\d+)/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    app.once('exit', (code) =>
      reject(new Error(`the README app exited with ${code} (run npm run build first)`)),
    );
  });
});

afterAll(async () => {
  app?.kill();
  await emulator?.close();
});

/** A tiny cookie-keeping client. */
function browser() {
  let cookie = '';
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(base + path, {
      redirect: 'manual',
      ...init,
      headers: { accept: 'application/json', ...(cookie ? { cookie } : {}), ...init.headers },
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('connect.sid='));
    if (set) cookie = set.split(';')[0]!;
    return res;
  };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

test('sign in by email link, read the profile, sign out', async () => {
  const go = browser();
  expect((await go('/auth/link', json({ email: 'ada@example.com' }))).status).toBe(200);
  const link = emulator.outbox.latest('ada@example.com')!.link!;
  expect(link).toMatch(
    /^http:\/\/app\.test\/auth\/callback\?flow=[\w-]+&vtype=oneclicksignin&vtoken=/,
  );
  const url = new URL(link);
  const confirm = await go(`/auth/callback${url.search}`, { headers: { accept: 'text/html' } });
  expect(confirm.status).toBe(200);
  const signedIn = await go('/auth/callback', json({ vtoken: url.searchParams.get('vtoken') }));
  expect(signedIn.status).toBe(200);
  const profile = await go('/profile');
  expect(await profile.json()).toEqual({
    uid: emulator.accounts[0]!.uid,
    name: emulator.accounts[0]!.profile.FullName,
  });
  expect((await go('/auth/logout', json({}))).status).toBe(200);
  expect((await go('/profile')).status).toBe(401);
});

test('sign in by SMS code', async () => {
  const go = browser();
  const phone = emulator.accounts[1]!.phone!;
  expect((await go('/auth/otp', json({ phone }))).status).toBe(200);
  const otp = emulator.outbox.latest(phone)!.otp!;
  expect((await go('/auth/otp/verify', json({ otp }))).status).toBe(200);
  expect((await go('/profile')).status).toBe(200);
});

test('bad JSON is answered in the documented shape', async () => {
  const res = await fetch(`${base}/auth/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{',
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({
    error: { code: 'INVALID_INPUT', message: expect.any(String) },
  });
});
