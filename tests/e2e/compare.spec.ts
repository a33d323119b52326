/**
 * Compare pages: static for each version against the one before and against the current one,
 * any other pair redlined in the browser at the same address (the host serves 404.html, whose
 * script redlines the pair), and the same result either way.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { staticComparePairs } from '../../src/lib/compare-pairs.ts';
import { redlineToHtml, redlineVersions } from '../../src/lib/diff.ts';
import { loadHandbook, type Policy } from '../../src/lib/model.ts';
import { expect, expectAccessible, test, TODAY } from './fixtures.ts';
import { SITE_DIR } from './global-setup.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { handbook } = loadHandbook(join(ROOT, 'content'), TODAY);
if (!handbook) throw new Error('The sample content does not load.');

/** Every pair of published versions of every policy of the sample, the older first. */
const everyPair = handbook.policies.flatMap((policy) =>
  policy.versions.flatMap((from, k) => policy.versions.slice(k + 1).map((to) => ({ policy, slug: policy.slug, from: from.version, to: to.version }))),
);
const address = (p: { slug: string; from: string; to: string }) => `policies/${p.slug}/compare/${p.from}/${p.to}/`;

/** The redline the static pages and `handbook diff --format html` write, computed from the content files. */
function builtRedline(p: { policy: Policy; from: string; to: string }): string {
  const version = (v: string) => p.policy.versions.find((x) => x.version === v)!;
  return redlineToHtml(redlineVersions(version(p.from), version(p.to)));
}

/** HTML as the browser serialises it, spaces between tags ignored, so two sources compare fairly. */
async function normalised(page: Page, html: string): Promise<string> {
  const reparsed = await page.evaluate((source) => {
    const div = document.createElement('div');
    div.innerHTML = source;
    return div.innerHTML;
  }, html);
  return reparsed.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}

/** Serves the site's 404.html for this address, as a host does for a page that was not built. */
async function serveNotFound(page: Page, path: string): Promise<void> {
  const notFound = await (await page.request.get('404.html')).text();
  await page.route(`**/${path}`, (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound }));
}

test.describe('compare pages', () => {
  test('only each version against the one before and the current one is built: at most 2n − 3 pages', () => {
    let nonStatic = 0;
    for (const policy of handbook.policies) {
      const dir = join(SITE_DIR, 'policies', policy.slug, 'compare');
      const built = (existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : [])
        .filter((e) => e.name === 'index.html')
        .map((e) => e.parentPath.slice(dir.length + 1).replace(/\\/g, '/'))
        .sort();
      const expected = staticComparePairs(policy.versions, policy.current).map((p) => `${p.from.version}/${p.to.version}`).sort();
      expect(built, policy.slug).toEqual(expected);
      expect(built.length).toBeLessThanOrEqual(Math.max(0, 2 * policy.versions.length - 3));
      nonStatic += (policy.versions.length * (policy.versions.length - 1)) / 2 - built.length;
    }
    // The sample has a pair that is redlined only in the browser (retention-and-disposal 1.0 → 2.1).
    expect(nonStatic).toBeGreaterThan(0);
  });

  test('the browser redline of every pair of versions equals the static one', async ({ page }) => {
    expect(everyPair.length).toBeGreaterThan(8);
    for (const pair of everyPair) {
      const path = address(pair);
      let staticSummary = '';
      const expected = await normalised(page, builtRedline(pair));
      const isStatic = staticComparePairs(pair.policy.versions, pair.policy.current).some((p) => p.from.version === pair.from && p.to.version === pair.to);
      if (isStatic) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await normalised(page, await page.locator('.redline-body').innerHTML()), `static ${path}`).toBe(expected);
        staticSummary = await page.locator('.redline-summary').innerText();
      }
      // The same address served as a page that was not built: the browser redlines it.
      await serveNotFound(page, path);
      await page.goto(path);
      await expect(page.locator('.compare-browser-note')).toBeVisible();
      expect(await normalised(page, await page.locator('.redline-body').innerHTML()), `browser ${path}`).toBe(expected);
      if (isStatic) expect(await page.locator('.redline-summary').innerText(), `summary ${path}`).toBe(staticSummary);
      await page.unroute(`**/${path}`);
    }
  });

  test('a pair that is not built works at its own address, with the picker and the view kept in the address', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto('policies/retention-and-disposal/compare/1.0/2.1/?view=changes');
    // The host answers with its 404 page; the page's script redlines the pair in place.
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention and disposal of records: changes from version 1.0 to 2.1');
    await expect(page).toHaveTitle(/^Retention and disposal of records: changes from 1\.0 to 2\.1 ·/);
    await expect(page.locator('.redline-summary li').first()).toContainText(/\d+ words? added/);
    await expect(page.getByLabel('Show changes only')).toBeChecked();
    await expect(page.locator('.rl-unchanged').first()).toBeHidden();
    await expect(page.locator('.rl-fold').first()).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Show changes only').uncheck();
    await expect(page).toHaveURL(/\/compare\/1\.0\/2\.1\/$/);
    await page.getByLabel('From').selectOption('2.0');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/retention-and-disposal\/compare\/2\.0\/2\.1\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention and disposal of records: changes from version 2.0 to 2.1');
    expect(errors).toEqual([]);
  });

  test('without JavaScript, a pair that is not built explains where the built comparisons are', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env['E2E_BASE_URL'] ?? '' });
    const page = await context.newPage();
    await page.goto('policies/retention-and-disposal/compare/1.0/2.1/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.locator('.compare-fallback')).toContainText('compared with the one before it and with the current version');
    await context.close();
  });

  test('an address of a version that does not exist stays "not found"', async ({ page }) => {
    await page.goto('policies/retention-and-disposal/compare/1.0/9.9/');
    await expect(page.locator('.compare-fallback')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('the history links each version to the current one', async ({ page, watch }) => {
    await page.goto('policies/secure-communication/history/');
    await page.getByRole('link', { name: 'Compare version 1.0 with the current version, 2.1' }).click();
    await expect(page).toHaveURL(/\/secure-communication\/compare\/1\.0\/2\.1\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('changes from version 1.0 to 2.1');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('changes only keeps the heading above each change and the markers, on screen and on paper', async ({ page, watch }) => {
    await page.goto('policies/secure-communication/compare/1.0/2.0/?view=changes');
    await expect(page.getByLabel('Show changes only')).toBeChecked();
    const changes = page.locator('.redline-body > .rl-chg, .redline-body > .rl-ins, .redline-body > .rl-del');
    await expect(changes.first()).toBeVisible();
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      await expect(page.locator('.rl-fold').first(), media).toBeVisible();
      await expect(page.locator('.rl-unchanged').first(), media).toBeHidden();
      // Every change that is not itself a heading has a visible heading before it.
      const headed = await changes.evaluateAll((els) =>
        els.every((el) => {
          if (/^H\d$/.test(el.tagName)) return true;
          for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
            if (/^H\d$/.test(prev.tagName) && getComputedStyle(prev).display !== 'none') return true;
          }
          return false;
        }),
      );
      expect(headed, media).toBe(true);
    }
    expect(watch.consoleErrors).toEqual([]);
  });
});
