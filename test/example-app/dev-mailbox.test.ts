/**
 * The dev mailbox shows what the emulator "sent"; it exists only when the app
 * runs on an emulator, never with a real LoginRadius API key.
 */
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import {
  runExampleAppToExit,
  startExampleApp,
  type ExampleAppProcess,
} from './support/example-app-process';

/** The markup of the first (newest) message of the mailbox page. */
function newestMessage(page: string): string {
  const start = page.indexOf('class="message"');
  return page.slice(start, page.indexOf('</li>', start));
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(async () => emulator.close());

describe('on the embedded emulator (no API key)', () => {
  let app: ExampleAppProcess;
  beforeAll(async () => {
    app = await startExampleApp();
  });
  afterAll(async () => app?.stop());

  test('the sign-in page links the mailbox and lists the demo accounts', async () => {
    const page = await request(app.url).get('/').expect(200);
    expect(page.text).toContain('href="/dev/mailbox"');
    for (const email of ['ada@example.com', 'grace@example.com', 'linus@example.com']) {
      expect(page.text).toContain(email);
    }
  });

  test('the mailbox shows a sent link and code, newest first, marked development-only', async () => {
    await request(app.url).post('/auth/link').type('form').send({ username: 'ada' }).expect(303);
    await request(app.url).post('/auth/otp').type('form').send({ phone: '+442079460958' });
    const page = await request(app.url).get('/dev/mailbox').expect(200);
    expect(page.text).toContain('Development only');
    expect(page.headers['cache-control']).toBe('no-store');
    const code = page.text.indexOf('data-kind="passwordless_otp"');
    const link = page.text.indexOf('data-kind="passwordless_link"');
    expect(code).toBeGreaterThan(0);
    expect(link).toBeGreaterThan(code);
    expect(page.text).toMatch(
      /href="http:\/\/localhost:\d+\/auth\/callback\?flow=[\w-]+&amp;vtype=oneclicksignin&amp;vtoken=[0-9a-f]+"/,
    );
    expect(page.text).toMatch(/<span class="code">\d{6}<\/span>/);
  });

  test("the embedded emulator's email carries a code as well as the link, and the mailbox shows both", async () => {
    await request(app.url).post('/auth/link').type('form').send({ email: 'grace@example.com' });
    const page = await request(app.url).get('/dev/mailbox').expect(200);
    const newest = newestMessage(page.text);
    expect(newest).toContain('data-to="grace@example.com"');
    expect(newest).toContain('Sign-in link and code (email)');
    expect(newest).toMatch(
      /class="button open-link" href="http:\/\/localhost:\d+\/auth\/callback\?/,
    );
    expect(newest).toMatch(/<span class="code">\d{6}<\/span>/);
  });

  test('a code read out by a voice call is marked as one', async () => {
    const agent = request.agent(app.url);
    await agent.post('/auth/otp').type('form').send({ phone: '+14155550101', voice: '1' });
    const page = await agent.get('/dev/mailbox').expect(200);
    const newest = newestMessage(page.text);
    expect(newest).toContain('data-channel="voice"');
    expect(newest).toContain('Sign-in code (voice call)');
    expect(newest).toContain('read out on a call');
  });
});

describe('with a LoginRadius API key', () => {
  let app: ExampleAppProcess;
  beforeAll(async () => {
    app = await startExampleApp({
      LOGINRADIUS_API_KEY: emulator.apiKey,
      LOGINRADIUS_API_BASE_URL: emulator.url,
    });
  });
  afterAll(async () => app?.stop());

  test('there is no mailbox', async () => {
    await request(app.url).post('/auth/link').type('form').send({ email: 'ada@example.com' });
    const page = await request(app.url).get('/dev/mailbox');
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('vtoken');
  });

  test('the sign-in page neither links a mailbox nor lists accounts, and names the mode', async () => {
    const page = await request(app.url).get('/').expect(200);
    expect(page.text).not.toContain('/dev/mailbox');
    expect(page.text).not.toContain('ada@example.com');
    expect(page.text).not.toContain('Development mode');
    expect(page.text).toContain('mode-loginradius');
  });
});

describe('with DEV_MAILBOX=1 and a separately started emulator on this machine', () => {
  let app: ExampleAppProcess;
  beforeAll(async () => {
    app = await startExampleApp({
      LOGINRADIUS_API_KEY: emulator.apiKey,
      LOGINRADIUS_API_BASE_URL: emulator.url,
      DEV_MAILBOX: '1',
    });
  });
  afterAll(async () => app?.stop());

  test("the mailbox shows that emulator's outbox", async () => {
    await request(app.url).post('/auth/link').type('form').send({ email: 'linus@example.com' });
    const page = await request(app.url).get('/dev/mailbox').expect(200);
    const token = new URL(emulator.outbox.latest('linus@example.com')?.link ?? '').searchParams.get(
      'vtoken',
    );
    expect(token).toBeTruthy();
    expect(page.text).toContain(`vtoken=${token}`);
  });

  test("the sign-in page lists that emulator's accounts", async () => {
    const page = await request(app.url).get('/').expect(200);
    expect(page.text).toContain('grace@example.com');
  });
});

test('DEV_MAILBOX=1 with LoginRadius itself refuses to start', async () => {
  const { code, output } = await runExampleAppToExit({
    LOGINRADIUS_API_KEY: 'a-real-key',
    LOGINRADIUS_API_BASE_URL: 'https://api.loginradius.com',
    DEV_MAILBOX: '1',
  });
  expect(code).toBe(1);
  expect(output).toContain('DEV_MAILBOX=1');
});
