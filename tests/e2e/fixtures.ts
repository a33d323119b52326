/**
 * Shared test fixtures: every page visit records console errors and requests to any other
 * host, and `expectAccessible` runs axe for WCAG 2.2 AA.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };
export const TODAY = '2026-11-15';

interface Watch {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ watch: Watch }>({
  baseURL: async ({}, use) => {
    await use(process.env['E2E_BASE_URL']);
  },
  watch: async ({ page }, use) => {
    const watch: Watch = { consoleErrors: [], foreignRequests: [] };
    const origin = process.env['E2E_ORIGIN'] ?? '';
    page.on('console', (msg) => {
      if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.foreignRequests.push(url);
    });
    await use(watch);
    expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
    expect(watch.consoleErrors, 'console errors').toEqual([]);
  },
});

/** Runs axe on the page for WCAG 2.0/2.1/2.2 A and AA and expects no violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, 'axe violations').toEqual([]);
}
