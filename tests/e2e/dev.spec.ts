/**
 * The editor's dev server (`astro dev`) on a copy of tests/fixtures/workflow: drafts previewed
 * at their own address, and content problems shown where the editor looks. The server is started
 * here on a free port and stopped after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/local-site.ts';
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
  const response = await page.goto(`${origin}/policies/expenses/1.1/`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('note').filter({ hasText: 'DRAFT — not published.' })).toContainText('a build leaves it out');
  await expect(page.locator('.prose')).toContainText('marigold card');
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav.locator('ol ol > li').filter({ hasText: 'Expenses' })).toContainText('Has a draft');
  await expect(nav.locator('ol ol > li').filter({ hasText: 'Travel' })).toContainText('Draft');

  await page.goto(`${origin}/policies/expenses/history/`);
  await expect(page.locator('.history-entry').first()).toContainText('Version 1.1 DRAFT');
  expect((await page.goto(`${origin}/policies/travel/1.0/`))?.status()).toBe(200);
});

test('the compare page redlines the published version against the draft, marked as a draft', async ({ page }) => {
  const response = await page.goto(`${origin}/policies/expenses/compare/1.0/1.1/`);
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

  const response = await page.goto(`${origin}/policies/gifts/`);
  expect(response?.status()).toBe(500);
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay.locator('#name')).toHaveText('Content problem');
  await expect(overlay.locator('#title')).toHaveText('The handbook has a content problem: policies/gifts/1.0.mdx, line 8');
  await expect(overlay.locator('#message-content')).toContainText(problem);
  // "Open in editor" opens what the code header names: the content file and its line.
  await expect(overlay.locator('#code header h2')).toHaveText('gifts/1.0.mdx:8');
  await expect(overlay.locator('#code header h2')).toHaveAttribute('title', `${gifts}:8`);
  await expect(overlay.locator('#code .error-line')).toHaveText('effective: 2025-02-30');
  await page.goto(`${origin}/policies/expenses/`);

  const printed = log.slice(before);
  expect(printed.split(problem).length - 1, printed).toBe(1);
  expect(printed).not.toMatch(/Stack trace|    at |Unrecognized key|AstroUserError/);

  writeFileSync(gifts, good.replace('effective: 2025-03-03', 'efective: 2025-03-03'));
  await expect.poll(() => log.slice(before)).toContain('Unknown field "efective"');
  expect(log.slice(before)).not.toContain('Unrecognized key');

  writeFileSync(gifts, good);
  await expect.poll(() => log.slice(before)).toContain('The content problems are fixed.');
  expect((await page.request.get(`${origin}/policies/gifts/`)).status()).toBe(200);
});
