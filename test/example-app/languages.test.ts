/**
 * The example app speaks the person's language: the browser's Accept-Language,
 * or the one picked with the switch in the header (a `lang` cookie), for its own
 * pages and for everything the package answers (its pages, its JSON messages,
 * requireLogin and errorHandler). The switch is a same-site form that touches
 * no session. The app's catalogues are complete translations of English.
 */
import request from 'supertest';
import { startExampleApp, type ExampleAppProcess } from './support/example-app-process';
import { exampleAppModule, runModuleScript } from './support/run-module';

let app: ExampleAppProcess;
beforeAll(async () => {
  app = await startExampleApp();
});
afterAll(async () => app?.stop());

/** The `<h1>` of a page. */
function heading(page: string): string | undefined {
  return /<h1>([^<]*)<\/h1>/.exec(page)?.[1];
}

test("the browser's language picks the page's language, with lang and dir", async () => {
  const page = await request(app.url).get('/').set('Accept-Language', 'es-MX,es;q=0.9,en;q=0.5');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<html lang="es" dir="ltr">');
  expect(page.headers['content-language']).toBe('es');
  expect(heading(page.text)).toBe('Iniciar sesión sin contraseña');
  const fallback = await request(app.url).get('/').set('Accept-Language', 'ja');
  expect(fallback.text).toContain('<html lang="en" dir="ltr">');
});

test('the switch keeps the choice in a cookie and goes back to the page it was on', async () => {
  const switched = await request(app.url)
    .post('/language')
    .set('Sec-Fetch-Site', 'same-origin')
    .type('form')
    .send({ lang: 'de', back: '/?error=verify_failed' });
  expect(switched.status).toBe(303);
  expect(switched.headers.location).toBe('/?error=verify_failed');
  const cookies = switched.headers['set-cookie'] as unknown as string[];
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatch(
    /^lang=de; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
  );
});

describe('with the lang cookie set to German, over an English browser', () => {
  const german = (test: request.Test): request.Test =>
    test.set('Cookie', 'lang=de').set('Accept-Language', 'en-US,en;q=0.9');

  test("the app's pages are German", async () => {
    const page = await german(request(app.url).get('/?error=verify_failed'));
    expect(page.text).toContain('<html lang="de" dir="ltr">');
    expect(heading(page.text)).toBe('Ohne Passwort anmelden');
    expect(page.text).toContain('Dieser Anmeldelink oder Code ist ungültig, abgelaufen');
    // The switch marks German and offers the others, each named in its own language.
    expect(page.text).toMatch(/lang="de" aria-current="true"\s*>Deutsch</);
    expect(page.text).toMatch(/value="en"\s+lang="en"\s*>\s*English\s*</);
  });

  test("the package's JSON messages, requireLogin and errorHandler are German", async () => {
    const refused = await german(
      request(app.url).post('/auth/otp/verify').send({ otp: '123456' }),
    ).expect(401);
    expect(refused.body.error.message).toBe(
      'Dieser Anmeldelink oder Code ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
    );
    const profile = await german(
      request(app.url).get('/profile').set('Accept', 'application/json'),
    ).expect(401);
    expect(profile.body.error.message).toBe('Bitte melden Sie sich an, um fortzufahren.');
    const badJson = await german(
      request(app.url).post('/auth/link').type('json').send('{"email":'),
    ).expect(400);
    expect(badJson.body.error.message).toBe(
      'Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.',
    );
  });

  test("the routers' pages (the confirm step) are German", async () => {
    const page = await german(
      request(app.url).get(`/auth/callback?vtype=oneclicksignin&vtoken=${'a'.repeat(64)}`),
    ).expect(200);
    expect(page.text).toContain('<html lang="de" dir="ltr">');
    expect(heading(page.text)).toBe('Anmeldelink prüfen');
    expect(page.text).toContain('Ich habe diesen Link selbst angefordert');
  });
});

test('the switch refuses cross-site posts, unknown languages and off-site returns (dot segments too)', async () => {
  const crossSite = await request(app.url)
    .post('/language')
    .set('Sec-Fetch-Site', 'cross-site')
    .type('form')
    .send({ lang: 'de', back: '/' });
  expect(crossSite.status).toBe(403);
  expect(crossSite.headers['set-cookie']).toBeUndefined();
  const foreignOrigin = await request(app.url)
    .post('/language')
    .set('Origin', 'https://evil.example')
    .type('form')
    .send({ lang: 'de', back: '/' });
  expect(foreignOrigin.status).toBe(403);

  const unknown = await request(app.url).post('/language').type('form').send({ lang: 'xx' });
  expect(unknown.status).toBe(303);
  expect(unknown.headers['set-cookie']).toBeUndefined();
  for (const back of [
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    // Dot segments the URL parser resolves into a second leading slash.
    '/.//evil.example/x',
    '/a/..//evil.example/x',
    '/%2e//evil.example/x',
  ]) {
    const answer = await request(app.url).post('/language').type('form').send({ lang: 'fr', back });
    expect(answer.headers.location).toBe('/');
  }
});

test('a page reached by a dot-segment path never points its switch at another host', async () => {
  // `/.//evil.example/` is `//evil.example/` once resolved: a form with that action
  // would be a protocol-relative URL and carry the link's token off-site.
  const page = await request(app.url).get(`/.//evil.example/?vtoken=${'a'.repeat(64)}`);
  expect(page.text).not.toMatch(/(action|value)="\/\//);
});

test("switching language stores no session, and a page's switch comes back only with what the page reads", async () => {
  const page = await request(app.url).get(
    `/?error=verify_failed&signed_out=1&utm=%3Cb%3E&error_description=x`,
  );
  expect(page.headers['set-cookie']).toBeUndefined();
  expect(page.text).toContain(
    '<input type="hidden" name="back" value="/?error=verify_failed&amp;signed_out=1" />',
  );
  const switched = await request(app.url).post('/language').type('form').send({ lang: 'es' });
  const cookies = switched.headers['set-cookie'] as unknown as string[];
  expect(cookies.every((cookie) => cookie.startsWith('lang='))).toBe(true);
});

test("every catalogue of the app has English's keys and placeholders, and French its typography", async () => {
  const result = (await runModuleScript(`
    const load = async (tag) => (await import('${exampleAppModule('locales/')}' + tag + '.mjs'))[tag];
    const [en, de, es, fr] = await Promise.all(['en', 'de', 'es', 'fr'].map(load));
    const placeholders = (text) => (text.match(/\\{\\w+\\}/g) ?? []).sort().join();
    const report = {};
    for (const [tag, catalogue] of Object.entries({ de, es, fr })) {
      report[tag] = {
        keys: Object.keys(catalogue).sort().join() === Object.keys(en).sort().join(),
        placeholders: Object.keys(en).filter((key) => placeholders(en[key]) !== placeholders(catalogue[key] ?? '')),
        english: Object.keys(en).filter((key) => catalogue[key] === en[key] && /\\s/.test(en[key])),
      };
    }
    report.frenchTypography = Object.keys(fr).filter((key) => /'|[^\\u00a0\\u202f][:;?!]|[\\u00a0\\u202f]$/.test(fr[key]));
    console.log(JSON.stringify(report));
  `)) as Record<string, unknown>;
  const complete = { keys: true, placeholders: [], english: [] };
  expect(result).toEqual({ de: complete, es: complete, fr: complete, frenchTypography: [] });
});

test('on a page a sign-in link opened, the switch is a GET form to it: the token is never in a redirect', async () => {
  const link = `/auth/callback?flow=${'f'.repeat(22)}&vtype=oneclicksignin&vtoken=${'b'.repeat(64)}`;
  const page = await request(app.url).get(link);
  expect(page.text).toMatch(
    /<form\s+class="language-switch"\s+method="get"\s+action="\/auth\/callback"/,
  );
  expect(page.text).toContain(`<input type="hidden" name="vtoken" value="${'b'.repeat(64)}" />`);
  const german = await request(app.url).get(`${link}&lang=de`);
  expect(german.status).toBe(200);
  expect(german.text).toContain('<html lang="de"');
  expect(german.headers['set-cookie']?.[0]).toMatch(/^lang=de;/);
  // The POST switch, given such a page to come back to, drops the token.
  const posted = await request(app.url)
    .post('/language')
    .set('Sec-Fetch-Site', 'same-origin')
    .type('form')
    .send({ lang: 'fr', back: link });
  expect(posted.headers.location).not.toContain('vtoken');
});
