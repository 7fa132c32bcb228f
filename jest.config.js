/** jest in native ESM mode (the package is "type": "module"); ts-jest only transpiles, tsc type-checks. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true }] },
  globalSetup: './tests/support/global-setup.mjs',
  globalTeardown: './tests/support/global-teardown.mjs',
  testTimeout: 30000,
};
