/**
 * The package's internal functions, for the checks suite to time one by one.
 * dist/ exports only the public API, so this bundles the TypeScript sources
 * with esbuild (what tsup builds dist/ with) into a temporary ES module: the
 * same code as dist/, one function at a time. Packages stay external and are
 * imported from this checkout's node_modules, so express-rate-limit's
 * MemoryStore, libphonenumber-js, passport and express-session are the very
 * modules the apps under test run. A few module-private helpers are exported
 * from the bundle too (EXPOSE), each by its name in the source: renaming one
 * fails the build, not the numbers.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Module-private functions to export from the bundle, by source file. */
const EXPOSE = {
  'src/routes/request-router.ts': ['checkDestination'],
  'src/code-counters.ts': ['digest'],
};

const ENTRY = `
export { checkCrossSite } from './src/routes/cross-site';
export { readFlatBody, wantsJson } from './src/routes/request-body';
export { routePreparer } from './src/routes/sub-app';
export {
  parsePhone,
  normalizeEmail,
  normalizeOtp,
  checkToken,
  validatedInput,
} from './src/loginradius/validation';
export { checkDestination } from './src/routes/request-router';
export { flowLinkBuilder } from './src/routes/flow-link';
export { parseRequestRouterOptions } from './src/routes/request-config';
export { parseVerifyRouterOptions } from './src/routes/verify-config';
export { parseStrategyOptions } from './src/strategy-options';
export { Limit, memoryStores } from './src/limits';
export { SendLimits, chargeSend, ipKey, sessionKey } from './src/routes/send';
export { CodeCounters, digest } from './src/code-counters';
export {
  startFlow,
  saveSession,
  markSignedIn,
  endFlow,
  newFlowRef,
  liveFlow,
} from './src/session';
export { authenticate, startSession } from './src/routes/sign-in';
export { publicUser, toSessionUser } from './src/session-user';
export { Translator } from './src/i18n';
export { identifierKey } from './src/credentials';
export { CrossDeviceRecords } from './src/cross-device';
export { flowRefOf } from './src/routes/verify-router';
export { safeRedirect } from './src/redirects';
export { requireLogin, signOutExpired } from './src/require-login';
export { PassportIncomingMessage } from './src/passport-incoming-message';
export { LoginRadiusClient } from './src/loginradius/client';
export { de } from './src/locales/de';
export { es } from './src/locales/es';
export { fr } from './src/locales/fr';
`;

/** Bare imports (packages) stay imports, of the files this checkout resolves them to. */
const packagesFromHere = {
  name: 'packages-from-this-checkout',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      return { path: import.meta.resolve(args.path), external: true };
    });
  },
};

/** Adds `export { … }` for the EXPOSE helpers to their source files. */
const exposePrivates = {
  name: 'expose-module-private-helpers',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const file = args.path.slice(root.length).replaceAll('\\', '/');
      const names = EXPOSE[file];
      if (!names) return undefined;
      const source = await readFile(args.path, 'utf8');
      for (const name of names) {
        if (!new RegExp(`function ${name}\\(`).test(source)) {
          throw new Error(
            `${file} has no function ${name} any more: update bench/lib/internals.mjs`,
          );
        }
      }
      return { contents: `${source}\nexport { ${names.join(', ')} };\n`, loader: 'ts' };
    });
  },
};

/** Builds the bundle and imports it. */
export async function loadInternals() {
  const file = join(tmpdir(), `bench-internals-${randomBytes(6).toString('hex')}.mjs`);
  const { outputFiles } = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'internals.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [packagesFromHere, exposePrivates],
    logLevel: 'silent',
  });
  await writeFile(file, outputFiles[0].contents);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(file, { force: true });
  }
}
