// @ts-check
import { readFileSync } from 'node:fs';
/**
 * Mutation testing of the rules in src/lib (`npm run test:mutation`; not part of `npm test`):
 * StrykerJS changes one operator, condition or value at a time and runs the unit tests that
 * cover it; a change no test notices ("survived") is a rule no test guards.
 *
 * Only the tests that call src/lib in the same process can notice a change (the CLI and build
 * tests start other processes, which load the code unchanged), so vitest.mutation.config.ts runs those.
 *
 * One file at a time is the practical way on a small machine (README, "Tests"):
 *   npx stryker run --mutate src/lib/dates.ts
 * `--incremental` keeps the results in .test-reports/mutation/incremental.json and tests again
 * only the mutants whose code or tests changed since.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
/**
 * `file:start-end`, the lines of one top-level function (from its `function` line to the first
 * line that is a lone `}`), found when the run starts, as other edits move it about.
 * @param {string} file
 * @param {string} name
 */
function functionLines(file, name) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(export )?function ${name}\\b`).test(l));
  const end = lines.findIndex((l, i) => i > start && l === '}');
  if (start < 0 || end < 0) throw new Error(`stryker.config.mjs: no function ${name} in ${file}`);
  return `${file}:${start + 1}-${end + 1}`;
}

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/lib/versions.ts',
    'src/lib/review.ts',
    'src/lib/dates.ts',
    'src/lib/review-table.ts',
    'src/lib/diff.ts',
    'src/lib/diff/**/*.ts',
    // The model's draft rules: what is published, linked, counted and warned about.
    functionLines('src/lib/model.ts', 'withdrawnNote'),
    functionLines('src/lib/model.ts', 'loadHandbook'),
  ],
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Two cores shared with other work.
  concurrency: 2,
  // A mutant that loops (the diff's alignment loops) is stopped after its tests' normal time
  // × 1.5 + 5 s: a longer limit made a whole-file run of the diff take hours.
  timeoutMS: 5_000,
  timeoutFactor: 1.5,
  // The first run (all tests, with coverage per test) can take minutes on a busy machine.
  dryRunTimeoutMinutes: 10,
  // A mutant in a module-level constant would need every test run again: left out.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: '.test-reports/mutation/index.html' },
  jsonReporter: { fileName: '.test-reports/mutation/mutation.json' },
  incrementalFile: '.test-reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
