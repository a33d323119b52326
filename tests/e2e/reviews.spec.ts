import { expect, expectAccessible, test } from './fixtures.ts';

test.describe('review dates', () => {
  test('the review record states the review dates and the state as at the build date, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env['E2E_BASE_URL']! });
    const page = await context.newPage();
    await page.goto('policies/access-control/');
    const record = page.locator('.review-record');
    // Access control 2.0 was last reviewed on 25 August 2025, every 12 months: 82 days overdue.
    await expect(record).toHaveText('Last reviewed 25 August 2025 · next review by 25 August 2026 Review overdue by 82 days');
    await expect(record.locator('time').nth(1)).toHaveAttribute('datetime', '2026-08-25');
    await expect(page.locator('.version-status')).toContainText('as at 15 November 2026');
    await context.close();
  });

  test('the browser recomputes the state from the reader\'s today', async ({ page, watch }) => {
    // On the build date training-and-awareness (next review 5 January 2027) is due soon.
    await page.clock.setFixedTime(new Date('2026-11-15T09:00:00'));
    await page.goto('policies/training-and-awareness/');
    // Next review 5 January 2027: 51 days ahead, within the 60-day warning.
    await expect(page.locator('.review-badge')).toHaveText('Review due in 51 days');
    await expect(page.locator('.review-badge')).toHaveClass(/review-due/);
    // Months later, the same built page must say overdue.
    await page.clock.setFixedTime(new Date('2027-03-01T09:00:00'));
    await page.reload();
    await expect(page.locator('.review-badge')).toHaveText('Review overdue by 55 days');
    await expect(page.locator('.version-status')).toContainText('as at 1 March 2027');
    await expect(page.locator('.review-badge')).toHaveClass(/review-overdue/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a reader in UTC+14 and one in UTC-10 see the same state on the same calendar day', async ({ browser }) => {
    // 9 a.m. on 5 January 2027 where each reader is: training-and-awareness falls due that day.
    for (const [timezoneId, instant] of [
      ['Pacific/Kiritimati', '2027-01-04T19:00:00Z'],
      ['Pacific/Honolulu', '2027-01-05T19:00:00Z'],
    ] as const) {
      const context = await browser.newContext({ timezoneId, baseURL: process.env['E2E_BASE_URL']! });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(instant));
      await page.goto('policies/training-and-awareness/');
      await expect(page.locator('.review-badge'), timezoneId).toHaveText('Review due today');
      await expect(page.locator('.version-status'), timezoneId).toContainText('as at 5 January 2027');
      await context.close();
    }
  });

  test('the home page summarises review states and the navigation marks overdue policies', async ({ page, watch }) => {
    await page.clock.setFixedTime(new Date('2026-11-15T09:00:00'));
    await page.goto('./');
    await expect(page.locator('.home-review')).toContainText('4 overdue, 4 due within 60 days');
    await page.goto('policies/access-control/');
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    const item = nav.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Access control', exact: true }) }).last();
    await expect(item.locator('.review-marker')).toHaveText('Review overdue');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the dashboard lists overdue first, filters by owner and state, and offers CSV', async ({ page, watch }) => {
    await page.clock.setFixedTime(new Date('2026-11-15T09:00:00'));
    await page.goto('reviews/');
    const states = await page.locator('.reviews-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['state']));
    expect(states.slice(0, 4)).toEqual(['overdue', 'overdue', 'overdue', 'overdue']);
    expect(states.at(-1)).toBe('current');
    await page.getByLabel('Owner').selectOption('IT Lead');
    await expect(page.locator('.reviews-table tbody tr:visible')).toHaveCount(2);
    await page.getByLabel('State').selectOption('overdue');
    await expect(page.locator('.reviews-table tbody tr:visible')).toHaveCount(1);
    await expect(page.locator('[data-filter-count]')).toHaveText('1 policy shown');
    await expect(page.locator('.reviews-table tbody tr:visible')).toContainText('Access control');
    const csv = await page.request.get('reviews.csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('Policy,Chapter,Owner,State,Last reviewed,Review every (months),Next review,Days left,Current version,Upcoming version,Upcoming effective,Slug');
    expect(text).toContain('Access control,Digital security and communication,IT Lead,overdue,2025-08-25,12,2026-08-25,-82,2.0,,,access-control');
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });
});
