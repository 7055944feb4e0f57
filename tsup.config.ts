import { defineConfig, type Options } from 'tsup';

const shared = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  treeshake: true,
} satisfies Options;

export default defineConfig([
  // The library: one dual build. The package is `"type": "commonjs"`, so tsup's
  // default names give CommonJS .js/.d.ts and ESM .mjs/.d.mts: every kind of
  // consumer (and every TypeScript moduleResolution) loads code and types of the
  // same module kind, which is what publint and arethetypeswrong check. (No
  // `outExtension` here: tsup does not pass it to its declaration build, so
  // custom names would split code and types apart.)
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      'emulator/index': 'src/emulator/index.ts',
      // The catalogues, one module each, so an app loads only the languages it offers.
      'locales/en': 'src/locales/en.ts',
      'locales/de': 'src/locales/de.ts',
      'locales/es': 'src/locales/es.ts',
      'locales/fr': 'src/locales/fr.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // The bin below is built by the other config at the same time: never delete it.
    clean: ['!emulator/cli.cjs'],
  },
  // The `loginradius-emulator` bin: only run by node, so CommonJS alone is enough.
  {
    ...shared,
    entry: { 'emulator/cli': 'src/emulator/cli.ts' },
    format: ['cjs'],
    dts: false,
    clean: false,
    outExtension: () => ({ js: '.cjs' }),
  },
]);
