// @ts-check
/**
 * Mutation testing of the rules in src/lib (`npm run test:mutation`; not part of `npm test`):
 * StrykerJS changes one operator, condition or value at a time and runs the unit tests that
 * cover it; a change no test notices ("survived") is a rule no test guards.
 *
 * Only the tests that call src/lib in the same process can notice a change (the CLI and build
 * tests start other processes, which load the code unchanged), so vitest.mutation.config.ts runs those.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/lib/versions.ts',
    'src/lib/review.ts',
    'src/lib/dates.ts',
    'src/lib/review-table.ts',
    'src/lib/diff/**/*.ts',
    // The model's draft rules: what is published, linked and counted (loadHandbook).
    'src/lib/model.ts:298-406',
  ],
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one mutant at a time each.
  concurrency: 2,
  timeoutMS: 60_000,
  // The first run (all tests, with coverage per test) takes minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  // A mutant in a module-level constant would need every test run again: left out.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.test-reports/mutation/index.html' },
  jsonReporter: { fileName: '.test-reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
