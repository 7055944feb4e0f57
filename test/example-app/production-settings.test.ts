/**
 * With NODE_ENV=production the example app refuses to start unless it is set up
 * safely, and says why; set up properly it serves Secure, HttpOnly, SameSite=Lax
 * cookies and HSTS behind an https proxy.
 */
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import {
  runExampleAppToExit,
  startExampleApp,
  type ExampleAppProcess,
} from './support/example-app-process';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16);
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(async () => emulator.close());

function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SESSION_SECRET: SECRET,
    APP_ORIGIN: 'https://app.example',
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
    ...overrides,
  };
}

test('production without SESSION_SECRET refuses to start and says why', async () => {
  const env = productionEnv();
  delete env.SESSION_SECRET;
  const { code, output } = await runExampleAppToExit(env);
  expect(code).toBe(1);
  expect(output).toContain('SESSION_SECRET is not set');
  expect(output).toContain('openssl rand -hex 32');
  expect(output).not.toContain('listening on');
});

test('production with a short SESSION_SECRET refuses to start', async () => {
  const { code, output } = await runExampleAppToExit(productionEnv({ SESSION_SECRET: 'short' }));
  expect(code).toBe(1);
  expect(output).toContain('SESSION_SECRET is shorter than 32 characters');
});

test('production with an http APP_ORIGIN refuses to start and says why', async () => {
  const { code, output } = await runExampleAppToExit(
    productionEnv({ APP_ORIGIN: 'http://app.example' }),
  );
  expect(code).toBe(1);
  expect(output).toContain('APP_ORIGIN must be the https:// address');
  expect(output).toContain('"http://app.example"');
});

test('production without APP_ORIGIN refuses to start', async () => {
  const env = productionEnv();
  delete env.APP_ORIGIN;
  const { code, output } = await runExampleAppToExit(env);
  expect(code).toBe(1);
  expect(output).toContain('APP_ORIGIN must be the https:// address');
});

test('production on the embedded emulator refuses to start', async () => {
  const env = productionEnv();
  delete env.LOGINRADIUS_API_KEY;
  delete env.LOGINRADIUS_API_BASE_URL;
  const { code, output } = await runExampleAppToExit(env);
  expect(code).toBe(1);
  expect(output).toContain('LOGINRADIUS_API_KEY is not set');
});

test('every problem is reported at once', async () => {
  const { code, output } = await runExampleAppToExit({ NODE_ENV: 'production' });
  expect(code).toBe(1);
  expect(output).toContain('SESSION_SECRET');
  expect(output).toContain('APP_ORIGIN');
  expect(output).toContain('LOGINRADIUS_API_KEY');
});

test('a base URL without an API key refuses to start, in development too', async () => {
  const { code, output } = await runExampleAppToExit({ LOGINRADIUS_API_BASE_URL: emulator.url });
  expect(code).toBe(1);
  expect(output).toContain('LOGINRADIUS_API_BASE_URL is set but LOGINRADIUS_API_KEY is not');
});

describe('set up properly behind an https proxy', () => {
  let app: ExampleAppProcess;
  beforeAll(async () => {
    app = await startExampleApp(productionEnv());
  });
  afterAll(async () => app?.stop());

  test('it starts in LoginRadius mode on the configured origin', () => {
    expect(app.url).toBe('https://app.example');
    expect(app.output.join('')).toContain(`mode: LoginRadius at ${emulator.url}`);
  });

  test('the session cookie is __Host-, Secure, HttpOnly and SameSite=Lax', async () => {
    const local = localUrl(app);
    const response = await request(local)
      .post('/auth/link')
      .set('X-Forwarded-Proto', 'https')
      .type('form')
      .send({ email: 'ada@example.com' });
    expect(response.status).toBe(303);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-example\.sid=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  test('pages send HSTS and a CSP without inline scripts', async () => {
    const response = await request(localUrl(app)).get('/').set('X-Forwarded-Proto', 'https');
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('the link in the email points at APP_ORIGIN, whatever Host the request names', async () => {
    await request(localUrl(app))
      .post('/auth/link')
      .set('Host', 'evil.example')
      .type('form')
      .send({ email: 'grace@example.com' })
      .expect(303);
    expect(emulator.outbox.latest('grace@example.com')?.link).toMatch(
      /^https:\/\/app\.example\/auth\/callback\?/,
    );
  });
});

/** The app's real address, for tests (APP_ORIGIN names the public one behind the proxy). */
function localUrl(app: ExampleAppProcess): string {
  const bound = /bound to ([\d.]+:\d+)/.exec(app.output.join(''));
  if (!bound?.[1]) throw new Error('the app did not print where it is bound');
  return `http://${bound[1]}`;
}
