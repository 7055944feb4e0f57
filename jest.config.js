/**
 * Two projects: everything on Express 5, and the router suites (test/routes)
 * once more on Express 4, by resolving `express` to the `express4` alias for
 * both the tests and the package's own code.
 * @type {import('jest').Config}
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'express5',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'express4',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/routes'],
      testMatch: ['**/*.test.ts'],
      transform,
      moduleNameMapper: { '^express$': '<rootDir>/node_modules/express4' },
    },
  ],
};
