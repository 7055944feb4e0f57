/**
 * Text the app does not control (a LoginRadius profile anyone can edit, the
 * query string, the path) is escaped or not shown at all, so it cannot inject
 * markup into the demo's pages.
 */
import request from 'supertest';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { startExampleApp, type ExampleAppProcess } from './support/example-app-process';
import { exampleAppModule, runModuleScript } from './support/run-module';
import { signInByLink } from './support/sign-in';

const HOSTILE = {
  FullName: '<script>alert("full")</script>',
  FirstName: '<img src=x onerror=alert(1)>',
  LastName: '"><svg onload=alert(2)>',
};

let emulator: Emulator;
let app: ExampleAppProcess;

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
  emulator.addAccount({
    email: 'eve@example.com',
    phone: '+14155550188',
    profile: {
      ...HOSTILE,
      Email: [{ Type: '<b>Primary</b>', Value: 'eve@example.com' }],
    },
  });
  app = await startExampleApp({
    LOGINRADIUS_API_KEY: emulator.apiKey,
    LOGINRADIUS_API_BASE_URL: emulator.url,
  });
});

afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

test('profile fields with markup are shown as text on the profile page', async () => {
  const agent = request.agent(app.url);
  expect(await signInByLink(agent, emulator, 'eve@example.com')).toBe('/profile');
  const page = await agent.get('/profile').expect(200);
  for (const value of [...Object.values(HOSTILE), '<b>Primary</b>']) {
    expect(page.text).not.toContain(value);
  }
  expect(page.text).toContain('&lt;script&gt;alert(&quot;full&quot;)&lt;/script&gt;');
  expect(page.text).toContain('<title>Hello, &lt;img src=x onerror=alert(1)&gt;');
  expect(page.text).toContain('&lt;b&gt;Primary&lt;/b&gt;');
  expect(page.text).not.toMatch(/<(script|img|svg)\b/);
});

test('an error code in the query string is never echoed', async () => {
  for (const path of ['/', '/enter-code', '/sign-in-problem']) {
    const page = await request(app.url)
      .get(`${path}?error=${encodeURIComponent('<script>alert(3)</script>')}`)
      .redirects(2);
    expect(page.text).not.toContain('alert(3)');
  }
  const page = await request(app.url).get('/?error=%3Cb%3Ebold').expect(200);
  expect(page.text).toContain('Something went wrong. Please try again.');
});

test('the not-found page does not echo the path', async () => {
  const page = await request(app.url).get('/%3Cscript%3Ealert(4)%3C%2Fscript%3E').expect(404);
  expect(page.text).not.toContain('alert(4)');
  expect(page.text).toContain('Page not found');
});

test('the html template helper escapes every interpolation except nested templates', async () => {
  const result = await runModuleScript(`
    import { html, safeHref } from '${exampleAppModule('views/html.mjs')}';
    const evil = '<a href="x" onclick=\\'y\\'>&amp;';
    console.log(JSON.stringify({
      text: String(html\`<p>\${evil}</p>\`),
      attribute: String(html\`<i title="\${'" onmouseover="alert(5)'}"></i>\`),
      nested: String(html\`<ul>\${['<1>', '<2>'].map((item) => html\`<li>\${item}</li>\`)}</ul>\`),
      empty: String(html\`[\${null}\${undefined}\${false}\${0}]\`),
      hrefs: [safeHref('javascript:alert(6)'), safeHref('https://example.com/a?b=1'), safeHref(7)],
    }));
  `);
  expect(result).toEqual({
    text: '<p>&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;</p>',
    attribute: '<i title="&quot; onmouseover=&quot;alert(5)"></i>',
    nested: '<ul><li>&lt;1&gt;</li><li>&lt;2&gt;</li></ul>',
    empty: '[0]',
    hrefs: [null, 'https://example.com/a?b=1', null],
  });
});
