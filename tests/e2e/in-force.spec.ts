/**
 * Pages that stay true after the build. The sample is built on 15 November 2026; version 2.1 of
 * Retention and disposal of records takes effect on 1 February 2027. Every expected value here
 * was worked out by hand from the sample content (content/policies/*), not from the code.
 *
 * Review dates (next review = the latest version's lastReviewed + interval, due soon 60 days ahead):
 *   access-control 2026-08-25, core-principles 2026-10-01, handling-and-storage 2026-10-20,
 *   reporting-a-breach 2026-09-25, scope-and-exceptions 2026-11-28, legal-and-technology 2026-12-20,
 *   monitoring 2027-01-02, training 2027-01-05, legal-and-ethical 2027-01-20, roles 2027-02-10,
 *   matter-access 2027-03-15, review-and-feedback 2027-04-15, secure-communication 2027-05-20,
 *   why-confidentiality 2027-06-02, agreements 2027-06-30, consequences 2027-08-01, retention 2027-11-02.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

const BEFORE = '2027-01-31T10:00:00';
const AFTER = '2027-02-01T10:00:00';

/** Every "as at <date>" the reader can see on the page. */
async function asAtDates(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(/as at (\d{1,2} [A-Z][a-z]+ \d{4})/gi)].map((m) => m[1]!);
}

async function at(page: Page, instant: string, path: string): Promise<void> {
  await page.clock.setFixedTime(new Date(instant));
  await page.goto(path);
}

test.describe('what is in force, in the reader\'s today', () => {
  test('the canonical page: in force before 1 February 2027, then a notice that 2.1 took effect', async ({ page, watch }) => {
    await at(page, BEFORE, 'policies/retention-and-disposal/');
    await expect(page.locator('.version-status')).toHaveText('Version 2.0 — in force since 1 June 2025 — current as at 31 January 2027');
    await expect(page.getByRole('note')).toHaveCount(0);
    expect(await asAtDates(page)).toEqual(['31 January 2027']);
    await page.screenshot({ path: test.info().outputPath('canonical-before.png'), fullPage: false });

    await at(page, AFTER, 'policies/retention-and-disposal/');
    const notice = page.getByRole('note');
    await expect(notice).toHaveText('Version 2.1 took effect on 1 February 2027. This page shows 2.0, built on 15 November 2026 — read version 2.1.');
    await expect(page.locator('.version-status')).toHaveText('Version 2.0 — in force 1 June 2025 to 1 February 2027 — superseded by version 2.1 as at 1 February 2027');
    // The canonical page keeps the policy's review record.
    await expect(page.locator('.review-record')).toHaveText('Last reviewed 2 November 2026 · next review by 2 November 2027 Reviewed');
    expect(await asAtDates(page)).toEqual(['1 February 2027']);
    await page.screenshot({ path: test.info().outputPath('canonical-after.png'), fullPage: false });
    await expectAccessible(page);
    await notice.getByRole('link', { name: 'read version 2.1' }).click();
    await expect(page).toHaveURL(/\/policies\/retention-and-disposal\/2\.1\/$/);
    await expect(page.locator('.version-status')).toHaveText('Version 2.1 — in force since 1 February 2027 — current as at 1 February 2027');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the version pages\' banners swap: 2.1 current, 2.0 superseded and without the review badge', async ({ page }) => {
    await at(page, BEFORE, 'policies/retention-and-disposal/2.1/');
    await expect(page.locator('.version-status')).toHaveText('Version 2.1 — takes effect on 1 February 2027 — not yet in force as at 31 January 2027');
    await expect(page.getByRole('note')).toHaveText('This version takes effect on 1 February 2027. Until then version 2.0 applies.');
    await at(page, BEFORE, 'policies/retention-and-disposal/2.0/');
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(page.locator('.review-record .review-badge')).toHaveText('Reviewed');

    await at(page, AFTER, 'policies/retention-and-disposal/2.1/');
    await expect(page.locator('.version-status')).toHaveText('Version 2.1 — in force since 1 February 2027 — current as at 1 February 2027');
    await expect(page.getByRole('note')).toHaveCount(0);
    await at(page, AFTER, 'policies/retention-and-disposal/2.0/');
    await expect(page.locator('.version-status')).toHaveText('Version 2.0 — in force 1 June 2025 to 1 February 2027 — superseded by version 2.1 as at 1 February 2027');
    await expect(page.getByRole('note')).toHaveText('This version has been superseded. It is kept for the record. Read the current version (2.1, in force since 1 February 2027).');
    await expect(page.locator('.review-record')).toHaveText('This version is no longer in force, so it is no longer reviewed. Version 2.1 carries the policy\'s review record.');
    await expect(page.locator('.review-badge')).toHaveCount(0);
    expect(await asAtDates(page)).toEqual(['1 February 2027']);
    // The superseded 1.0 now points to 2.1, not to 2.0.
    await at(page, AFTER, 'policies/retention-and-disposal/1.0/');
    await expect(page.getByRole('note').getByRole('link')).toHaveText('current version (2.1, in force since 1 February 2027)');
  });

  test('the chapter navigation, the history, the changes page and the print cover switch too', async ({ page }) => {
    const marker = () => page.getByRole('navigation', { name: 'Chapters' }).getByRole('listitem').filter({ hasText: 'Retention and disposal of records' }).last().locator('.version-marker');
    await at(page, BEFORE, 'policies/handling-and-storage/');
    await expect(marker()).toHaveText('2.1 from 1 February 2027');
    await at(page, AFTER, 'policies/handling-and-storage/');
    await expect(marker()).toHaveText('2.1 in force since 1 February 2027');

    const label = (v: string) => page.locator('.history-entry').filter({ has: page.getByRole('link', { name: `Version ${v}`, exact: true }) }).locator('.state');
    await at(page, BEFORE, 'policies/retention-and-disposal/history/');
    await expect(label('2.1')).toHaveText('Upcoming');
    await expect(label('2.0')).toHaveText('Current');
    expect(await asAtDates(page)).toEqual(['31 January 2027']);
    await at(page, AFTER, 'policies/retention-and-disposal/history/');
    await expect(label('2.1')).toHaveText('Current');
    await expect(label('2.0')).toHaveText('Superseded');

    const entry = (v: string) => page.locator('.changes > li').filter({ has: page.getByRole('link', { name: `Retention and disposal of records, version ${v}`, exact: true }) }).locator('[data-statement=version-when]');
    await at(page, BEFORE, 'changes/');
    await expect(entry('2.1')).toHaveText('Takes effect 1 February 2027 · upcoming');
    await expect(entry('2.0')).toHaveText('Effective 1 June 2025 · current');
    expect(await asAtDates(page)).toEqual(['31 January 2027']);
    await at(page, AFTER, 'changes/');
    await expect(entry('2.1')).toHaveText('Effective 1 February 2027 · current');
    await expect(entry('2.0')).toHaveText('Effective 1 June 2025 · superseded');

    await at(page, BEFORE, 'print/');
    await expect(page.locator('.print-currency')).toHaveText('As at 31 January 2027, every policy printed here is the version in force.');
    await at(page, AFTER, 'print/');
    await expect(page.locator('.print-currency')).toHaveText('As at 1 February 2027, 1 policy has changed since this edition was built on 15 November 2026: Retention and disposal of records 2.1 is in force since 1 February 2027 (printed here: 2.0).');
    expect(await asAtDates(page)).toEqual(['1 February 2027']);
  });

  test('the home page: versions, edition and review counts agree with the markers', async ({ page, watch }) => {
    const retention = () => page.locator('.policy-list li').filter({ hasText: 'Retention and disposal of records' });
    await at(page, '2026-11-15T10:00:00', './');
    await expect(page.locator('.lead')).toContainText('edition of 1 June 2026');
    await expect(page.locator('.home-review')).toContainText('4 overdue, 4 due within 60 days, 9 reviewed and current, as at 15 November 2026.');
    await expect(page.locator('.policy-list .review-marker.review-overdue')).toHaveCount(4);
    await expect(page.locator('.policy-list .review-marker.review-due')).toHaveCount(4);
    await expect(retention().locator('[data-statement=listed-version]')).toHaveText('version 2.0');

    await at(page, AFTER, './');
    await expect(page.locator('.lead')).toContainText('edition of 1 February 2027');
    await expect(page.locator('.home-review')).toContainText('9 overdue, 2 due within 60 days, 6 reviewed and current, as at 1 February 2027.');
    await expect(page.locator('.policy-list .review-marker.review-overdue')).toHaveCount(9);
    await expect(page.locator('.policy-list .review-marker.review-due')).toHaveCount(2);
    await expect(retention().locator('[data-statement=listed-version]')).toHaveText('version 2.1');
    await expect(retention().locator('.version-marker')).toHaveText('2.1 in force since 1 February 2027');
    expect(await asAtDates(page)).toEqual(['1 February 2027']);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('without JavaScript every statement names the build date, once', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env['E2E_BASE_URL']! });
    const page = await context.newPage();
    for (const path of ['./', 'policies/retention-and-disposal/', 'policies/retention-and-disposal/2.1/', 'policies/retention-and-disposal/1.0/', 'changes/', 'reviews/', 'print/', 'policies/retention-and-disposal/history/']) {
      await page.goto(path);
      expect(await asAtDates(page), path).toEqual(['15 November 2026']);
    }
    await page.goto('policies/retention-and-disposal/');
    await expect(page.locator('.version-status')).toHaveText('Version 2.0 — in force since 1 June 2025 — current as at 15 November 2026');
    await page.goto('reviews/');
    await expect(page.locator('main')).toContainText('As at 15 November 2026: 4 overdue, 4 due within 60 days, 9 current.');
    await context.close();
  });
});

test.describe('reviews in the reader\'s today', () => {
  test('across a review date: Roles and responsibilities is due on 10 February 2027 and overdue the day after', async ({ page }) => {
    const row = () => page.locator('.reviews-table tbody tr').filter({ hasText: 'Roles and responsibilities' });
    await at(page, '2027-02-10T10:00:00', 'reviews/');
    await expect(row().locator('.review-badge')).toHaveText('Review due today');
    await expect(page.locator('main > p').first()).toHaveText(/^As at 10 February 2027: 9 overdue, 2 due within 60 days, 6 current\./);
    await at(page, '2027-02-10T10:00:00', 'policies/roles-and-responsibilities/');
    await expect(page.locator('.review-record')).toHaveText('Last reviewed 10 February 2026 · next review by 10 February 2027 Review due today');
    await expect(page.locator('.review-record .review-badge')).toHaveClass(/review-due/);

    await at(page, '2027-02-11T10:00:00', 'reviews/');
    await expect(row().locator('.review-badge')).toHaveText('Review overdue by 1 day');
    await expect(page.locator('main > p').first()).toHaveText(/^As at 11 February 2027: 10 overdue, 1 due within 60 days, 6 current\./);
    await at(page, '2027-02-11T10:00:00', 'policies/roles-and-responsibilities/');
    await expect(page.locator('.review-record .review-badge')).toHaveText('Review overdue by 1 day');
    await expect(page.locator('.review-record .review-badge')).toHaveClass(/review-overdue/);
    expect(await asAtDates(page)).toEqual(['11 February 2027']);
  });

  test('the dashboard: counts equal the badges, overdue first, states said once, sortable columns', async ({ page, watch }) => {
    await at(page, '2027-03-01T10:00:00', 'reviews/');
    await expect(page.locator('main > p').first()).toHaveText(/^As at 1 March 2027: 10 overdue, 2 due within 60 days, 5 current\./);
    const badges = page.locator('.reviews-table tbody .review-badge');
    await expect(badges.and(page.locator('.review-overdue'))).toHaveCount(10);
    await expect(badges.and(page.locator('.review-due'))).toHaveCount(2);
    await expect(badges.and(page.locator('.review-current'))).toHaveCount(5);
    const titles = () => page.locator('.reviews-table tbody th').allInnerTexts();
    // Overdue first, by next review date; then due soon; then current.
    expect((await titles()).slice(0, 2)).toEqual(['Access control', 'Reporting a suspected breach']);
    expect((await titles()).slice(10, 12)).toEqual(['Matter access and transfers', 'Review, updating and feedback']);
    expect((await titles()).at(-1)).toBe('Retention and disposal of records');
    const access = page.locator('.reviews-table tbody tr').filter({ hasText: 'Access control' });
    await expect(access.locator('.review-badge')).toHaveText('Review overdue by 188 days');
    // The state filter uses the recomputed states.
    await page.getByLabel('State').selectOption('due');
    await expect(page.locator('[data-filter-count]')).toHaveText('2 policies shown');
    await page.getByLabel('State').selectOption('');

    const policy = page.getByRole('columnheader', { name: 'Policy' });
    await policy.getByRole('button').click();
    await expect(policy).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('columnheader', { name: 'State' })).not.toHaveAttribute('aria-sort');
    expect((await titles())[0]).toBe('Access control');
    expect((await titles()).at(-1)).toBe('Why confidentiality matters');
    await policy.getByRole('button').click();
    await expect(policy).toHaveAttribute('aria-sort', 'descending');
    expect((await titles())[0]).toBe('Why confidentiality matters');
    await page.getByRole('button', { name: 'Next review' }).click();
    expect((await titles())[0]).toBe('Access control');
    expect((await titles()).at(-1)).toBe('Retention and disposal of records');
    // Dates stay on one line at 360 px too.
    const heights = await page.locator('.reviews-table tbody time').evaluateAll((els) => els.map((e) => e.getClientRects().length));
    expect(heights.every((n) => n === 1)).toBe(true);
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('each policy page carries its review record', async ({ page }) => {
    await at(page, '2026-11-15T10:00:00', 'policies/secure-communication/');
    await expect(page.locator('.review-record')).toHaveText('Last reviewed 20 May 2026 · next review by 20 May 2027 Reviewed');
  });
});

test.describe('the handbook as at a date', () => {
  test('the form on /changes/ opens a linkable /as-at/ address', async ({ page, watch }) => {
    await page.goto('changes/');
    await page.getByLabel('Date', { exact: true }).fill('2024-06-30');
    await page.getByRole('button', { name: 'Show the handbook on that date' }).click();
    await expect(page).toHaveURL(/\/as-at\/\?date=2024-06-30$/);
    await expect(page.locator('.as-at-result')).toHaveText('In force on 30 June 2024:');
    const row = page.locator('.as-at-table tbody tr').filter({ hasText: 'Secure communication' });
    await expect(row.getByRole('cell').first()).toHaveText('1.0');
    await expect(row.getByRole('cell').nth(1)).toHaveText('15 January 2024 to 1 April 2025');
    const retention = page.locator('.as-at-table tbody tr').filter({ hasText: 'Retention and disposal of records' });
    await expect(retention.getByRole('cell').first()).toHaveText('1.0');
    await expect(retention.getByRole('cell').nth(1)).toHaveText('15 January 2024 to 1 June 2025');
    expect(await asAtDates(page)).toEqual([]);
    await expectAccessible(page);
    await row.getByRole('link', { name: '1.0' }).click();
    await expect(page).toHaveURL(/secure-communication\/1\.0\/$/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a date before the first version says so', async ({ page }) => {
    await page.goto('as-at/?date=2020-01-01');
    await expect(page.locator('.as-at-result')).toHaveText('On 1 January 2020 no policy of this handbook was in force yet. The first version took effect on 15 January 2024.');
    await expect(page.locator('.as-at-table tbody tr').first().getByRole('cell').first()).toHaveText('not yet in force');
  });

  test('a date that is not a date is refused plainly', async ({ page }) => {
    await page.clock.setFixedTime(new Date(AFTER));
    await page.goto('as-at/?date=2027-02-30');
    await expect(page.getByRole('alert')).toHaveText('"2027-02-30" is not a date: write it YYYY-MM-DD, for example 2025-06-30. Showing today instead.');
    await expect(page.locator('.as-at-result')).toHaveText('In force on 1 February 2027:');
  });

  test('without JavaScript the address shows the build-date view and says so', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env['E2E_BASE_URL']! });
    const page = await context.newPage();
    await page.goto('as-at/?date=2024-06-30');
    await expect(page.locator('.as-at-result')).toHaveText('In force on 15 November 2026, the day this handbook was built:');
    await expect(page.locator('main')).toContainText('Without JavaScript this page shows the handbook as at the day it was built, 15 November 2026');
    const row = page.locator('.as-at-table tbody tr').filter({ hasText: 'Retention and disposal of records' });
    await expect(row.getByRole('cell').first()).toHaveText('2.0');
    await expect(row.getByRole('cell').nth(1)).toHaveText('1 June 2025 to 1 February 2027');
    await context.close();
  });
});

test('comparing 1.0 with 2.1 lists the change notes of 2.0 and 2.1, each under its version and date', async ({ page }) => {
  await page.goto('policies/retention-and-disposal/compare/1.0/2.1/');
  const notes = page.locator('.change-notes');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0).getByRole('heading')).toHaveText('Version 2.0, effective 1 June 2025');
  await expect(notes.nth(0)).toContainText('Closed-matter files are now kept for seven years instead of six');
  await expect(notes.nth(1).getByRole('heading')).toHaveText('Version 2.1, takes effect 1 February 2027');
  await expect(notes.nth(1)).toContainText('Enquiries that did not become matters, including conflict checks');
  await page.goto('policies/retention-and-disposal/compare/2.0/2.1/');
  await expect(page.locator('.change-notes')).toHaveCount(1);
});
