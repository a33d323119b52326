#!/usr/bin/env bash
# Runs every suite (the strict type check, Vitest unit tests, Playwright end-to-end tests) and
# ends with one line, "N passed, N failed", with the totals. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests drive Debian's Chromium and serve the site with nginx.
bash scripts/ensure-system-packages.sh || exit 1

mkdir -p .test-reports
rm -f .test-reports/unit.json .test-reports/e2e.json

# Strict types first (astro check: .astro and .ts files, astro/tsconfigs/strictest); a type
# error counts as one failure in the totals.
npx astro check
export TYPECHECK_STATUS=$?

npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json
unit_status=$?
npx playwright test
e2e_status=$?

node -e '
const fs = require("node:fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return undefined; } };
const unit = read(".test-reports/unit.json");
const e2e = read(".test-reports/e2e.json");
let passed = 0, failed = 0;
if (unit) { passed += unit.numPassedTests; failed += unit.numFailedTests; } else failed += 1;
if (e2e) { passed += e2e.stats.expected + e2e.stats.flaky; failed += e2e.stats.unexpected; } else failed += 1;
if (process.env.TYPECHECK_STATUS !== "0") failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
'
summary_status=$?
if [ "$TYPECHECK_STATUS" -ne 0 ] || [ "$unit_status" -ne 0 ] || [ "$e2e_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then exit 1; fi
