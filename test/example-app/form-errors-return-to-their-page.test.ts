/**
 * A failed form post brings the person back to the page they were on, with a
 * message for what went wrong: a wrong code or an early "send a new code" to
 * the enter-code page (which still shows the cooldown), an early "send me a new
 * link" to the page that offered it, anything else to the sign-in page. This is also the path without JavaScript.
 */
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

/** Posts a form and follows the redirects; resolves to the final path and page. */
async function postForm(
  agent: ReturnType<typeof request.agent>,
  path: string,
  form: Record<string, string>,
): Promise<{ path: string; text: string }> {
  const first = await agent.post(path).type('form').send(form);
  expect(first.status).toBe(303);
  const problem = String(first.headers.location);
  const second = await agent.get(problem);
  if (second.status !== 303) return { path: problem, text: second.text };
  const target = String(second.headers.location);
  const page = await agent.get(target).expect(200);
  return { path: target, text: page.text };
}

test('an invalid phone number on the sign-in page comes back there with a message', async () => {
  const agent = request.agent(app.url);
  const result = await postForm(agent, '/auth/otp', { phone: 'not a phone' });
  expect(result.path).toBe('/?error=invalid_input');
  expect(result.text).toContain('Please check what you entered');
});

test('a wrong code comes back to the enter-code page with a message', async () => {
  const agent = request.agent(app.url);
  await agent.post('/auth/otp').type('form').send({ phone: '+14155550101' }).expect(303);
  const code = emulator.outbox.latest('+14155550101')?.otp ?? '';
  const wrong = code === '000000' ? '111111' : '000000';
  const result = await postForm(agent, '/auth/otp/verify', { otp: wrong });
  expect(result.path).toBe('/enter-code?error=verify_failed');
  expect(result.text).toContain('That sign-in link or code is invalid');
  expect(result.text).toContain('+14155550101');
});

test('"send a new code" inside the cooldown is refused on the enter-code page, which says how long to wait', async () => {
  const agent = request.agent(app.url);
  await agent.post('/auth/otp').type('form').send({ phone: '+442079460958' }).expect(303);
  const before = emulator.calls.sendPhoneOtp;
  const result = await postForm(agent, '/auth/otp', { resend: '1' });
  expect(result.path).toBe('/enter-code?error=rate_limited');
  expect(result.text).toContain('Too many attempts');
  expect(result.text).toMatch(
    /ask for a new code in <span id="resend-seconds">(5\d|60)<\/span> seconds/,
  );
  expect(emulator.calls.sendPhoneOtp).toBe(before);
});

test('"send me a new link" inside the cooldown comes back to that offer, which says to wait', async () => {
  const agent = request.agent(app.url);
  await agent.post('/auth/link').type('form').send({ email: 'grace@example.com' }).expect(303);
  const before = emulator.calls.sendEmailLink;
  const result = await postForm(agent, '/auth/link', { resend: '1' });
  expect(result.path).toBe('/sign-in-problem?error=rate_limited');
  expect(result.text).toContain('Too many attempts');
  expect(result.text).toMatch(/<form\s+id="resend-form"[^>]*action="\/auth\/link"/);
  expect(result.text).toMatch(
    /ask for a new link in <span id="resend-seconds">(5\d|60)<\/span> seconds/,
  );
  expect(emulator.calls.sendEmailLink).toBe(before);
});

test('with a code pending, a bad entry on the sign-in page still comes back to the sign-in page', async () => {
  const agent = request.agent(app.url);
  await agent.post('/auth/otp').type('form').send({ phone: '+14155550103' }).expect(303);
  const result = await postForm(agent, '/auth/link', { email: 'not-an-email' });
  expect(result.path).toBe('/?error=invalid_input');
});

test('the enter-code page without a code on the way sends the person to sign in', async () => {
  const response = await request(app.url).get('/enter-code');
  expect(response.status).toBe(303);
  expect(response.headers.location).toBe('/');
});
