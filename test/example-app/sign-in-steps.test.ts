/**
 * The steps between asking and being signed in, as plain HTTP (what a browser
 * without JavaScript does): cross-device sign-in finished with "Check again";
 * a code from the email typed on "check your inbox"; "Call me instead" on the
 * enter-code page; and a dead link or code leading to "Send me a new link" as
 * one button, or back to the sign-in form when nothing is in progress.
 */
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startExampleApp, type ExampleAppProcess } from './support/example-app-process';

let emulator: Emulator;
let app: ExampleAppProcess;

beforeAll(async () => {
  // A site whose emails carry a link and a code, as the embedded emulator's do.
  emulator = await startEmulator({ quiet: true, emailToken: 'both' });
  app = await startExampleApp({
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
    EMAIL_CODE: '1',
    RESEND_COOLDOWN_SECONDS: '1',
  });
});

afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

type Agent = ReturnType<typeof request.agent>;

/** Asks for a link by email as the sign-in form does; resolves to the "check your inbox" page. */
async function askForLink(agent: Agent, email: string): Promise<string> {
  const sent = await agent.post('/auth/link').type('form').send({ email }).expect(303);
  expect(sent.headers.location).toBe('/check-inbox');
  return (await agent.get('/check-inbox').expect(200)).text;
}

/** The path and query of the newest link sent to `email`. */
function newestLink(email: string): string {
  const link = new URL(emulator.outbox.latest(email)!.link!);
  return `${link.pathname}${link.search}`;
}

/** Waits out the one-second send cooldown of this file's app. */
async function afterCooldown(sentAt: number): Promise<void> {
  const left = sentAt + 1100 - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

describe('cross-device sign-in without JavaScript', () => {
  test('"Check again" signs the first browser in once the second one typed the number', async () => {
    const laptop = request.agent(app.url);
    const page = await askForLink(laptop, 'ada@example.com');
    const number = /class="match">(\d{2})</.exec(page)?.[1];
    expect(number).toBeDefined();
    expect(page).toContain('Waiting for the link to be opened');
    expect(page).toMatch(
      /<form id="check-again" method="get" action="\/auth\/link\/status">\s*<input type="hidden" name="back" value="\/auth\/link\/sent" \/>/,
    );
    expect(page).toContain('<script src="/public/check-inbox.js" defer></script>');

    const phone = request.agent(app.url);
    const confirm = await phone.get(newestLink('ada@example.com')).expect(200);
    expect(confirm.text).toContain('Finish signing in');
    expect(confirm.text).not.toContain('autofocus');
    const hidden = Object.fromEntries(
      [...confirm.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)" \/>/g)]
        .filter(([, name]) => name === 'vtoken' || name === 'flow')
        .map(([, name, value]) => [name, value]),
    );
    const finished = await phone
      .post('/auth/callback')
      .type('form')
      .send({ ...hidden, match: number })
      .expect(200);
    expect(finished.text).toContain(
      'You are signed in on your other device. You can close this tab.',
    );
    expect(finished.headers['set-cookie']).toBeUndefined();

    // Still waiting, as far as the page can tell; "Check again" asks the router.
    const checked = await laptop.get('/auth/link/status?back=/auth/link/sent').expect(303);
    expect(checked.headers.location).toBe('/profile');
    expect((await laptop.get('/profile').expect(200)).text).toContain('Ada Lovelace');
    expect((await phone.get('/profile')).headers.location).toBe('/');
  });

  test('after a wrong number, "Check again" shows that the sign-in can no longer finish elsewhere', async () => {
    const laptop = request.agent(app.url);
    const page = await askForLink(laptop, 'grace@example.com');
    const number = Number(/class="match">(\d{2})</.exec(page)?.[1]);
    const link = new URL(emulator.outbox.latest('grace@example.com')!.link!);
    const wrong = await request(app.url)
      .post('/auth/callback')
      .type('form')
      .send({
        vtoken: link.searchParams.get('vtoken'),
        flow: link.searchParams.get('flow'),
        match: String(number === 99 ? 10 : number + 1),
      })
      .expect(303);
    expect(wrong.headers.location).toBe('/sign-in-problem?error=verify_failed');

    const checked = await laptop.get('/auth/link/status?back=/auth/link/sent').expect(303);
    expect(checked.headers.location).toBe('/auth/link/sent?status=expired');
    const again = await laptop.get('/auth/link/sent').expect(200);
    expect(again.text).toContain('This sign-in can no longer finish from another device.');
    expect(again.text).not.toContain('id="check-again"');
    expect(again.text).not.toContain('check-inbox.js');
    // The link itself still works in this browser.
    const confirm = await laptop.get(`${link.pathname}${link.search}`).expect(200);
    expect(confirm.text).toContain('<button type="submit" autofocus>Sign in</button>');
  });
});

describe('a code from the email, on "check your inbox"', () => {
  test('a wrong code comes back with the field and "Send me a new link"; the right one signs in', async () => {
    const agent = request.agent(app.url);
    const page = await askForLink(agent, 'linus@example.com');
    expect(page).toMatch(/<form id="email-code-form"[^>]*action="\/auth\/link\/verify"/);
    const code = emulator.outbox.latest('linus@example.com')!.otp!;
    const wrong = code === '000000' ? '111111' : '000000';

    const refused = await agent.post('/auth/link/verify').type('form').send({ otp: wrong });
    expect(refused.headers.location).toBe('/sign-in-problem?error=verify_failed&resend=1');
    const problem = await agent.get(String(refused.headers.location)).expect(303);
    expect(problem.headers.location).toBe('/check-inbox?error=verify_failed&resend=1');
    const back = await agent.get(String(problem.headers.location)).expect(200);
    expect(back.text).toContain('That sign-in link or code is invalid');
    expect(back.text).toContain('id="email-code-form"');
    expect(back.text).toMatch(/<form\s+id="resend-form"[^>]*action="\/auth\/link"/);
    expect(back.text).toContain('We will send it to l***@example.com.');

    const signedIn = await agent.post('/auth/link/verify').type('form').send({ otp: code });
    expect(signedIn.headers.location).toBe('/profile');
  });
});

describe('"Call me instead" on the enter-code page', () => {
  test('is offered with the resend cooldown, and calls the number', async () => {
    const agent = request.agent(app.url);
    const sentAt = Date.now();
    await agent.post('/auth/otp').type('form').send({ phone: '+14155550101' }).expect(303);
    const page = (await agent.get('/enter-code').expect(200)).text;
    expect(page).toMatch(
      /<form id="voice-form" method="post" action="\/auth\/otp">\s*<input type="hidden" name="resend" value="1" \/>\s*<input type="hidden" name="voice" value="1" \/>/,
    );
    expect(page).toMatch(/id="voice-button"[^>]*data-wait-seconds="1"/);
    expect(page).toContain('Call me instead');

    await afterCooldown(sentAt);
    const called = await agent
      .post('/auth/otp')
      .type('form')
      .send({ resend: '1', voice: '1' })
      .expect(303);
    expect(called.headers.location).toBe('/enter-code');
    expect(emulator.outbox.latest('+14155550101')).toMatchObject({ channel: 'voice', voice: true });
    const calling = (await agent.get('/enter-code').expect(200)).text;
    expect(calling).toContain('we are calling it to read out a code');
  });
});

describe('a dead link', () => {
  test('in the browser that asked: "Send me a new link", one button that sends one', async () => {
    const agent = request.agent(app.url);
    const sentAt = Date.now();
    await askForLink(agent, 'ada@example.com');
    const link = new URL(emulator.outbox.latest('ada@example.com')!.link!);
    const vtoken = link.searchParams.get('vtoken');
    // Someone else spends it first.
    await request(app.url).post('/auth/callback').type('form').send({ vtoken }).expect(303);

    const refused = await agent.post('/auth/callback').type('form').send({ vtoken });
    expect(refused.headers.location).toBe('/sign-in-problem?error=verify_failed&resend=1');
    const page = await agent.get(String(refused.headers.location)).expect(200);
    expect(page.text).toContain('<h1>Sign-in problem</h1>');
    const forms = [...page.text.matchAll(/<form[\s\S]*?<\/form>/g)].map(([form]) => form);
    const offers = forms.filter((form) => form.includes('name="resend"'));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatch(/action="\/auth\/link"/);
    expect(offers[0]).toContain('Send me a new link');
    expect(offers[0]).toContain('We will send it to a***@example.com.');

    await afterCooldown(sentAt);
    const links = emulator.outbox.for('ada@example.com');
    const resent = await agent.post('/auth/link').type('form').send({ resend: '1' }).expect(303);
    expect(resent.headers.location).toBe('/check-inbox');
    const now = emulator.outbox.for('ada@example.com');
    expect(now).toHaveLength(links.length + 1);
    const fresh = new URL(now[now.length - 1]!.link!).searchParams.get('vtoken');
    const signedIn = await agent.post('/auth/callback').type('form').send({ vtoken: fresh });
    expect(signedIn.headers.location).toBe('/profile');
  });

  test('in a browser with no sign-in in progress: back to the sign-in form', async () => {
    const problem = await request(app.url)
      .get('/sign-in-problem?error=verify_failed&resend=1')
      .expect(303);
    expect(problem.headers.location).toBe('/?error=verify_failed');
  });
});
