import { expect, expectAccessible, test } from './fixtures.ts';

test.describe('the handbook engine', () => {
  test('home lists every chapter and links to a policy', async ({ page, watch }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Client Confidentiality Handbook' })).toBeVisible();
    for (const chapter of ['Foundations', 'Handling information', 'Digital security and communication', 'People', 'Compliance']) {
      await expect(page.getByRole('heading', { level: 3, name: chapter })).toBeVisible();
    }
    await page.getByRole('link', { name: 'Retention and disposal of records' }).first().click();
    await expect(page).toHaveURL(/\/handbook\/policies\/retention-and-disposal\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Retention');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a policy page states its version as at a date, with owner and approver', async ({ page, watch }) => {
    // The browser restates it for its own today: read it on the build date.
    await page.clock.setFixedTime(new Date('2026-11-15T09:00:00'));
    await page.goto('policies/secure-communication/');
    await expect(page.locator('.version-status')).toContainText('Version 2.1 — in force since 1 June 2026 — current as at 15 November 2026');
    const meta = page.locator('.policy-meta');
    await expect(meta).toContainText('IT Lead');
    await expect(meta).toContainText('Approved by');
    await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: /Secure communication/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Digital security and communication');
    const mail = page.getByRole('link', { name: 'Suggest a change to this policy' });
    await expect(mail).toHaveAttribute('href', /^mailto:handbook@harlowmercer\.example\?subject=.*version%202\.1/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a superseded version says so and links to the current one', async ({ page, watch }) => {
    await page.goto('policies/secure-communication/1.0/');
    const banner = page.getByRole('note');
    await expect(banner).toContainText('This version has been superseded');
    await banner.getByRole('link').click();
    await expect(page).toHaveURL(/\/handbook\/policies\/secure-communication\/$/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('an upcoming version says when it takes effect', async ({ page, watch }) => {
    await page.goto('policies/retention-and-disposal/2.1/');
    await expect(page.getByRole('note')).toContainText('This version takes effect on 1 February 2027');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('GFM renders: tables, task lists with names, footnotes, heading anchors', async ({ page, watch }) => {
    await page.goto('policies/retention-and-disposal/');
    await expect(page.locator('.prose table').first()).toBeVisible();
    await expect(page.locator('.prose table th').first()).not.toBeEmpty();
    const heading = page.locator('.prose h2').first();
    const id = await heading.getAttribute('id');
    expect(id).toBeTruthy();
    await expect(page.locator(`.prose a.anchor[href="#${id}"]`)).toHaveCount(1);
    await page.goto('policies/legal-and-ethical-obligations/');
    const footnoteRef = page.locator('.prose sup a[data-footnote-ref]').first();
    await expect(footnoteRef).toHaveAttribute('href', /^#user-content-fn-/);
    await expect(page.locator('.prose section.footnotes li').first()).not.toBeEmpty();
    await page.goto('policies/review-and-feedback/');
    // A bare e-mail address in the text becomes a link (GFM autolink).
    await expect(page.locator('.prose a[href="mailto:handbook@harlowmercer.example"]').first()).toBeVisible();
    await page.goto('policies/training-and-awareness/');
    const boxes = page.locator('.prose input[type=checkbox]');
    expect(await boxes.count()).toBeGreaterThan(2);
    await expect(boxes.first()).toHaveAttribute('aria-label', /\w+/);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('links between policies carry the base path', async ({ page, watch }) => {
    await page.goto('policies/core-principles/');
    const hrefs = await page.locator('.prose a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/handbook\//);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('reads on a 360 px phone without sideways scrolling', async ({ page, watch }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('policies/scope-and-exceptions/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('print hides navigation and shows the address', async ({ page, watch }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('policies/access-control/');
    await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.version-status')).toBeVisible();
    // A policy prints its address in every page's bottom margin (PageMargins), not in a closing footer.
    await expect(page.locator('.print-url')).toBeHidden();
    expect(await page.locator('head style').allTextContents()).toContainEqual(expect.stringContaining('printed from /handbook/policies/access-control/'));
    // A page without margins of its own ends with the footer and its address.
    await page.goto('changes/');
    await expect(page.locator('.print-url')).toHaveText('/handbook/changes/');
    await expect(page.locator('.print-url')).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  for (const [name, path] of [
    ['home', './'],
    ['policy', 'policies/retention-and-disposal/'],
    ['superseded version', 'policies/secure-communication/1.0/'],
    ['not found', 'no-such-page/'],
  ] as const) {
    test(`axe finds no WCAG 2.2 AA violation: ${name}`, async ({ page }) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  }
});

test.describe('dark mode', () => {
  for (const path of ['./', 'policies/retention-and-disposal/', 'policies/secure-communication/compare/1.0/2.0/', 'reviews/', 'agreements/staff-confidentiality/', 'search/?q=breach']) {
    test(`follows the system setting and passes axe: ${path}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(path);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(18, 20, 23)');
      await expectAccessible(page);
    });
  }
});
