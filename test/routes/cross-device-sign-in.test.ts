/**
 * Cross-device sign-in (`crossDevice: true`): a person asks for a link on
 * device A, opens it on device B, types there the number A shows, and A is
 * signed in by its next status poll; B gets no session and never sees the
 * access token. The number is why this is safe: someone who starts a sign-in
 * as you cannot make you finish it, because only their screen shows it.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestToken, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true, successRedirect: '/welcome' },
  });
});
afterEach(async () => t.close());

const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Device A asks; resolves to A's agent, the number it shows, and the link. */
async function deviceAAsks(email = 'ada@example.com', body: object = {}) {
  const a = request.agent(t.app);
  const sent = await a
    .post('/auth/link')
    .set('User-Agent', FIREFOX_WINDOWS)
    .send({ email, ...body });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ sent: true, match: expect.stringMatching(/^[1-9]\d$/) });
  const link = new URL(t.emulator.outbox.latest(email)!.link!);
  return { a, match: sent.body.match as string, link };
}

function linkFields(link: URL): { vtoken: string; flow: string } {
  return { vtoken: link.searchParams.get('vtoken')!, flow: link.searchParams.get('flow')! };
}

function otherNumber(match: string): string {
  return match === '42' ? '43' : '42';
}

test('B types the number; A is signed in by its next poll; B is not', async () => {
  const { a, match, link } = await deviceAAsks('ada@example.com', { returnTo: '/dashboard' });
  await a
    .get('/auth/link/status')
    .set('Accept', 'application/json')
    .expect(200, { status: 'pending' });

  const b = request.agent(t.app);
  const page = await b.get(`/auth/callback${link.search}`).set('Accept-Language', 'en');
  expect(page.status).toBe(200);
  expect(page.text).toContain('This sign-in was requested');
  expect(page.text).toContain('Firefox on Windows');
  expect(page.text).toContain('Sign in on that device');
  expect(page.text).not.toContain(match === '10' ? '\u0000' : `>${match}<`);

  const finished = await b.post('/auth/callback').send({ ...linkFields(link), match });
  expect(finished.status).toBe(200);
  expect(finished.body).toEqual({ signedIn: false, completedOn: 'other-device' });
  expect(finished.headers['set-cookie']).toBeUndefined();
  await b.get('/me').set('Accept', 'application/json').expect(401);
  expect(t.events.find((e) => e.type === 'cross_device_login')).toMatchObject({
    uid: t.emulator.accounts[0]!.uid,
  });

  const cookieBefore = (await a.get('/auth/link/status').set('Accept', 'application/json')).request
    .cookies;
  const pickup = await a.get('/auth/link/status').set('Accept', 'application/json');
  expect(pickup.body).toEqual({ status: 'none' });
  void cookieBefore;
  const me = await a.get('/me').set('Accept', 'application/json');
  expect(me.status).toBe(200);
  expect(me.body.uid).toBe(t.emulator.accounts[0]!.uid);
});

test('the poll that sees it finished signs A in with a new session id, and goes to returnTo', async () => {
  const { a, match, link } = await deviceAAsks('grace@example.com', { returnTo: '/dashboard' });
  await request(t.app)
    .post('/auth/callback')
    .send({ ...linkFields(link), match })
    .expect(200);
  const pickup = await a.get('/auth/link/status').set('Accept', 'application/json');
  expect(pickup.body).toEqual({ status: 'signed_in', returnTo: '/dashboard' });
  const newCookie = pickup.headers['set-cookie']?.[0] ?? '';
  expect(newCookie).toMatch(/^connect\.sid=/);
  expect(t.events.filter((e) => e.type === 'login')).toHaveLength(1);
  // A second pickup gets nothing: the login was handed over once.
  await a
    .get('/auth/link/status')
    .set('Accept', 'application/json')
    .expect(200, { status: 'none' });
  await a.get('/me').set('Accept', 'application/json').expect(200);
});

test('without JavaScript, "Check again" redirects: back to waiting, then to the page after login', async () => {
  const { a, match, link } = await deviceAAsks();
  const waiting = await a.get('/auth/link/status');
  expect(waiting.status).toBe(303);
  expect(waiting.headers.location).toBe('/auth/link/sent?status=pending');
  const sentPage = await a.get('/auth/link/sent');
  expect(sentPage.text).toContain(`<strong class="match">${match}</strong>`);
  expect(sentPage.text).toContain('Check again');
  await request(t.app)
    .post('/auth/callback')
    .send({ ...linkFields(link), match })
    .expect(200);
  // Finished there, not picked up yet: the page still waits (its next poll signs in).
  const finished = await a.get('/auth/link/sent');
  expect(finished.text).toContain('Check again');
  expect(finished.text).toContain('>Waiting for the link to be opened…</p>');
  const done = await a.get('/auth/link/status');
  expect(done.status).toBe(303);
  expect(done.headers.location).toBe('/welcome');
});

test('a wrong number ends the cross-device path at once: one try, nothing spent, A can still use the link', async () => {
  const { a, match, link } = await deviceAAsks();
  const b = request.agent(t.app);
  const wrong = await b
    .post('/auth/callback')
    .send({ ...linkFields(link), match: otherNumber(match) });
  expect(wrong.status).toBe(401);
  expect(wrong.body.error.code).toBe('VERIFY_FAILED');
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
  expect(t.events.at(-1)).toMatchObject({ type: 'cross_device_refused', reason: 'wrong_number' });
  // The right number afterwards is refused too: one try.
  await b
    .post('/auth/callback')
    .send({ ...linkFields(link), match })
    .expect(401);
  expect(t.emulator.calls.verifyEmailToken).toBe(0);
  await a
    .get('/auth/link/status')
    .set('Accept', 'application/json')
    .expect(200, { status: 'expired' });
  // A opens its own link: the usual confirm page, and it signs A in.
  const own = await a.get(`/auth/callback${link.search}`);
  expect(own.text).toMatch(/<button type="submit" autofocus>/);
  await a.post('/auth/callback').send(linkFields(link)).expect(200);
  await a.get('/me').set('Accept', 'application/json').expect(200);
});

test('an expired flow: A hears "expired", B cannot finish it', async () => {
  const clock = fakeDateOnly();
  try {
    const { a, match, link } = await deviceAAsks();
    clock.advance(10 * 60_000 + 1000);
    await a
      .get('/auth/link/status')
      .set('Accept', 'application/json')
      .expect(200, { status: 'expired' });
    const late = await request(t.app)
      .post('/auth/callback')
      .send({ ...linkFields(link), match });
    expect(late.status).toBe(401);
    expect(t.emulator.calls.verifyEmailToken).toBe(0);
    expect(t.events.at(-1)).toMatchObject({ type: 'cross_device_refused' });
  } finally {
    clock.restore();
  }
});

test('the number is not in the email, and the link holds only its flow reference and token', async () => {
  const { match, link } = await deviceAAsks();
  const message = t.emulator.outbox.latest('ada@example.com')!;
  expect([...link.searchParams.keys()].sort()).toEqual(['flow', 'vtoken', 'vtype']);
  // What the email holds besides its link (whose params are checked above) and its timestamp.
  const rest: Record<string, unknown> = { ...message };
  for (const key of ['link', 'token', 'sentAt']) delete rest[key];
  expect(JSON.stringify(rest)).not.toContain(match);
  expect(link.searchParams.get('flow')).toMatch(/^[\w-]{22}$/);
});

test('the link in the browser that holds the flow behaves as today', async () => {
  const { a, link } = await deviceAAsks();
  const page = await a.get(`/auth/callback${link.search}`);
  expect(page.text).not.toContain('Sign in on that device');
  expect(page.text).toMatch(/<button type="submit" autofocus>Sign in<\/button>/);
  await a.post('/auth/callback').send(linkFields(link)).expect(200);
});

test('B can still sign itself in from that page, unless linkBinding is same-browser', async () => {
  const { link } = await deviceAAsks();
  const b = request.agent(t.app);
  await b
    .post('/auth/callback')
    .send({
      vtoken: latestToken(t.emulator, 'ada@example.com'),
      flow: link.searchParams.get('flow'),
    })
    .expect(200);
  await b.get('/me').set('Accept', 'application/json').expect(200);

  const strict = await startTestApp({
    requestRouter: { crossDevice: true },
    verifyRouter: { crossDevice: true, linkBinding: 'same-browser' },
  });
  try {
    const a = request.agent(strict.app);
    const sent = await a.post('/auth/link').send({ email: 'grace@example.com' });
    const strictLink = new URL(strict.emulator.outbox.latest('grace@example.com')!.link!);
    const page = await request(strict.app).get(`/auth/callback${strictLink.search}`);
    expect(page.text).toContain('Sign in on that device');
    expect(page.text).not.toContain('I asked for this link myself');
    await request(strict.app).post('/auth/callback').send(linkFields(strictLink)).expect(401);
    await request(strict.app)
      .post('/auth/callback')
      .send({ ...linkFields(strictLink), match: sent.body.match })
      .expect(200, { signedIn: false, completedOn: 'other-device' });
  } finally {
    await strict.close();
  }
});

test('without crossDevice, no number is shown and a match field gets nowhere', async () => {
  const plain = await startTestApp();
  try {
    const sent = await request(plain.app).post('/auth/link').send({ email: 'ada@example.com' });
    expect(sent.body).toEqual({ sent: true });
    const link = new URL(plain.emulator.outbox.latest('ada@example.com')!.link!);
    await request(plain.app)
      .post('/auth/callback')
      .send({ ...linkFields(link), match: '42' })
      .expect(401);
    expect(plain.emulator.calls.verifyEmailToken).toBe(0);
    await request(plain.app).get('/auth/link/status').expect(404);
  } finally {
    await plain.close();
  }
});

test('B as an HTML form gets the "signed in on your other device" page, and no session', async () => {
  const { a, match, link } = await deviceAAsks();
  const b = request.agent(t.app);
  const page = await b
    .post('/auth/callback')
    .type('form')
    .send({ ...linkFields(link), match });
  expect(page.status).toBe(200);
  expect(page.text).toContain('You are signed in on your other device. You can close this tab.');
  expect(page.headers['set-cookie']).toBeUndefined();
  expect(page.headers['cache-control']).toBe('no-store');
  await a.get('/auth/link/status').set('Accept', 'application/json').expect(200);
  await a.get('/me').set('Accept', 'application/json').expect(200);
});

test('when B signs itself in with the link, A stops waiting: its status turns expired', async () => {
  const { a, link } = await deviceAAsks();
  const b = request.agent(t.app);
  await b.post('/auth/callback').send(linkFields(link)).expect(200);
  await a
    .get('/auth/link/status')
    .set('Accept', 'application/json')
    .expect(200, { status: 'expired' });
  await a.get('/me').set('Accept', 'application/json').expect(401);
});
