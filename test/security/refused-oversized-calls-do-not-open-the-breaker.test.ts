/**
 * Item 24's breaker is for LoginRadius being unhealthy, not for one request being
 * refused. A captcha answer of emoji (4096 UTF-16 units, about 24 KB once
 * percent-encoded) made LoginRadius's front end refuse the whole URL (431, no
 * ErrorCode): that counted as an upstream failure, and every send's limits were
 * given back, so one IP could open the breaker for everyone, again and again.
 * Now a captcha answer must look like one, a 4xx without an ErrorCode does not
 * count against LoginRadius, and the per-IP hit of a send that reached
 * LoginRadius stays even when it failed.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
afterEach(async () => t.close());

test('a captcha answer that is no captcha answer is refused before any call', async () => {
  t = await startTestApp({ requestRouter: { maxBodyBytes: 16384 } });
  for (const answer of ['\u{1F600}'.repeat(2030), 'a b', 'x'.repeat(4097), '<script>']) {
    const res = await request(t.app)
      .post('/auth/link')
      .set('Accept', 'application/json')
      .send({ email: 'ada@example.com', 'g-recaptcha-response': answer });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_INPUT');
  }
  expect(t.emulator.calls.sendEmailLink).toBe(0);
  // reCAPTCHA- and hCaptcha-shaped answers go through.
  for (const answer of ['03AGdBq24-x_Yz0', 'P1_eyJ0eXAiOiJKV1QifQ.eyJ4IjoxfQ.c2ln']) {
    const res = await request(t.app)
      .post('/auth/link')
      .set('Accept', 'application/json')
      .send({ email: `someone-${answer.length}@example.com`, 'g-recaptcha-response': answer });
    expect(res.status).toBe(200);
  }
  expect(t.emulator.calls.sendEmailLink).toBe(2);
});

test('sends the front end refuses (431) keep the breaker closed and spend the per-IP limit', async () => {
  t = await startTestApp({
    requestRouter: { limits: { perIp: 3 } },
    client: { breaker: { threshold: 3, cooldownMs: 30_000 } },
  });
  t.app.set('trust proxy', 1);
  t.emulator.inject({ endpoint: 'sendEmailLink', type: 'status', status: 431, times: 6 });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const res = await request(t.app)
      .post('/auth/link')
      .set('X-Forwarded-For', '203.0.113.66')
      .set('Accept', 'application/json')
      .send({ email: `nobody${i}@example.com` });
    statuses.push(res.status);
  }
  expect(statuses.slice(3)).toEqual([429, 429, 429]);
  expect(t.client.breakerState).toBe('closed');
  t.emulator.clearFaults();
  const real = await request(t.app)
    .post('/auth/link')
    .set('X-Forwarded-For', '198.51.100.9')
    .set('Accept', 'application/json')
    .send({ email: t.emulator.accounts[0]!.email });
  expect(real.status).toBe(200);
});
