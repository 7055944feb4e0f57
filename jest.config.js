/**
 * Three projects: everything on Express 5 and passport 0.7; the router and
 * attack suites (test/routes, test/security) once more on Express 4, by resolving `express` to the
 * `express4` alias for both the tests and the package's own code; and the
 * router and strategy suites on passport 0.6, the oldest release the peer
 * range promises, through the `passport06` alias.
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
      roots: ['<rootDir>/test/routes', '<rootDir>/test/security'],
      testMatch: ['**/*.test.ts'],
      transform,
      moduleNameMapper: { '^express$': '<rootDir>/node_modules/express4' },
    },
    {
      displayName: 'passport06',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/routes', '<rootDir>/test/security', '<rootDir>/test/strategy'],
      testMatch: ['**/*.test.ts'],
      transform,
      moduleNameMapper: { '^passport$': '<rootDir>/node_modules/passport06' },
      globals: { EXPECTED_PASSPORT_VERSION: '0.6.0' },
    },
  ],
};
