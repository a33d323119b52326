import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';
import { SITE_DIR } from './global-setup.ts';

// Words the sample content has in one place only (content/policies/…).
const ONLY_IN_RETENTION = 'shredding'; // retention-and-disposal, every version
const ONLY_IN_SUPERSEDED = 'facsimile'; // secure-communication 1.0, superseded
const ONLY_IN_DRAFT = 'tabletop'; // reporting-a-breach 3.0, a draft

const status = (page: Page) => page.getByRole('status');
const results = (page: Page) => page.locator('.search-result');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search for' });

/** Opens the search page, types a query and waits until the results for it are announced. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto('search/');
  await box(page).pressSequentially(query);
  await expect(status(page)).toContainText(`for “${query}”`);
}

/** The built site's files whose text (unpacked, for Pagefind's gzipped files) contains `word`. */
function filesContaining(dir: string, word: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    if (text.toLowerCase().includes(word)) found.push(path.slice(dir.length + 1));
  }
  return found;
}

test.describe('search', () => {
  test('a word found only in the retention section returns that section first, linked to the matching part', async ({ page, watch }) => {
    await searchFor(page, ONLY_IN_RETENTION);
    const first = results(page).first();
    await expect(first.getByRole('link')).toHaveText('Retention and disposal of records');
    await expect(first).toContainText('Handling information');
    await expect(first).toContainText('Version 2.0');
    await expect(first.locator('.search-result-excerpt mark').first()).toHaveText(/shredding/i);
    await expect(first.getByRole('link')).toHaveAttribute('href', /^\/handbook\/policies\/retention-and-disposal\/\?highlight=shredding#[\w-]+$/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a word found only in a superseded version is found only with older versions, labelled with its version', async ({ page, watch: _watch }) => {
    await searchFor(page, ONLY_IN_SUPERSEDED);
    await expect(results(page)).toHaveCount(0);
    await expect(status(page)).toContainText('No results');
    await expect(status(page)).toContainText('Tick “Include older versions” to search them too');

    await page.getByRole('checkbox', { name: /Include older versions/ }).check();
    await expect(status(page)).toContainText('older versions included');
    await expect(results(page)).toHaveCount(1);
    const result = results(page).first();
    await expect(result.getByRole('link')).toHaveText('Secure communication (version 1.0)');
    await expect(result.locator('.search-result-meta')).toContainText('Version 1.0');
    await expect(result.locator('.search-result-meta')).toContainText('Superseded');
    await expect(result.getByRole('link')).toHaveAttribute('href', /\/handbook\/policies\/secure-communication\/1\.0\/\?highlight=facsimile/);
    await expect(page).toHaveURL(/[?&]older=1/);
  });

  test('a word found only in a draft is found nowhere, not even inside the built index', async ({ page, watch: _watch }) => {
    await searchFor(page, ONLY_IN_DRAFT);
    await page.getByRole('checkbox', { name: /Include older versions/ }).check();
    await expect(status(page)).toContainText(`for “${ONLY_IN_DRAFT}”, older versions included`);
    // Pagefind forgives typos, so a near word may come up ("tablet"); the draft's word never does.
    for (const marked of await results(page).locator('mark').allInnerTexts()) expect(marked.toLowerCase()).not.toContain(ONLY_IN_DRAFT);
    for (const href of await results(page).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).not.toContain('/reporting-a-breach/3.0/');
    expect(filesContaining(SITE_DIR, ONLY_IN_DRAFT)).toEqual([]);
    // The scan does read inside Pagefind's gzipped files: a superseded version's word is there.
    expect(filesContaining(SITE_DIR, ONLY_IN_SUPERSEDED).some((f) => f.startsWith('pagefind-older/'))).toBe(true);
  });

  test('a chapter filter narrows the results, with counts, from the keyboard', async ({ page, watch: _watch }) => {
    await searchFor(page, 'retention');
    const all = await results(page).count();
    const foundations = page.getByRole('checkbox', { name: /^Foundations \(\d+\)$/ });
    const expected = Number((await page.locator('label', { has: foundations }).innerText()).match(/\((\d+)\)/)?.[1]);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);
    await foundations.focus();
    await page.keyboard.press('Space');
    await expect(results(page)).toHaveCount(expected);
    for (const meta of await page.locator('.search-result-meta').allInnerTexts()) expect(meta).toContain('Foundations');
    await expect(page).toHaveURL(/[?&]chapter=Foundations/);
    // The other chapters keep counting what ticking them would add.
    await expect(page.getByRole('checkbox', { name: /^Handling information \([1-9]\d*\)$/ })).toBeVisible();
  });

  test('the shared address shows the same results as typing', async ({ page, watch: _watch }) => {
    await searchFor(page, 'retention');
    await expect(page).toHaveURL(/\/handbook\/search\/\?q=retention$/);
    const typed = await results(page).locator('h3').allInnerTexts();
    expect(typed.length).toBeGreaterThan(1);

    await page.goto('search/?q=retention');
    await expect(status(page)).toContainText('for “retention”');
    await expect(box(page)).toHaveValue('retention');
    expect(await results(page).locator('h3').allInnerTexts()).toEqual(typed);

    await page.goto('search/?q=retention&chapter=Foundations');
    await expect(page.getByRole('checkbox', { name: /^Foundations/ })).toBeChecked();
    await expect(status(page)).toContainText('for “retention”');
    for (const meta of await page.locator('.search-result-meta').allInnerTexts()) expect(meta).toContain('Foundations');
  });

  test('"/" on a policy page focuses the header box; Enter opens the results; a result opens highlighted', async ({ page, watch: _watch }) => {
    await page.goto('policies/access-control/');
    await page.keyboard.press('/');
    await expect(page.locator('#header-q')).toBeFocused();
    await page.keyboard.type(ONLY_IN_RETENTION);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/handbook\/search\/\?q=shredding$/);
    await expect(results(page).first()).toBeVisible();

    await results(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/handbook\/policies\/retention-and-disposal\/\?highlight=shredding#/);
    await expect(page.locator('.prose mark').first()).toHaveText(/shredding/i);
  });

  test('long result lists come in pages; "Show more" moves the focus to the first new result', async ({ page, watch: _watch }) => {
    await page.goto('search/?q=client&older=1');
    await expect(results(page)).toHaveCount(10);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(results(page).nth(10).getByRole('link')).toBeFocused();
  });

  test('passes axe with results and reads on a 360 px phone', async ({ page, watch: _watch }) => {
    await page.goto('search/?q=retention&older=1');
    await expect(results(page).first()).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('from typing to the first results is quick on the sample', async ({ page, watch: _watch }) => {
    const measures = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('search:')).map((m) => `${m.name} ${Math.round(m.duration)} ms`));
    // Cold: the address opened directly, so Pagefind, its WebAssembly and the index load first.
    await page.goto('search/?q=breach');
    await expect(status(page)).toContainText('for “breach”');
    const cold = await measures();
    // Warm: the reader types a new word once the page is ready.
    await box(page).fill('');
    await box(page).pressSequentially('retention');
    await expect(status(page)).toContainText('for “retention”');
    const warm = (await measures()).slice(cold.length);
    test.info().annotations.push({ type: 'timing', description: `cold: ${cold.join(', ')}; typed: ${warm.slice(-2).join(', ')}` });
    const typed = Number(warm.findLast((m) => m.startsWith('search: typing to results'))?.match(/(\d+) ms/)?.[1]);
    // The figure is reported, not asserted: on a shared machine a time proves nothing either way.
    expect(Number.isFinite(typed)).toBe(true);
  });
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('says that search needs JavaScript and offers the chapters and changes', async ({ page }) => {
    await page.goto('search/?q=retention');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'chapters' })).toHaveAttribute('href', '/handbook/');
    await expect(page.getByRole('main').getByRole('link', { name: 'list of changes' })).toHaveAttribute('href', '/handbook/changes/');
    await expect(box(page)).toBeHidden();
  });
});
