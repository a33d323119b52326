import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/local-site.ts';

/**
 * End-to-end tests: the sample handbook, built with a fixed "today" under /handbook/,
 * served by nginx (tests/e2e/global-setup.ts), in Debian's Chromium.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  // Two workers on CI's two cores; locally, Playwright's default (half the cores).
  ...(process.env['CI'] ? { workers: 2 } : {}),
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
