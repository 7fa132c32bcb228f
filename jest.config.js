/**
 * jest in native ESM mode (the package is "type": "module"); ts-jest only transpiles, tsc type-checks.
 *
 * Three lanes (jest projects), chosen by folder:
 * - unit: tests/unit, pure code only. No Postgres is started for it (`npm run test:unit`).
 * - integration: everything else that runs in Node (integration, contract, sandbox, ui, preview without a
 *   browser), on the real embedded Postgres started by globalSetup.
 * - browser: the preview tests that drive Chromium (tests/preview/browser*.test.ts), also on Postgres.
 * - slow: tests/slow, the long end-to-end suites (over ~60 s, e.g. the 2,000-record sync fixture), on Postgres.
 *   A plain `jest` (`npm test`) leaves this lane out so `npm test` stays short; `npm run test:slow` runs it.
 * Postgres's globalSetup belongs to every project but unit: jest runs a project's globalSetup only when
 * that project has tests to run, and runs the same module once even when both projects name it.
 *
 * TEST_LANE=<name> keeps one project (the npm scripts test:unit, test:integration, test:browser, test:slow set it).
 * jest's own --selectProjects would also do, but it swallows the file paths written after it
 * (`npm run test:unit -- tests/unit/x.test.ts`).
 */
const BROWSER_TESTS = '<rootDir>/tests/preview/browser*.test.ts';

const typescript = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true }] },
};

const withPostgres = {
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
};

const projects = [
  {
    ...typescript,
    displayName: 'unit',
    roots: ['<rootDir>/tests/unit'],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    setupFiles: ['<rootDir>/tests/support/unit-setup.ts'],
  },
  {
    ...typescript,
    ...withPostgres,
    displayName: 'integration',
    roots: ['<rootDir>/tests'],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    testPathIgnorePatterns: [
      '/node_modules/',
      '<rootDir>/tests/unit/',
      '<rootDir>/tests/slow/',
      '<rootDir>/tests/preview/browser[^/]*\\.test\\.ts$',
    ],
  },
  {
    ...typescript,
    ...withPostgres,
    displayName: 'browser',
    roots: ['<rootDir>/tests/preview'],
    testMatch: [BROWSER_TESTS],
  },
  {
    ...typescript,
    ...withPostgres,
    displayName: 'slow',
    roots: ['<rootDir>/tests/slow'],
    testMatch: ['**/*.test.ts'],
  },
];
const SLOW_LANE = 'slow';

const lane = process.env.TEST_LANE;
// Without a lane, the slow project still runs a file the command line names (`npx jest tests/slow/x.test.ts`).
const namesSlowFile = process.argv.some((argument) => argument.includes('tests/slow/'));
const selected = lane
  ? projects.filter((project) => project.displayName === lane)
  : projects.filter((project) => project.displayName !== SLOW_LANE || namesSlowFile);
if (selected.length === 0) {
  throw new Error(`TEST_LANE=${lane} is not a lane; the lanes are ${projects.map((p) => p.displayName).join(', ')}`);
}

export default {
  testTimeout: 30000,
  projects: selected,
};
