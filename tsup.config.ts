import { defineConfig } from 'tsup';

// One dual build: ESM (.js) and CommonJS (.cjs), each with its own declarations,
// so both `import` and `require` consumers get types that match what they load.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'emulator/index': 'src/emulator/index.ts',
    'emulator/cli': 'src/emulator/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', 'emulator/index': 'src/emulator/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  splitting: false,
  treeshake: true,
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
});
