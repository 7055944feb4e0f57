import request from 'supertest';
import type { Locales } from '../../../src/index';
import { fakeDateOnly } from '../../support/clock';
import { latestOtp, startTestApp } from '../../support/test-app';

/** Every built-in page a browser can reach, by the situation that shows it. */
export type PageVisit =
  | 'check your inbox'
  | 'check your inbox, cross-device, with an emailed code'
  | 'confirm, own link'
  | 'confirm, other browser'
  | 'confirm, other browser, refused'
  | 'confirm, cross-device'
  | 'confirm, cross-device, unknown browser'
  | 'signed in on the other device'
  | 'enter your code, in the cooldown'
  | 'enter your code, after the cooldown'
  | 'enter your code, by voice'
  | 'error, send a new link'
  | 'error, send a new code'
  | 'error, back to sign-in';

export interface Tour {
  /** The HTML of each page. */
  pages: Record<PageVisit, string>;
  /** The JSON answer to a link that does not work. */
  json: { status: number; message: unknown };
}

const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
/** Well-formed, but no link of the emulator's. */
const UNKNOWN_TOKEN = 'no-such-token-0000';

/**
 * Walks a person through every built-in page with `Accept-Language` set, on
 * routers given `locales`: one app with cross-device sign-in and emailed codes
 * on (the most each page shows), one with `linkBinding: 'same-browser'` and
 * neither (the plain "check your inbox" and the refused link).
 */
export async function tourEveryPage(locales: Locales, acceptLanguage: string): Promise<Tour> {
  const pages: Partial<Record<PageVisit, string>> = {};
  const full = await startTestApp({
    requestRouter: { locales, crossDevice: true, emailCode: true, limits: { perIp: 1000 } },
    verifyRouter: { locales, crossDevice: true },
  });
  const plain = await startTestApp({
    requestRouter: { locales },
    verifyRouter: { locales, linkBinding: 'same-browser' },
  });
  try {
    const visit = async (
      name: PageVisit,
      agent: request.Agent | request.SuperTest<request.Test>,
      path: string,
      status = 200,
    ): Promise<string> => {
      const page = await agent.get(path).set('Accept-Language', acceptLanguage);
      if (page.status !== status) throw new Error(`${name}: ${page.status} ${page.text}`);
      pages[name] = page.text;
      return page.text;
    };
    const ask = async (
      agent: request.Agent,
      path: '/auth/link' | '/auth/otp',
      fields: Record<string, string>,
      userAgent = FIREFOX_WINDOWS,
    ): Promise<void> => {
      await agent
        .post(path)
        .type('form')
        .set('User-Agent', userAgent)
        .set('Accept-Language', acceptLanguage)
        .send(fields)
        .expect(303);
    };
    /** An HTML form post that fails: the error page. */
    const refused = async (
      agent: request.Agent | request.SuperTest<request.Test>,
      path: string,
      fields: Record<string, string>,
    ): Promise<string> => {
      const page = await agent
        .post(path)
        .type('form')
        .set('Accept-Language', acceptLanguage)
        .send(fields);
      if (page.status !== 401) throw new Error(`POST ${path}: ${page.status} ${page.text}`);
      return page.text;
    };
    const linkTo = (app: typeof full, email: string): URL =>
      new URL(app.emulator.outbox.latest(email)!.link!);

    // Device A asks for a link; device B opens it.
    const a = request.agent(full.app);
    await ask(a, '/auth/link', { email: 'ada@example.com' });
    const inbox = await visit(
      'check your inbox, cross-device, with an emailed code',
      a,
      '/auth/link/sent',
    );
    const match = /<strong class="match">(\d\d)<\/strong>/.exec(inbox)?.[1];
    if (!match) throw new Error('the "check your inbox" page shows no number');
    const link = linkTo(full, 'ada@example.com');
    await visit('confirm, own link', a, `/auth/callback${link.search}`);
    const b = request.agent(full.app);
    await visit('confirm, cross-device', b, `/auth/callback${link.search}`);
    await visit(
      'confirm, other browser',
      b,
      `/auth/callback?vtoken=${link.searchParams.get('vtoken')}`,
    );
    const finished = await b
      .post('/auth/callback')
      .type('form')
      .set('Accept-Language', acceptLanguage)
      .send({
        vtoken: link.searchParams.get('vtoken'),
        flow: link.searchParams.get('flow'),
        match,
      });
    if (finished.status !== 200) throw new Error(`the number was refused: ${finished.text}`);
    pages['signed in on the other device'] = finished.text;

    // A browser that does not say what it is.
    await ask(request.agent(full.app), '/auth/link', { email: 'grace@example.com' }, 'curl/8.5.0');
    await visit(
      'confirm, cross-device, unknown browser',
      request.agent(full.app),
      `/auth/callback${linkTo(full, 'grace@example.com').search}`,
    );

    // A link that does not work, with and without a sign-in in progress to resend.
    const c = request.agent(full.app);
    await ask(c, '/auth/link', { email: 'nobody@example.com' });
    pages['error, send a new link'] = await refused(c, '/auth/callback', { vtoken: UNKNOWN_TOKEN });
    pages['error, back to sign-in'] = await refused(request(full.app), '/auth/callback', {
      vtoken: UNKNOWN_TOKEN,
    });
    const json = await request(full.app)
      .post('/auth/callback')
      .set('Accept-Language', acceptLanguage)
      .send({ vtoken: UNKNOWN_TOKEN });

    // Codes by SMS: in the cooldown, after it ("Call me instead"), a wrong code; by voice.
    const d = request.agent(full.app);
    const phone = full.emulator.accounts[0]!.phone!;
    await ask(d, '/auth/otp', { phone });
    await visit('enter your code, in the cooldown', d, '/auth/otp/sent');
    const clock = fakeDateOnly();
    try {
      clock.advance(61_000);
      await visit('enter your code, after the cooldown', d, '/auth/otp/sent');
    } finally {
      clock.restore();
    }
    const otp = latestOtp(full.emulator, phone);
    pages['error, send a new code'] = await refused(d, '/auth/otp/verify', {
      otp: otp === '000000' ? '111111' : '000000',
    });
    const e = request.agent(full.app);
    await ask(e, '/auth/otp', { phone: full.emulator.accounts[1]!.phone!, voice: '1' });
    await visit('enter your code, by voice', e, '/auth/otp/sent');

    // Without cross-device sign-in and emailed codes; links bound to their browser.
    const f = request.agent(plain.app);
    await ask(f, '/auth/link', { email: 'ada@example.com' });
    await visit('check your inbox', f, '/auth/link/sent');
    await visit(
      'confirm, other browser, refused',
      request(plain.app),
      `/auth/callback${linkTo(plain, 'ada@example.com').search}`,
      401,
    );

    return {
      pages: pages as Record<PageVisit, string>,
      json: { status: json.status, message: json.body?.error?.message },
    };
  } finally {
    await Promise.all([full.close(), plain.close()]);
  }
}
