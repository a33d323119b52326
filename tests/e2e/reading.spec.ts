/**
 * Reading and citing on a phone and a desktop: the first screen at 360 px, the menu, the
 * nested contents, stable and alias heading ids, the copy-link button, banners, the dark theme.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures.ts';
import { SITE_DIR } from './global-setup.ts';

const PHONE = { width: 360, height: 740 };
// content/policies/secure-communication/2.1.mdx, the current version.
const POLICY = 'policies/secure-communication/';

test.describe('on a phone (360 px)', () => {
  test.use({ viewport: PHONE });

  test('a policy\'s heading and the first paragraph of its text are in the first screen', async ({ page, watch: _watch }) => {
    await page.goto(POLICY);
    const h1 = await page.locator('h1').boundingBox();
    const first = await page.locator('.prose > p').first().boundingBox();
    expect(h1!.y + h1!.height).toBeLessThanOrEqual(PHONE.height);
    // Its first line at least (1.6 × 16 px) shows above the fold.
    expect(first!.y + 26).toBeLessThanOrEqual(PHONE.height);
    await expect(page.locator('.prose > p').first()).toContainText('Most accidental disclosures happen in transit');
  });

  test('the menu button opens the navigation and Escape closes it, focus going in and back', async ({ page, watch: _watch }) => {
    await page.goto(POLICY);
    const menu = page.getByRole('button', { name: 'Menu' });
    const chapters = page.getByRole('navigation', { name: 'Chapters' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(chapters).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Handbook' })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(chapters).toBeVisible();
    await expect(chapters.getByRole('link', { name: 'Secure communication' })).toHaveAttribute('aria-current', 'page');
    // The chapter list comes before the policy text when open, not at the bottom of the page.
    const nav = await chapters.boundingBox();
    expect(nav!.y).toBeLessThan((await page.locator('h1').boundingBox())!.y);
    await expect(page.getByRole('navigation', { name: 'Handbook' }).getByRole('link', { name: 'Chapters' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(chapters).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('on a wide screen there is no menu button and the navigation shows', async ({ page, watch: _watch }) => {
    await page.setViewportSize({ width: 1280, height: 740 });
    await page.goto(POLICY);
    await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Handbook' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  });

  test('without JavaScript the navigation shows and there is no menu button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, baseURL: process.env['E2E_BASE_URL'] ?? '' });
    const page = await context.newPage();
    await page.goto(POLICY);
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Purpose' })).toBeVisible();
    await context.close();
  });

  test('search shows the first result above the filters, which are folded', async ({ page, watch: _watch }) => {
    await page.goto('search/?q=shredding');
    const first = page.locator('.search-result').first();
    await expect(first).toBeVisible();
    const filters = page.locator('.search-filters');
    expect((await first.boundingBox())!.y).toBeLessThan((await filters.boundingBox())!.y);
    expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height);
    await expect(page.getByRole('checkbox', { name: /Include older versions/ })).toBeHidden();
    await page.getByText('Narrow the results').click();
    await expect(page.getByRole('checkbox', { name: /Include older versions/ })).toBeVisible();
  });
});

test.describe('contents and citations', () => {
  test('"On this page" nests sub-sections under their section, without numbers', async ({ page, watch: _watch }) => {
    await page.goto(POLICY);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    // By hand from 2.1.mdx: eight ## headings, one ### under "Choosing a channel".
    const top = toc.locator(':scope > details > ul > li');
    await expect(top).toHaveCount(8);
    await expect(top.nth(1).locator(':scope > a')).toHaveText('Choosing a channel');
    await expect(top.nth(1).locator(':scope > ul > li > a')).toHaveText(['Which channel for which kind of information']);
    await expect(toc.locator('ol')).toHaveCount(0);
    const style = await top.first().evaluate((li) => getComputedStyle(li).listStyleType);
    expect(style).toBe('none');
  });

  test('a stable id and the renamed heading\'s old id both land on the same heading; the syntax never shows', async ({ page, watch: _watch }) => {
    await page.goto(`${POLICY}#confidential-channels`);
    const heading = page.getByRole('heading', { name: 'Agreeing channels with clients', exact: true });
    await expect(heading).toHaveAttribute('id', 'confidential-channels');
    await expect(heading).toBeInViewport();
    await expect(page.locator('body')).not.toContainText('{#');
    await expect(page.locator('body')).not.toContainText('aliases=');

    // 2.0 called it "Talking to clients about channels": citations of that anchor still work.
    await page.goto('about:blank');
    await page.goto(`${POLICY}#talking-to-clients-about-channels`);
    await expect(heading).toBeInViewport();
    expect(await page.locator('#talking-to-clients-about-channels').evaluate((el) => el.closest('h2')?.id)).toBe('confidential-channels');
    // The anchor in the superseded version it came from is unchanged.
    await page.goto(`${POLICY}2.0/#talking-to-clients-about-channels`);
    await expect(page.getByRole('heading', { name: 'Talking to clients about channels' })).toBeInViewport();
  });

  test('the redline compares the heading\'s words, not its id', async ({ page, watch: _watch }) => {
    await page.goto(`${POLICY}compare/2.0/2.1/`);
    await expect(page.locator('main')).toContainText('Agreeing channels with clients');
    await expect(page.locator('main')).not.toContainText('confidential-channels');
  });

  test('the copy-link button copies the section\'s full address and is a plain link without JavaScript', async ({ page, context, watch: _watch }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${POLICY}?highlight=vpn`);
    const link = page.getByRole('link', { name: 'Copy link to the section “Before you send”' });
    await link.click();
    const expected = new URL(`${POLICY}#before-you-send`, process.env['E2E_BASE_URL']).href;
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(`Link copied: ${expected}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect(page).toHaveURL(/#before-you-send$/);

    const html = readFileSync(join(SITE_DIR, POLICY, 'index.html'), 'utf8');
    expect(html).toContain('<a class="anchor" href="#before-you-send"');
  });

  test('no policy page repeats an id, and no heading takes the page\'s own (main)', async ({ page, watch: _watch }) => {
    await page.goto('');
    const hrefs = await page.locator('.chapters a[href*="/policies/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of [...new Set(hrefs)]) {
      await page.goto(href);
      const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), href).toEqual([]);
      await expect(page.locator('#main')).toHaveCount(1);
      expect(await page.locator('#main').evaluate((el) => el.tagName)).toBe('MAIN');
    }
  });
});

test.describe('banners', () => {
  test('sentences in the superseded and upcoming banners keep their spaces', async ({ page, watch: _watch }) => {
    await page.goto(`${POLICY}1.0/`);
    await expect(page.locator('.banner-superseded')).toContainText('It is kept for the record. Read the current version');
    await page.goto('changes/');
    const upcoming = await page.locator('a[href*="/policies/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    for (const href of upcoming) {
      await page.goto(href);
      if (await page.locator('.banner-upcoming').count()) {
        await expect(page.locator('.banner-upcoming')).toHaveText(/takes effect on \d+ \w+ \d{4}\. (Until then|No earlier)/);
        return;
      }
    }
    throw new Error('no upcoming version found in the sample');
  });
});

test.describe('dark theme', () => {
  test('the toggle switches the theme and remembers it in local storage, with no cookie and no request', async ({ page, context, watch: _watch }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(POLICY);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await background()).toBe('rgb(255, 255, 255)');

    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await background()).toBe('rgb(18, 20, 23)');
    expect(requests).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('handbook-theme'))).toBe('dark');

    await page.goto('search/');
    expect(await background()).toBe('rgb(18, 20, 23)');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => localStorage.getItem('handbook-theme'))).toBe('light');
  });
});

// One page of every kind, in both themes.
const PAGE_KINDS = ['', POLICY, `${POLICY}1.0/`, `${POLICY}history/`, `${POLICY}compare/2.0/2.1/`, 'changes/', 'reviews/', 'agreements/', 'agreements/staff-confidentiality/', 'print/', 'search/?q=client', 'no-such-page/'];
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe in the ${scheme} theme`, () => {
    for (const path of PAGE_KINDS) {
      test(`passes on /${path}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        if (path.startsWith('search')) await expect(page.locator('.search-result').first()).toBeVisible();
        await expectAccessible(page);
      });
    }
  });
}
