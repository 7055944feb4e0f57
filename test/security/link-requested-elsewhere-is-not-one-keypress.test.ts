/**
 * Attack: login CSRF with a sign-in link (security.md item 30). The attacker
 * asks for a link for the attacker's own account and gets the victim to open
 * it (a chat message, a QR code); one keypress on an autofocused "Sign in"
 * would put the victim in the attacker's account, where whatever the victim
 * types is the attacker's to read. The link carries the flow reference of the
 * browser that asked (`?flow=`); any other browser is told plainly where the
 * link came from, nothing is focused, and signing in needs a ticked box. With
 * `linkBinding: 'same-browser'` another browser cannot sign in at all.
 */
import request from 'supertest';
import type { Emulator } from '../../src/emulator/index';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';

const ATTACKER = 'mallet@example.com';

let t: TestApp;
async function start(options: TestAppOptions = {}): Promise<TestApp> {
  t = await startTestApp(options);
  t.emulator.addAccount({ email: ATTACKER });
  return t;
}
afterEach(async () => t.close());

/** The path and query of the newest link sent to `email`, as the browser opens it. */
function linkPath(emulator: Emulator, email: string): string {
  const link = emulator.outbox.latest(email)?.link;
  if (!link) throw new Error(`no link was sent to ${email}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** The forms of a page: what each posts to and its markup. */
function formsOf(html: string): { action: string; html: string }[] {
  return [...html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    (match) => ({ action: match[1]!, html: match[2]! }),
  );
}

/** The attacker's browser asks for a link to the attacker's account; resolves to that browser and the link. */
async function attackerAsksForALink(): Promise<{ attacker: request.Agent; link: string }> {
  const attacker = request.agent(t.app);
  await attacker.post('/auth/link').send({ email: ATTACKER }).expect(200);
  return { attacker, link: linkPath(t.emulator, ATTACKER) };
}

/** The victim's browser, with a sign-in of its own in progress for another account. */
async function victimWithOwnFlow(): Promise<request.Agent> {
  const victim = request.agent(t.app);
  await victim.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  return victim;
}

const vtokenOf = (link: string): string =>
  new URL(link, 'https://x.example').searchParams.get('vtoken')!;
const flowOf = (link: string): string =>
  new URL(link, 'https://x.example').searchParams.get('flow')!;

test("the victim who opens the attacker's link is warned, nothing is focused, and a box must be ticked", async () => {
  await start();
  const { link } = await attackerAsksForALink();
  expect(flowOf(link)).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  const victim = await victimWithOwnFlow();
  const page = await victim.get(link);
  expect(page.status).toBe(200);
  expect(page.text).toContain(
    'This sign-in link was requested in another browser or on another device.',
  );
  expect(page.text).not.toMatch(/autofocus/i);
  const [form, ...others] = formsOf(page.text);
  expect(others).toHaveLength(0);
  expect(form!.action).toBe('/auth/callback');
  expect(form!.html).toMatch(/<input type="checkbox"[^>]*\brequired\b/);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
});

test('a victim with no sign-in in progress, or a link stripped of its flow, gets the same warning', async () => {
  await start();
  const { link } = await attackerAsksForALink();
  const stripped = link.replace(/([?&])flow=[^&]*&?/, '$1');
  for (const [browser, path] of [
    [request.agent(t.app), link],
    [await victimWithOwnFlow(), stripped],
  ] as const) {
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('requested in another browser or on another device');
    expect(page.text).not.toMatch(/autofocus/i);
    expect(page.text).toMatch(/<input type="checkbox"[^>]*\brequired\b/);
  }
});

test('the browser that asked for the link gets the normal page with its button focused', async () => {
  await start();
  const { attacker, link } = await attackerAsksForALink();
  const page = await attacker.get(link);
  expect(page.status).toBe(200);
  expect(page.text).not.toContain('another browser');
  expect(page.text).not.toMatch(/type="checkbox"/);
  expect(page.text).toMatch(/<button type="submit" autofocus>/);
});

test("with linkBinding 'same-browser' the victim's browser is offered no way to sign in", async () => {
  await start({ verifyRouter: { linkBinding: 'same-browser' } });
  const { link } = await attackerAsksForALink();
  const victim = await victimWithOwnFlow();
  const page = await victim.get(link);
  expect(page.status).toBe(401);
  expect(page.text).toContain('requested in another browser or on another device');
  expect(formsOf(page.text).filter((form) => form.action === '/auth/callback')).toHaveLength(0);
  expect(page.text).not.toContain(vtokenOf(link));
});

test("with linkBinding 'same-browser' the victim's POST of the token is refused before LoginRadius", async () => {
  await start({ verifyRouter: { linkBinding: 'same-browser' } });
  const { attacker, link } = await attackerAsksForALink();
  const victim = await victimWithOwnFlow();
  const vtoken = vtokenOf(link);
  for (const body of [
    { vtoken, flow: flowOf(link), acknowledge: '1' },
    { vtoken, acknowledge: '1' },
  ]) {
    const res = await victim.post('/auth/callback').set('Accept', 'application/json').send(body);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('VERIFY_FAILED');
  }
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
  await victim.get('/me').set('Accept', 'application/json').expect(401);

  // The attacker's own browser, which asked for it, still signs in with it.
  await attacker
    .post('/auth/callback')
    .send({ vtoken, flow: flowOf(link) })
    .expect(200);
  expect(t.emulator.calls.verifyEmailToken).toBe(1);
  await attacker
    .get('/me')
    .set('Accept', 'application/json')
    .expect(200, {
      uid: t.emulator.accounts.find((a) => a.email === ATTACKER)!.uid,
      email: ATTACKER,
    });
});
