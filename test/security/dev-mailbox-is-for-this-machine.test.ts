/**
 * A visitor from elsewhere reads the dev mailbox, which shows live sign-in links
 * (security.md item 39). The example app's /dev/mailbox answers only clients on
 * this machine as Express sees them (`req.ip`, which honours `trust proxy`:
 * behind a local reverse proxy every socket is loopback, so the forwarded
 * address decides), unless DEV_MAILBOX_FOR_ANYONE=1 says otherwise. The
 * emulator's own control API refuses foreign Hosts and cross-site writes
 * (test/emulator/dns-rebinding.test.ts and cross-site-requests.test.ts).
 */
import request from 'supertest';
import {
  startExampleApp,
  type ExampleAppProcess,
} from '../example-app/support/example-app-process';

const apps: ExampleAppProcess[] = [];
afterAll(async () => Promise.all(apps.map((app) => app.stop())));

async function start(env: Record<string, string>): Promise<ExampleAppProcess> {
  const app = await startExampleApp(env);
  apps.push(app);
  return app;
}

test('behind a proxy, a remote visitor is refused and someone at this machine is served', async () => {
  const app = await start({ TRUST_PROXY: '1' });
  await request(app.url).post('/auth/link').type('form').send({ email: 'ada@example.com' });
  const remote = await request(app.url).get('/dev/mailbox').set('X-Forwarded-For', '203.0.113.9');
  expect(remote.status).toBe(403);
  expect(remote.text).not.toMatch(/vtoken|auth\/callback\?/);
  const local = await request(app.url).get('/dev/mailbox').set('X-Forwarded-For', '127.0.0.1');
  expect(local.status).toBe(200);
  expect(local.text).toMatch(/auth\/callback\?flow=/);
});

test('without a proxy, the socket is the client: loopback is served', async () => {
  const app = await start({});
  // X-Forwarded-For is not trusted here, so it cannot make a visitor look remote or local.
  const res = await request(app.url).get('/dev/mailbox').set('X-Forwarded-For', '203.0.113.9');
  expect(res.status).toBe(200);
});

test('DEV_MAILBOX_FOR_ANYONE=1 serves remote visitors too', async () => {
  const app = await start({ TRUST_PROXY: '1', DEV_MAILBOX_FOR_ANYONE: '1' });
  const remote = await request(app.url).get('/dev/mailbox').set('X-Forwarded-For', '203.0.113.9');
  expect(remote.status).toBe(200);
});
