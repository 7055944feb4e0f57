/**
 * loginradius-api.md: sites with Bot Protection on require g-recaptcha-response
 * on sends. LoginRadius has two codes for a missing or wrong captcha, 982 and
 * 1218, and the package reads both as `captcha_required`; a captcha-less send
 * answered 1218 used to give a quiet `send_refused` instead of the `config_error`
 * naming Bot Protection that 982 gives.
 */
import request from 'supertest';
import { startTestApp } from '../support/test-app';
import { lrError, startFakeLr } from '../support/fake-loginradius';

test.each(['/auth/link', '/auth/otp'])(
  'a send without a captcha refused with 1218 (%s) is a config_error naming Bot Protection',
  async (route) => {
    const fake = await startFakeLr(() => lrError(1218));
    const t = await startTestApp({ client: { baseUrl: fake.url } });
    try {
      const body =
        route === '/auth/link' ? { email: 'ada@example.com' } : { phone: '+14155550101' };
      const res = await request(t.app).post(route).send(body);
      expect(res.status).toBe(200);
      const event = t.events.at(-1)!;
      expect(event.type).toBe('config_error');
      expect(event.setting).toMatch(/Bot Protection/);
    } finally {
      await t.close();
      await fake.close();
    }
  },
);
