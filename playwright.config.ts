import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // Root in a container needs --no-sandbox; the rest keep Chromium from calling home.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
});
