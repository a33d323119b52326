/**
 * Search answers what was asked last, counts what it lists, finds change notes, and puts the
 * reader where they can go on after a search from the header.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const status = (page: Page) => page.locator('[data-search-status]');
const results = (page: Page) => page.locator('.search-result');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search for' });

/** Every result of the search on screen, pressing "Show more results" until there are no more. */
async function allResults(page: Page): Promise<number> {
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await results(page).count();
    await more.click();
    await expect(results(page)).not.toHaveCount(before);
  }
  return results(page).count();
}

/** `{ "Foundations": 3, … }` from the filter labels of one fieldset. */
async function counts(page: Page, legend: string): Promise<Record<string, number>> {
  const labels = await page.getByRole('group', { name: legend }).locator('label').allTextContents();
  return Object.fromEntries(labels.map((l) => /^\s*(.+?)\s+\((\d+)\)\s*$/.exec(l)!).map((m) => [m[1]!, Number(m[2])]));
}
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

test('change notes are searched: "fax" finds the version whose notes say fax was dropped', async ({ page, watch: _watch }) => {
  // content/policies/secure-communication/2.0.mdx: "Fax is no longer an approved channel…", only there.
  await page.goto('search/?q=fax&older=1');
  await expect(status(page)).toHaveText('1 result for “fax”, older versions included.');
  await expect(results(page).getByRole('link')).toHaveText('Secure communication (version 2.0)');
});

test('with older versions ticked, every count equals what is listed', async ({ page, watch: _watch }) => {
  await page.goto('search/?q=encryption&older=1');
  await expect(status(page)).toContainText('older versions included');
  const listed = await allResults(page);
  const total = Number(/^(\d+) results/.exec((await status(page).textContent()) ?? '')?.[1]);
  expect(total).toBe(listed);
  const kinds = await counts(page, 'Kind');
  expect(sum(kinds)).toBe(listed);
  // Agreements have no chapter: the chapters count the policies.
  expect(sum(await counts(page, 'Chapter'))).toBe(kinds['Policy']);
  const older = await page.locator('.search-result-state').count();
  await expect(page.getByRole('checkbox', { name: /Include older versions/ })).toHaveAccessibleName(`Include older versions (${older})`);
  expect(older).toBeGreaterThan(0);
});

test('"Agreements" is a kind, not a chapter', async ({ page, watch: _watch }) => {
  await page.goto('search/?q=client');
  await expect(results(page).first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^Agreement/ })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Chapter' }).getByRole('checkbox', { name: /^Agreements/ })).toHaveCount(0);
});

test('after a search from the header, focus is on the results\' summary, and Tab goes to the first result', async ({ page, watch: _watch }) => {
  await page.goto('policies/secure-communication/');
  await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('shredding');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/search\/\?q=shredding$/);
  await expect(status(page)).toBeFocused();
  await expect(status(page)).toContainText('for “shredding”');
  await page.keyboard.press('Tab');
  await expect(results(page).first().getByRole('link')).toBeFocused();
});

test('arriving at search without a query puts focus in the box', async ({ page, watch: _watch }) => {
  await page.goto('search/');
  await expect(box(page)).toBeFocused();
});

test('a slow earlier query never replaces a later one\'s answer', async ({ page, watch: _watch }) => {
  await page.goto('search/');
  await expect(box(page)).toBeFocused();
  // The first query's results load slowly (their text is one request each); the second has none to load.
  let slow = true;
  let held = 0;
  await page.route('**/pagefind/fragment/**', async (route) => {
    if (slow) {
      held += 1;
      await new Promise((done) => setTimeout(done, 2500));
    }
    await route.continue();
  });
  await box(page).fill('encryption');
  await expect.poll(() => held).toBeGreaterThan(0);
  slow = false;
  await box(page).fill('zzqxv');
  await expect(status(page)).toHaveText('No results for “zzqxv” in what is in force. Tick “Include older versions” to search them too.');
  // Long after the slow answer has come back, the later query's answer is still the one shown.
  await page.waitForTimeout(4000);
  await expect(status(page)).toHaveText('No results for “zzqxv” in what is in force. Tick “Include older versions” to search them too.');
  await expect(results(page)).toHaveCount(0);
});
