/**
 * A person's link was already used (a mail scanner, another browser) or has
 * expired, or their code is locked: the failure page offers "Send me a new
 * link" (or code) for this browser's sign-in in progress, without retyping
 * anything, as a POST under the usual cross-site checks, cooldown and budgets.
 * JSON clients get `canResend: true`. With no sign-in in progress (a link
 * opened elsewhere) the page links back to the sign-in form.
 */
import request from 'supertest';
import { fakeDateOnly } from '../support/clock';
import { latestOtp, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let clock: ReturnType<typeof fakeDateOnly>;
beforeEach(async () => {
  t = await startTestApp({ verifyRouter: { signInPath: '/sign-in' } });
  clock = fakeDateOnly();
});
afterEach(async () => {
  clock.restore();
  await t.close();
});

function linkFields(email: string): { vtoken: string; flow: string } {
  const link = new URL(t.emulator.outbox.latest(email)!.link!);
  return { vtoken: link.searchParams.get('vtoken')!, flow: link.searchParams.get('flow')! };
}

/** The action and hidden fields of the page's resend form, if it has one. */
function resendForm(html: string): { action: string; hidden: string } | undefined {
  const match =
    /<form method="post" action="([^"]+)">((?:<input type="hidden"[^>]+>)*)<p>We will send it to/.exec(
      html,
    );
  return match ? { action: match[1]!, hidden: match[2]! } : undefined;
}

test('a link someone else used: one click sends a fresh link to the same address', async () => {
  const person = request.agent(t.app);
  await person.post('/auth/link').type('form').send({ email: 'ada@example.com' }).expect(303);
  const fields = linkFields('ada@example.com');
  await request(t.app).post('/auth/callback').send(fields).expect(200); // a scanner or another browser
  const dead = await person.post('/auth/callback').type('form').send(fields);
  expect(dead.status).toBe(401);
  expect(dead.text).toContain('We will send it to a***@example.com.');
  expect(dead.text).toContain('Send me a new link');
  const form = resendForm(dead.text);
  expect(form).toEqual({
    action: '/auth/link',
    hidden: '<input type="hidden" name="resend" value="1">',
  });
  clock.advance(61_000); // past the resend cooldown
  const sent = await person.post(form!.action).type('form').send({ resend: '1' });
  expect(sent.status).toBe(303);
  expect(t.emulator.outbox.for('ada@example.com')).toHaveLength(2);
  await person.post('/auth/callback').send(linkFields('ada@example.com')).expect(200);
});

test('the one click is held to the cooldown and to the cross-site check like any send', async () => {
  const person = request.agent(t.app);
  await person.post('/auth/link').send({ email: 'ada@example.com' }).expect(200);
  const fields = linkFields('ada@example.com');
  await request(t.app).post('/auth/callback').send(fields).expect(200);
  const dead = await person.post('/auth/callback').send(fields);
  expect(dead.body.error).toMatchObject({ code: 'VERIFY_FAILED', canResend: true });
  await person.post('/auth/link').send({ resend: '1' }).expect(429);
  clock.advance(61_000);
  await person
    .post('/auth/link')
    .set('Origin', 'https://evil.example')
    .send({ resend: '1' })
    .expect(403);
  await person.post('/auth/link').send({ resend: '1' }).expect(200);
  expect(t.emulator.calls.sendEmailLink).toBe(2);
});

test('a locked code: "Send me a new code" to the same phone, then the new code works', async () => {
  const person = request.agent(t.app);
  const phone = t.emulator.accounts[0]!.phone!;
  await person.post('/auth/otp').send({ phone }).expect(200);
  const otp = latestOtp(t.emulator, phone);
  const wrong = otp === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i += 1) await person.post('/auth/otp/verify').send({ otp: wrong });
  const locked = await person.post('/auth/otp/verify').type('form').send({ otp });
  expect(locked.status).toBe(401);
  expect(locked.text).toContain('Send me a new code');
  expect(locked.text).toContain('We will send it to +1415*****01.');
  clock.advance(61_000);
  await person.post('/auth/otp').send({ resend: '1' }).expect(200);
  await person
    .post('/auth/otp/verify')
    .send({ otp: latestOtp(t.emulator, phone) })
    .expect(200);
});

test('an expired sign-in can be sent again, but its returnTo is not kept', async () => {
  const person = request.agent(t.app);
  await person
    .post('/auth/link')
    .send({ email: 'grace@example.com', returnTo: '/wherever' })
    .expect(200);
  clock.advance(11 * 60_000);
  const dead = await person
    .post('/auth/callback')
    .send({ vtoken: '0123456789abcdef0123456789abcdef' });
  expect(dead.body.error.canResend).toBe(true);
  await person.post('/auth/link').send({ resend: '1' }).expect(200);
  const done = await person.post('/auth/callback').send(linkFields('grace@example.com'));
  expect(done.body.returnTo).toBeUndefined();
});

test('a link opened where no sign-in is in progress links back to the sign-in form', async () => {
  const elsewhere = await request(t.app)
    .post('/auth/callback')
    .type('form')
    .send({ vtoken: '0123456789abcdef0123456789abcdef' });
  expect(elsewhere.status).toBe(401);
  expect(resendForm(elsewhere.text)).toBeUndefined();
  expect(elsewhere.text).toContain('<a href="/sign-in">Back to sign-in</a>');
  const json = await request(t.app)
    .post('/auth/callback')
    .send({ vtoken: '0123456789abcdef0123456789abcdef' });
  expect(json.body.error.canResend).toBeUndefined();
});
