/**
 * Someone sends malformed or hostile input (security.md item 7): bad emails,
 * usernames and phones, oversized bodies, arrays or objects where strings
 * belong, `__proto__` keys and invalid UTF-8 are refused with 400 (413 for
 * size) in the documented shape, and none of them reaches LoginRadius.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    requestRouter: { limits: { perIp: 1000 } },
    verifyRouter: { verifyPerIp: 1000 },
  });
});
afterAll(async () => t.close());
afterEach(() => expect(t.emulator.calls.total).toBe(0));

const documented = { error: { code: expect.any(String), message: expect.any(String) } };

test.each([
  ['no @', { email: 'not-an-email' }],
  ['spaces', { email: 'a b@example.com' }],
  ['255 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com` }],
  ['a display name', { email: 'Ada <ada@example.com>' }],
  ['an empty string', { email: '' }],
  ['both email and username', { email: 'ada@example.com', username: 'ada' }],
  ['neither', {}],
  ['a username with spaces', { username: 'ada lovelace' }],
  ['a 65-character username', { username: 'u'.repeat(65) }],
  ['an array', { email: ['ada@example.com', 'grace@example.com'] }],
  ['an object', { email: { $gt: '' } }],
  ['a number', { email: 42 }],
])('a link request with %s gets 400', async (_name, body) => {
  const res = await request(t.app).post('/auth/link').send(body);
  expect(res.status).toBe(400);
  expect(res.body).toEqual(documented);
});

test.each([
  ['letters', 'call me'],
  ['too short', '+1234'],
  ['a national number without defaultCountry', '4155550101'],
  ['a length no number of its country has', '+141555501011'],
  ['an array', ['+14155550101']],
])('a code request with %s gets 400', async (_name, phone) => {
  const res = await request(t.app).post('/auth/otp').send({ phone });
  expect(res.status).toBe(400);
  expect(res.body).toEqual(documented);
});

test('a body over the limit gets 413', async () => {
  const res = await request(t.app)
    .post('/auth/link')
    .send({ email: 'ada@example.com', padding: 'x'.repeat(5000) });
  expect(res.status).toBe(413);
  expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
});

test('__proto__ and constructor keys get 400', async () => {
  for (const raw of [
    '{"__proto__":{"admin":true},"email":"ada@example.com"}',
    '{"constructor":"x","email":"ada@example.com"}',
  ]) {
    const res = await request(t.app)
      .post('/auth/link')
      .set('Content-Type', 'application/json')
      .send(raw);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(documented);
  }
});

test('invalid UTF-8 gets 400', async () => {
  const form = await request(t.app)
    .post('/auth/link')
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(
      Buffer.concat([
        Buffer.from('email=ada'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('@example.com'),
      ]),
    );
  expect(form.status).toBe(400);
  const json = await request(t.app)
    .post('/auth/link')
    .set('Content-Type', 'application/json')
    .send(
      Buffer.concat([
        Buffer.from('{"email":"ada'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('@example.com"}'),
      ]),
    );
  expect(json.status).toBe(400);
});

test('malformed JSON gets 400 in the documented shape (through errorHandler)', async () => {
  const res = await request(t.app)
    .post('/auth/link')
    .set('Content-Type', 'application/json')
    .send('{"email":');
  expect(res.status).toBe(400);
  expect(res.body).toEqual(documented);
});

test('repeated form parameters get 400', async () => {
  const res = await request(t.app)
    .post('/auth/otp')
    .type('form')
    .set('Accept', 'application/json')
    .send('phone=%2B14155550101&phone=%2B14155550102');
  expect(res.status).toBe(400);
});

test('a malformed code or token never reaches LoginRadius', async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/callback').send({ vtoken: 'short' }).expect(401);
  await agent
    .post('/auth/callback')
    .send({ vtoken: ['a'.repeat(20)] })
    .expect(400);
  await agent
    .post('/auth/otp/verify')
    .send({ otp: { $ne: null } })
    .expect(400);
});
