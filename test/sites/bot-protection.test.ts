/**
 * A LoginRadius site with Bot Protection on refuses sends without a captcha
 * answer. The client sends `captchaResponse` as `g-recaptcha-response`; the
 * request router passes a `g-recaptcha-response` form or JSON field on,
 * untouched and bounded; a send without one still answers "sent" to the
 * browser, and the app hears what to fix.
 */
import request from 'supertest';
import { startClientFixture } from '../support/emulator';
import { startTestApp } from '../support/test-app';

test('the client sends captchaResponse as g-recaptcha-response on both sends', async () => {
  const f = await startClientFixture({ botProtection: true });
  try {
    await expect(f.client.sendEmailLink({ email: 'ada@example.com' })).rejects.toMatchObject({
      code: 'LR_ERROR',
      errorCode: 982,
    });
    await f.client.sendEmailLink({ email: 'ada@example.com' }, { captchaResponse: 'answer-1' });
    await f.client.sendPhoneOtp({ phone: '+14155550101' }, { captchaResponse: 'answer-2' });
    expect(f.emulator.requests.map((r) => r.captcha)).toEqual([false, true, true]);
    expect(f.emulator.outbox).toHaveLength(2);
  } finally {
    await f.close();
  }
});

test('the request router passes the form field on; without it the app hears what to fix', async () => {
  const t = await startTestApp({ emulator: { botProtection: true } });
  try {
    const withAnswer = await request(t.app)
      .post('/auth/link')
      .type('form')
      .send({ email: 'ada@example.com', 'g-recaptcha-response': 'from-the-widget' });
    expect(withAnswer.status).toBe(303);
    expect(t.emulator.outbox.latest('ada@example.com')).toBeDefined();
    const withoutAnswer = await request(t.app).post('/auth/otp').send({ phone: '+14155550101' });
    expect(withoutAnswer.body).toEqual({ sent: true });
    const problem = t.events.at(-1)!;
    expect(problem).toMatchObject({ type: 'config_error', reason: '982' });
    expect(problem.setting).toMatch(/Bot Protection/);
  } finally {
    await t.close();
  }
});

test('a JSON field works too, and an oversized answer is refused before any call', async () => {
  const t = await startTestApp({
    emulator: { botProtection: true },
    requestRouter: { maxBodyBytes: 16384 },
  });
  try {
    await request(t.app)
      .post('/auth/otp')
      .send({ phone: '+14155550101', 'g-recaptcha-response': 'x'.repeat(2000) })
      .expect(200, { sent: true });
    expect(t.emulator.requests.at(-1)).toMatchObject({ endpoint: 'sendPhoneOtp', captcha: true });
    const before = t.emulator.calls.total;
    const res = await request(t.app)
      .post('/auth/link')
      .send({ email: 'grace@example.com', 'g-recaptcha-response': 'x'.repeat(5000) });
    expect(res.status).toBe(400);
    expect(t.emulator.calls.total).toBe(before);
  } finally {
    await t.close();
  }
});
