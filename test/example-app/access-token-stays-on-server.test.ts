/**
 * The LoginRadius access token lives in the server-side session only: the
 * profile page, the redirects and the cookies of a whole sign-in never carry it.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startExampleApp, type ExampleAppProcess } from './support/example-app-process';

let emulator: Emulator;
let app: ExampleAppProcess;

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
  app = await startExampleApp({
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
  });
});

afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

/** The access tokens held in the app's session store. */
function storedAccessTokens(): string[] {
  const db = new Database(join(app.dataDir, 'sessions.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT sess FROM sessions').all() as { sess: string }[];
    return rows
      .map((row) => JSON.parse(row.sess) as { passport?: { user?: { accessToken?: string } } })
      .map((sess) => sess.passport?.user?.accessToken)
      .filter((token): token is string => typeof token === 'string');
  } finally {
    db.close();
  }
}

test('no response of a sign-in, and not the profile page, contains the access token', async () => {
  const agent = request.agent(app.url);
  const seen: string[] = [];
  const keep = (response: request.Response): request.Response => {
    seen.push(JSON.stringify(response.headers), response.text ?? '');
    return response;
  };
  keep(await agent.post('/auth/link').type('form').send({ email: 'ada@example.com' }));
  const link = emulator.outbox.latest('ada@example.com')?.link ?? '';
  const linkUrl = new URL(link);
  keep(await agent.get(`${linkUrl.pathname}${linkUrl.search}`).expect(200));
  const signedIn = keep(
    await agent
      .post('/auth/callback')
      .type('form')
      .send({ vtype: 'oneclicksignin', vtoken: linkUrl.searchParams.get('vtoken') }),
  );
  expect(signedIn.headers.location).toBe('/profile');
  const profile = keep(await agent.get('/profile').expect(200));
  expect(profile.text).toContain('Ada Lovelace');

  const tokens = storedAccessTokens();
  expect(tokens).toHaveLength(1);
  for (const text of seen) expect(text).not.toContain(tokens[0]);
});
