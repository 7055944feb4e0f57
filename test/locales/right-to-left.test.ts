/**
 * An app adds a language written right to left with its own small catalogue:
 * the pages say `dir="rtl"`, show its strings, and English for every key it
 * left out.
 */
import request from 'supertest';
import type { Locales } from '../../src/index';
import { en } from '../../src/locales/en';
import { startTestApp, type TestApp } from '../support/test-app';

const ar = {
  'page.confirm.title': 'تسجيل الدخول',
  'page.confirm.lead': 'اضغط على الزر لإكمال تسجيل الدخول على هذا الجهاز.',
  'page.confirm.button': 'تسجيل الدخول',
  'page.error.title': 'مشكلة في تسجيل الدخول',
} satisfies Locales[string];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ requestRouter: { locales: { ar } }, verifyRouter: { locales: { ar } } });
});
afterAll(async () => t.close());

test('a browser that asks for Arabic gets a right-to-left confirm page in Arabic', async () => {
  const agent = request.agent(t.app);
  await agent.post('/auth/link').type('form').send({ email: 'ada@example.com' }).expect(303);
  const link = new URL(t.emulator.outbox.latest('ada@example.com')!.link!);
  const page = await agent
    .get(`/auth/callback${link.search}`)
    .set('Accept-Language', 'ar-EG,ar;q=0.9');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<html lang="ar" dir="rtl">');
  expect(page.text).toContain(`<h1>${ar['page.confirm.title']}</h1>`);
  expect(page.text).toContain(`<p>${ar['page.confirm.lead']}</p>`);
  expect(page.text).toContain(`>${ar['page.confirm.button']}</button>`);
});

test('what the Arabic catalogue leaves out is in English, on the same right-to-left page', async () => {
  const page = await request(t.app)
    .post('/auth/callback')
    .type('form')
    .set('Accept-Language', 'ar')
    .send({ vtoken: 'no-such-token-0000' });
  expect(page.status).toBe(401);
  expect(page.text).toContain('<html lang="ar" dir="rtl">');
  expect(page.text).toContain(`<h1>${ar['page.error.title']}</h1>`);
  expect(page.text).toContain(en['error.verifyFailed']);
  expect(page.text).toContain(en['page.error.backToSignIn']);

  const json = await request(t.app)
    .post('/auth/callback')
    .set('Accept-Language', 'ar')
    .send({ vtoken: 'no-such-token-0000' });
  expect(json.body.error.message).toBe(en['error.verifyFailed']);
});
