/**
 * The editor's dev server (`astro dev`) on a copy of tests/fixtures/workflow: drafts previewed
 * at their own address, and content problems shown where the editor looks. The server is started
 * here on a free port and stopped after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { freePort } from '../../scripts/local-site.ts';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

let dev: ChildProcess | undefined;
let origin = '';
let log = '';
const content = mkdtempSync(join(tmpdir(), 'handbook-dev-'));
const gifts = join(content, 'policies/gifts/1.0.mdx');

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  cpSync(join(ROOT, 'tests/fixtures/workflow/content'), content, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-15', HANDBOOK_BASE: '/', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let i = 0; i < 240 && !log.includes('watching for file changes'); i++) await new Promise((r) => setTimeout(r, 500));
  expect(log).toContain('watching for file changes');
});

test.afterAll(() => {
  // The server and the processes it started.
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(content, { recursive: true, force: true });
});

test('a draft answers at its own address with a DRAFT banner, marked in the navigation and the history', async ({ page }) => {
  const response = await open(page, '/policies/expenses/1.1/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('note').filter({ hasText: 'DRAFT — not published.' })).toContainText('a build leaves it out');
  await expect(page.locator('.prose')).toContainText('marigold card');
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav.locator('ol ol > li').filter({ hasText: 'Expenses' })).toContainText('Has a draft');
  await expect(nav.locator('ol ol > li').filter({ hasText: 'Travel' })).toContainText('Draft');

  await open(page, '/policies/expenses/history/');
  await expect(page.locator('.history-entry').first()).toContainText('Version 1.1 DRAFT');
  expect((await open(page, '/policies/travel/1.0/'))?.status()).toBe(200);
});

test('the compare page redlines the published version against the draft, marked as a draft', async ({ page }) => {
  const response = await open(page, '/policies/expenses/compare/1.0/1.1/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('.compare-versions')).toContainText('To: Version 1.1 DRAFT, would take effect 1 December 2026');
  await expect(page.locator('ins').filter({ hasText: 'marigold' })).toHaveCount(1);
});

test('a bad date shows one overlay naming the .mdx file and line, and the terminal lists it once', async ({ page }) => {
  const before = log.length;
  const good = readFileSync(gifts, 'utf8');
  writeFileSync(gifts, good.replace('effective: 2025-03-03', 'effective: 2025-02-30'));
  const problem = 'policies/gifts/1.0.mdx:8 → effective: Expected a real calendar date written YYYY-MM-DD, received "2025-02-30".';
  await expect.poll(() => log.slice(before)).toContain(problem);

  const response = await open(page, '/policies/gifts/');
  expect(response?.status()).toBe(500);
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay.locator('#name')).toHaveText('Content problem');
  await expect(overlay.locator('#title')).toHaveText('The handbook has a content problem: policies/gifts/1.0.mdx, line 8');
  await expect(overlay.locator('#message-content')).toContainText(problem);
  // "Open in editor" opens what the code header names: the content file and its line.
  await expect(overlay.locator('#code header h2')).toHaveText('gifts/1.0.mdx:8');
  await expect(overlay.locator('#code header h2')).toHaveAttribute('title', `${gifts}:8`);
  await expect(overlay.locator('#code .error-line')).toHaveText('effective: 2025-02-30');
  await open(page, '/policies/expenses/');

  const printed = log.slice(before);
  expect(printed.split(problem).length - 1, printed).toBe(1);
  expect(printed).not.toMatch(/Stack trace|    at |Unrecognized key|AstroUserError/);

  // The page is left before the next edits, as change() does: an open page reloads on each one.
  await page.goto('about:blank');
  writeFileSync(gifts, good.replace('effective: 2025-03-03', 'efective: 2025-03-03'));
  await expect.poll(() => log.slice(before)).toContain('Unknown field "efective"');
  expect(log.slice(before)).not.toContain('Unrecognized key');

  writeFileSync(gifts, good);
  await expect.poll(() => log.slice(before)).toContain('The content problems are fixed.');
  expect((await page.request.get(`${origin}/policies/gifts/`)).status()).toBe(200);
});

/**
 * Opens a page of the dev server, again if a reload cuts the navigation short: an open page
 * reloads on each content change, and the watcher may report one file twice (added, then
 * written), so a reload can still come after the server said pages show the change.
 */
async function open(page: Page, path: string): Promise<Response | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goto(`${origin}${path}`);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('net::ERR_ABORTED')) throw error;
    }
  }
}

/**
 * Writes (or with `undefined`, removes) a content file, and waits for the server's word that
 * pages show it. The page is left first: open pages reload on a change, which would cut short
 * the test's own next navigation.
 */
async function change(page: Page, path: string, text: string | undefined): Promise<void> {
  await page.goto('about:blank');
  const before = log.length;
  if (text === undefined) rmSync(path);
  else writeFileSync(path, text);
  const name = relative(content, path);
  await expect.poll(() => log.slice(before), { timeout: 30_000 }).toContain(`${name} changed: pages show it now.`);
}

test('an edited version shows on the next request, on every page that shows its text', async ({ page }) => {
  const good = readFileSync(gifts, 'utf8');
  // Read once, so the server holds a reading and rendered pages to go stale.
  await open(page, '/policies/gifts/');
  await expect(page.locator('.prose')).not.toContainText('porcelain teapot');

  await change(page, gifts, good.replace('Record every gift', 'A porcelain teapot is a gift too. Record every gift'));
  for (const path of ['/policies/gifts/', '/policies/gifts/1.0/', '/print/']) {
    const response = await open(page, path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('main'), path).toContainText('A porcelain teapot is a gift too.');
  }

  // A page open in the browser reloads by itself.
  const connected = page.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
  await open(page, '/policies/gifts/');
  await connected;
  const reloaded = page.waitForEvent('load');
  writeFileSync(gifts, good);
  await reloaded;
  await expect(page.locator('.prose')).toContainText('Record every gift');
  await expect(page.locator('.prose')).not.toContainText('porcelain teapot');
});

test('a version file added answers at its address and becomes the one in force; removed, it is gone', async ({ page }) => {
  const added = join(content, 'policies/gifts/1.1.mdx');
  const good = readFileSync(gifts, 'utf8');
  await open(page, '/policies/gifts/');
  expect((await page.request.get(`${origin}/policies/gifts/1.1/`)).status()).toBe(404);

  await change(page, added, good.replace('effective: 2025-03-03', 'effective: 2026-06-01').replace('changes: [First published version.]', 'changes: [Adds the teapot rule.]').replace('Record every gift', 'A porcelain teapot is a gift too. Record every gift'));
  expect((await open(page, '/policies/gifts/1.1/'))?.status()).toBe(200);
  await expect(page.locator('.prose')).toContainText('A porcelain teapot is a gift too.');
  await open(page, '/policies/gifts/');
  await expect(page.locator('.prose')).toContainText('A porcelain teapot is a gift too.');
  await open(page, '/policies/gifts/history/');
  await expect(page.locator('.history-entry').filter({ hasText: 'Version 1.1' })).toContainText('Adds the teapot rule.');
  expect((await page.request.get(`${origin}/policies/gifts/compare/1.0/1.1/`)).status()).toBe(200);

  await change(page, added, undefined);
  expect((await page.request.get(`${origin}/policies/gifts/1.1/`)).status()).toBe(404);
  expect((await page.request.get(`${origin}/policies/gifts/compare/1.0/1.1/`)).status()).toBe(404);
  await open(page, '/policies/gifts/');
  await expect(page.locator('.prose')).not.toContainText('porcelain teapot');
});

test('an edit to handbook.yaml shows on the next request', async ({ page }) => {
  const yaml = join(content, 'handbook.yaml');
  const good = readFileSync(yaml, 'utf8');
  await open(page, '/policies/gifts/');
  await expect(page).toHaveTitle('Gifts and hospitality · Office Handbook');

  await change(page, yaml, good.replace('title: Office Handbook', 'title: Staff Rulebook').replace('    title: Money', '    title: Money and gifts'));
  await open(page, '/policies/gifts/');
  await expect(page).toHaveTitle('Gifts and hospitality · Staff Rulebook');
  await open(page, '/');
  await expect(page.locator('.chapter-card h3')).toHaveText(['Money and gifts']);

  await change(page, yaml, good);
  await open(page, '/policies/gifts/');
  await expect(page).toHaveTitle('Gifts and hospitality · Office Handbook');
});
