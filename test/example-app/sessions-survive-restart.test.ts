/**
 * By default sessions live in a SQLite file under DATA_DIR, and the development
 * session secret is kept beside it: restarting the app keeps people signed in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startExampleApp, type ExampleAppProcess } from './support/example-app-process';

let emulator: Emulator;
let dataDir: string;
const apps: ExampleAppProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
  dataDir = await mkdtemp(join(tmpdir(), 'example-app-restart-'));
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ExampleAppProcess> {
  const app = await startExampleApp(
    { LOGINRADIUS_API_KEY: emulator.apiKey, LOGINRADIUS_API_BASE_URL: emulator.url },
    { dataDir },
  );
  apps.push(app);
  return app;
}

test('a signed-in session still works after the app restarts', async () => {
  const first = await start();
  await request(first.url).post('/auth/link').type('form').send({ email: 'grace@example.com' });
  const vtoken = new URL(emulator.outbox.latest('grace@example.com')?.link ?? '').searchParams.get(
    'vtoken',
  );
  const signedIn = await request(first.url)
    .post('/auth/callback')
    .type('form')
    .send({ vtype: 'oneclicksignin', vtoken });
  expect(signedIn.headers.location).toBe('/profile');
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
  expect(cookie).toMatch(/^example\.sid=/);
  await first.stop();

  const second = await start();
  expect(second.output.join('')).toContain(`SQLite in ${join(dataDir, 'sessions.sqlite')}`);
  const profile = await request(second.url).get('/profile').set('Cookie', cookie);
  expect(profile.status).toBe(200);
  expect(profile.text).toContain('Grace Hopper');
});
