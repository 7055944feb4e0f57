/**
 * The consumer projects of the consumer matrix (scripts/consumer-matrix.mjs):
 * one tiny Express app, written the way each kind of user writes it, that mounts
 * the strategy and both routers and signs one user in against the emulator,
 * all loaded from the installed tarball by the package's public name, with the
 * German catalogue from its subpath (`/locales/de`) answering a German request.
 *
 * The app is the same everywhere; only the module syntax (`require` or
 * `import`), the language and, for TypeScript, the module resolution change.
 */

/** The package under test, by its public name (never a path into the repo). */
export const PACKAGE_NAME = 'passport-loginradius-passwordless';

/** Every consumer: {CommonJS, ESM} x {JavaScript, TypeScript node16, nodenext, bundler}. */
export const CONSUMERS = [
  { name: 'cjs-js', module: 'cjs', lang: 'js' },
  { name: 'esm-js', module: 'esm', lang: 'js' },
  ...['node16', 'nodenext', 'bundler'].flatMap((resolution) => [
    { name: `cjs-ts-${resolution}`, module: 'cjs', lang: 'ts', resolution },
    { name: `esm-ts-${resolution}`, module: 'esm', lang: 'ts', resolution },
  ]),
];

/**
 * The files of one consumer project (name → contents) and the file to run with
 * node once it is installed (and, for TypeScript, compiled into `out/`).
 */
export function consumerProject(consumer) {
  const ts = consumer.lang === 'ts';
  const files = {
    'package.json': json({
      name: `consumer-${consumer.name}`,
      private: true,
      type: consumer.module === 'esm' ? 'module' : 'commonjs',
    }),
  };
  const source = imports(consumer) + appBody(ts);
  if (!ts) {
    files['index.js'] = source;
    return { files, entry: 'index.js' };
  }
  files['index.ts'] = source;
  files['tsconfig.json'] = json({
    compilerOptions: {
      ...compilerModule(consumer),
      target: 'ES2022',
      strict: true,
      // Our declaration files are checked too, not only the app.
      skipLibCheck: false,
      noEmitOnError: true,
      outDir: 'out',
    },
    files: ['index.ts'],
  });
  return { files, entry: 'out/index.js' };
}

/** `module` and `moduleResolution` as a user of that resolution sets them. */
function compilerModule({ module, resolution }) {
  if (resolution !== 'bundler') return { module: resolution, moduleResolution: resolution };
  // `bundler` needs an ES `module`; `preserve` keeps `import x = require()` as a
  // require, which is how a CommonJS file gets the package's `require` condition.
  return module === 'cjs'
    ? { module: 'preserve', moduleResolution: 'bundler' }
    : { module: 'esnext', moduleResolution: 'bundler' };
}

function imports({ module, lang }) {
  const names =
    'LoginRadiusClient, PassportIncomingMessage, PassportServerResponse, PasswordlessStrategy, createRequestRouter, createVerifyRouter';
  if (module === 'esm') {
    const typeNames = lang === 'ts' ? ', type LoginResult' : '';
    return [
      `import { once } from 'node:events';`,
      `import { createServer } from 'node:http';`,
      `import express from 'express';`,
      `import session from 'express-session';`,
      `import passport from 'passport';`,
      `import { ${names}${typeNames} } from '${PACKAGE_NAME}';`,
      `import { startEmulator } from '${PACKAGE_NAME}/emulator';`,
      `import { de } from '${PACKAGE_NAME}/locales/de';`,
      '',
    ].join('\n');
  }
  if (lang === 'js') {
    return [
      `const { once } = require('node:events');`,
      `const { createServer } = require('node:http');`,
      `const express = require('express');`,
      `const session = require('express-session');`,
      `const passport = require('passport');`,
      `const { ${names} } = require('${PACKAGE_NAME}');`,
      `const { startEmulator } = require('${PACKAGE_NAME}/emulator');`,
      `const { de } = require('${PACKAGE_NAME}/locales/de');`,
      '',
    ].join('\n');
  }
  // TypeScript's own spelling of require: resolved with the `require` condition.
  return [
    `import events = require('node:events');`,
    `import http = require('node:http');`,
    `import express = require('express');`,
    `import session = require('express-session');`,
    `import passport = require('passport');`,
    `import lr = require('${PACKAGE_NAME}');`,
    `import emulatorModule = require('${PACKAGE_NAME}/emulator');`,
    `import german = require('${PACKAGE_NAME}/locales/de');`,
    `const { once } = events;`,
    `const { createServer } = http;`,
    `const { ${names} } = lr;`,
    `const { startEmulator } = emulatorModule;`,
    `const { de } = german;`,
    `type LoginResult = lr.LoginResult;`,
    '',
  ].join('\n');
}

/**
 * POST /auth/link → the token from the emulator's outbox → POST /auth/callback
 * → GET /me with the new session cookie; the spent token once more, in German. Exits by itself once done, so a
 * handle the package leaves open shows up as a hang.
 */
function appBody(ts) {
  const t = (annotation) => (ts ? annotation : '');
  return `
${t('type Answer = { status: number; body: Record<string, unknown>; cookie: string | undefined };')}

async function call(url${t(': string')}, init${t(': RequestInit')} = {})${t(': Promise<Answer>')} {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  return { status: response.status, body: ${t('(')}await response.json()${t(') as Record<string, unknown>')}, cookie };
}

function expect(what${t(': string')}, ok${t(': boolean')}, answer${t('?: unknown')})${t(': void')} {
  if (!ok) throw new Error(\`\${what} failed: \${JSON.stringify(answer)}\`);
}

async function main()${t(': Promise<void>')} {
  const emulator = await startEmulator({ quiet: true });
  const client = new LoginRadiusClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  passport.use(
    new PasswordlessStrategy({ client }, async (login${t(': LoginResult')}) => ({
      uid: login.profile.Uid,
      email: login.profile.Email?.[0]?.Value,
    })),
  );
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user${t(': Express.User')}, done) => done(null, user));

  const app = express();
  app.use(express.json());
  app.use(session({ secret: 'consumer matrix', resave: false, saveUninitialized: false }));
  app.use(passport.session());
  const locales = { de };
  app.use(
    '/auth',
    createRequestRouter({ client, callbackUrl: 'http://127.0.0.1/auth/callback', locales }),
  );
  app.use('/auth', createVerifyRouter({ client, locales }));
  app.get('/me', (req, res) => {
    res.json({ user: req.user ?? null });
  });
  // Served as the README suggests: the request and response properties declared up front.
  const server = createServer(
    { IncomingMessage: PassportIncomingMessage, ServerResponse: PassportServerResponse },
    app,
  ).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const base = \`http://127.0.0.1:\${typeof address === 'object' && address ? address.port : 0}\`;

  try {
    const account = emulator.accounts[0];
    if (!account) throw new Error('the emulator has no demo account');
    const sent = await call(\`\${base}/auth/link\`, {
      method: 'POST',
      body: JSON.stringify({ email: account.email }),
    });
    expect('POST /auth/link', sent.status === 200 && sent.body.sent === true, sent);

    const link = emulator.outbox.latest(account.email)?.link;
    const vtoken = link ? new URL(link).searchParams.get('vtoken') : null;
    expect('reading the link from the outbox', typeof vtoken === 'string', link);

    const signedIn = await call(\`\${base}/auth/callback\`, {
      method: 'POST',
      body: JSON.stringify({ vtoken }),
    });
    expect('POST /auth/callback', signedIn.status === 200 && signedIn.body.signedIn === true, signedIn);

    const me = await call(\`\${base}/me\`, { headers: { cookie: signedIn.cookie ?? '' } });
    const user = me.body.user${t(' as { uid?: unknown } | null')};
    expect('GET /me with the session cookie', user?.uid === account.uid, me);

    const again = await call(\`\${base}/auth/callback\`, {
      method: 'POST',
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
      body: JSON.stringify({ vtoken }),
    });
    const refusal = again.body.error${t(' as { message?: unknown } | undefined')};
    expect('the spent link, in German', refusal?.message === de['error.verifyFailed'], again);
    console.log(\`signed in \${account.email} as \${account.uid}; refused the spent link in German\`);
  } finally {
    server.closeAllConnections();
    server.close();
    await client.close();
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}
