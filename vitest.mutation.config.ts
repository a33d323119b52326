import { defineConfig } from 'vitest/config';

/**
 * The unit tests that exercise src/lib in-process: the ones a mutant can fail (see
 * stryker.config.mjs). The tests that start the CLI, a build or a browser are left out: they load
 * the code unmutated and would only slow every mutant down. So is the redline corpus test (3 s a
 * run, and it allows 5 % of pairs to differ, so it notices little that diff.test.ts does not).
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/versions.test.ts',
      'tests/unit/in-force.test.ts',
      'tests/unit/review.test.ts',
      'tests/unit/dates.test.ts',
      'tests/unit/status.test.ts',
      'tests/unit/review-table.test.ts',
      'tests/unit/diff.test.ts',
      'tests/unit/diff-formats.test.ts',
      'tests/unit/model.test.ts',
      'tests/unit/model-drafts.test.ts',
      'tests/unit/check-misses.test.ts',
      'tests/unit/links.test.ts',
      'tests/unit/branding.test.ts',
    ],
    testTimeout: 60_000,
  },
});
