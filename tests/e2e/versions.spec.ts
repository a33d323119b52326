import { spawnSync } from 'node:child_process';
import { expect, expectAccessible, test } from './fixtures.ts';

test.describe('versions, change logs and redlines', () => {
  test('history lists every published version with state, approver and notes', async ({ page, watch }) => {
    await page.goto('policies/retention-and-disposal/history/');
    const entries = page.locator('.history-entry');
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText('Version 2.1');
    await expect(entries.nth(0)).toContainText('Upcoming');
    await expect(entries.nth(1)).toContainText('Current');
    await expect(entries.nth(2)).toContainText('Superseded');
    await expect(entries.nth(1)).toContainText('Approved by');
    await expect(page.getByRole('link', { name: 'Compare version 1.0 with 2.0' })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the picker compares any two versions, in either order', async ({ page, watch }) => {
    await page.goto('policies/secure-communication/history/');
    await page.getByLabel('From').selectOption('2.1');
    await page.getByLabel('To').selectOption('1.0');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/handbook\/policies\/secure-communication\/compare\/1\.0\/2\.1\/$/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a compare page shows inserted and deleted words, a summary, and folds unchanged text', async ({ page, watch }) => {
    await page.goto('policies/secure-communication/compare/1.0/2.0/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('changes from version 1.0 to 2.0');
    await expect(page.locator('.redline-body del').filter({ hasText: 'Facsimile remains an acceptable channel' })).toHaveCount(1);
    await expect(page.locator('.redline-body ins').filter({ hasText: 'client portal' }).first()).toBeVisible();
    // Insertions and deletions are announced, not only coloured.
    await expect(page.locator('.redline-body ins .visually-hidden').first()).toHaveText(/inserted/);
    await expect(page.locator('.redline-summary')).toContainText(/\d+ words? added/);
    const unchanged = page.locator('.rl-unchanged').first();
    await expect(unchanged).toBeVisible();
    await page.getByLabel('Show changes only').check();
    await expect(unchanged).toBeHidden();
    await expect(page.locator('.rl-fold').first()).toBeVisible();
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the print layout hides navigation and keeps the legend and both versions', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('policies/secure-communication/compare/1.0/2.0/');
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.compare-picker')).toBeHidden();
    await expect(page.locator('.legend')).toBeVisible();
    // Both versions and their dates, and the legend, print in the margins of every page.
    const margins = await page.locator('head style').evaluateAll((styles) => styles.map((s) => s.textContent).join('\n'));
    expect(margins).toContain('redline of version 1.0 (15 January 2024) → 2.0 (1 April 2025)');
    expect(margins).toContain('Underlined: inserted');
  });

  test('the CLI prints the same redline as the site', async ({ page }) => {
    await page.goto('policies/retention-and-disposal/compare/1.0/2.0/');
    const site = await page.locator('.redline-body').innerHTML();
    const cli = spawnSync('node_modules/.bin/node', ['scripts/handbook.ts', 'diff', 'retention-and-disposal', '1.0', '2.0', '--format', 'html'], {
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_TODAY: '2026-11-15', HANDBOOK_CONTENT: 'content' },
    });
    expect(cli.status).toBe(0);
    // Let the browser serialise both, so entity spelling (&#39; or ') does not matter.
    const reparsed = await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.innerHTML;
    }, cli.stdout);
    const normalise = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
    expect(normalise(site)).toBe(normalise(reparsed));
  });

  // The handbook as at a date (/as-at/, opened from the form here) is tested in in-force.spec.ts.
  test('changes lists every version newest first', async ({ page, watch }) => {
    await page.goto('changes/');
    const dates = await page.locator('.changes > li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(20);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the feed lists every published version and no draft', async ({ request }) => {
    const response = await request.get('feed.xml');
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('Secure communication, version 2.1');
    expect(xml).not.toContain('version 3.0');
  });

  for (const path of ['policies/secure-communication/history/', 'changes/']) {
    test(`axe finds no WCAG 2.2 AA violation: ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  }
});
