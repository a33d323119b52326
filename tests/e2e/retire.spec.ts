/**
 * A withdrawn policy in the built site: tests/fixtures/workflow, where petty-cash is withdrawn
 * on 1 December 2026 and replaced by expenses, built the day before and on the day. Also: drafts
 * never reach a build (404), and a build's log is quiet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serveSite, type LocalSite } from '../../scripts/local-site.ts';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/workflow/content');
const ONLY_IN_PETTY_CASH = 'quillwort'; // petty-cash 1.1, the version withdrawn
const ONLY_IN_DRAFT = 'marigold'; // expenses 1.1, a draft

interface Built {
  dir: string;
  log: string;
  site: LocalSite;
}

/** `npm run build`'s two steps for the fixture as at `today`, served at the root of a local host. */
async function build(today: string): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), `handbook-retire-${today}-`));
  const env = { ...process.env, HANDBOOK_CONTENT: FIXTURE, HANDBOOK_TODAY: today, HANDBOOK_BASE: '/' };
  const options = { cwd: ROOT, env, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  // stderr goes into the log too: Astro and Vite warn there.
  const log = execFileSync('bash', ['-c', `npx astro build --outDir "$0" 2>&1 && node scripts/search-index.ts "$0" 2>&1`, dir], options);
  return { dir, log, site: await serveSite(dir, '/') };
}

/** Whether the unpacked files of a Pagefind index contain `word`. */
function indexHas(dir: string, word: string): boolean {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some((entry) => {
    if (!entry.isFile()) return false;
    const bytes = readFileSync(join(entry.parentPath, entry.name));
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8').toLowerCase().includes(word);
  });
}

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const builds: Record<'before' | 'after', Built | undefined> = { before: undefined, after: undefined };
test.beforeAll(async () => {
  builds.before = await build('2026-11-30');
  builds.after = await build('2026-12-01');
});
test.afterAll(async () => {
  for (const b of Object.values(builds)) {
    if (!b) continue;
    await b.site.close();
    rmSync(b.dir, { recursive: true, force: true });
  }
});

// Pages restate what is in force for the reader's today: read each build on its own date.
const readOn = (page: Page, date: string) => page.clock.setFixedTime(new Date(`${date}T10:00:00`));

test('the day before: in the navigation, the in-force search and the dashboard, with a notice', async ({ page }) => {
  const { site, dir } = builds.before!;
  await readOn(page, '2026-11-30');
  await page.goto(`${site.origin}/`);
  await expect(page.locator('.chapter-card').getByRole('link', { name: 'Petty cash' })).toBeVisible();
  await page.goto(`${site.origin}/reviews/`);
  await expect(page.getByRole('link', { name: 'Petty cash' })).toHaveCount(1);
  await page.goto(`${site.origin}/policies/petty-cash/`);
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: 'Petty cash' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'To be withdrawn on 1 December 2026' })).toContainText('replaced by Expenses. Until then it applies.');
  expect(indexHas(join(dir, 'pagefind'), ONLY_IN_PETTY_CASH)).toBe(true);
});

test('on the day: out of the navigation, the in-force search and the dashboard; pages and history stay with a banner', async ({ page }) => {
  const { site, dir } = builds.after!;
  await readOn(page, '2026-12-01');
  await page.goto(`${site.origin}/`);
  await expect(page.locator('.chapter-card').getByRole('link', { name: 'Expenses' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Petty cash' })).toHaveCount(0);
  await page.goto(`${site.origin}/reviews/`);
  await expect(page.getByRole('link', { name: 'Gifts and hospitality' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Petty cash' })).toHaveCount(0);
  expect(indexHas(join(dir, 'pagefind'), ONLY_IN_PETTY_CASH)).toBe(false);
  expect(indexHas(join(dir, 'pagefind-older'), ONLY_IN_PETTY_CASH)).toBe(true);

  for (const path of ['/policies/petty-cash/', '/policies/petty-cash/1.1/', '/policies/petty-cash/1.0/', '/policies/petty-cash/history/']) {
    const response = await page.goto(`${site.origin}${path}`);
    expect(response?.status(), path).toBe(200);
    const banner = page.getByRole('note').filter({ hasText: 'Withdrawn on 1 December 2026' });
    await expect(banner, path).toHaveText('Withdrawn on 1 December 2026 — replaced by Expenses. This policy no longer applies; it is kept for the record.');
    await expect(banner.getByRole('link', { name: 'Expenses' })).toHaveAttribute('href', '/policies/expenses/');
    await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: 'Petty cash' })).toHaveCount(0);
  }
  await page.goto(`${site.origin}/policies/petty-cash/`);
  await expect(page.locator('.version-status')).toContainText('Version 1.1 — in force 1 September 2025 to 1 December 2026 — withdrawn');
  await expectAccessible(page);
});

test('links to it still lead to its page; the related list no longer offers it', async ({ page }) => {
  for (const when of ['before', 'after'] as const) {
    const { site } = builds[when]!;
    await readOn(page, when === 'before' ? '2026-11-30' : '2026-12-01');
    await page.goto(`${site.origin}/policies/gifts/`);
    await page.getByRole('link', { name: 'petty cash tin' }).click();
    await expect(page).toHaveURL(`${site.origin}/policies/petty-cash/`);
    await page.goto(`${site.origin}/policies/gifts/`);
    const related = page.locator('section[aria-labelledby="related-heading"]');
    await expect(related.getByRole('link', { name: 'Petty cash' })).toHaveCount(when === 'before' ? 1 : 0);
  }
});

test('drafts never reach a build: their addresses answer 404 and their words are nowhere', async ({ page }) => {
  const { site, dir } = builds.after!;
  for (const path of ['/policies/expenses/1.1/', '/policies/travel/', '/policies/travel/1.0/', '/policies/expenses/compare/1.0/1.1/']) {
    const response = await page.goto(`${site.origin}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  expect(indexHas(dir, ONLY_IN_DRAFT)).toBe(false);
});

test('a build of a handbook without agreements, with a code block, switched from another content folder, logs no warning', async ({ page }) => {
  // The sample was built in this checkout by the global setup, then this fixture twice.
  for (const built of Object.values(builds)) {
    const log = built!.log;
    expect(log).toContain('Complete!');
    expect(log).not.toMatch(/\bWARN\b|warning|Shiki|same slug|does not exist/i);
  }
  const { site } = builds.after!;
  await page.goto(`${site.origin}/policies/expenses/`);
  // Plainly styled: no inline style from a highlighter for the CSP to block.
  await expect(page.locator('.prose pre')).toHaveText('EXP-2026-0042  client matter 1187  taxi to court');
  await expect(page.locator('.prose pre, .prose pre *').and(page.locator('[style]'))).toHaveCount(0);
});
