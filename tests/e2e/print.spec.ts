/**
 * The print edition (the whole current handbook as one document) and the `pdf` command that
 * prints it and every agreement from the built site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, expectAccessible, test, TODAY } from './fixtures.ts';
import { SITE_DIR } from './global-setup.ts';
import { agreements, chaptersInForce as inForce, edition, firm, handbookTitle, longDate } from './sample.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const titles = inForce.flatMap((c) => c.policies.map((p) => p.title));
const PDFTOTEXT = '/usr/bin/pdftotext';
/** Matches text that ends with `text` (headings and contents entries start with their number). */
const endsWith = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

function pdfText(file: string): string {
  return execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

test.describe('print edition', () => {
  test('has a cover, contents and every policy in force, in chapter order, with its details', async ({ page, watch }) => {
    await page.goto('print/');
    const cover = page.locator('.print-cover');
    await expect(cover).toContainText(firm);
    await expect(cover.getByRole('heading', { level: 1 })).toHaveText(handbookTitle);
    await expect(cover).toContainText(`Edition of ${longDate(edition)}`);
    await expect(cover.locator('.print-cover-meta')).toContainText(longDate(TODAY));

    const contents = page.getByRole('navigation', { name: 'Contents' });
    await expect(contents.locator('ol ol a')).toHaveText(titles);
    await expect(page.locator('.print-chapter > h2')).toHaveText(inForce.map((c) => endsWith(c.chapter.title)));
    await expect(page.locator('.print-policy-title')).toHaveText(titles.map(endsWith));

    for (const policy of inForce.flatMap((c) => c.policies)) {
      const section = page.locator(`#policy-${policy.slug}`);
      const meta = (label: string) => section.locator('.print-policy-meta > div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
      await expect(meta('Version')).toHaveText(policy.version);
      await expect(meta('Effective')).toHaveText(longDate(policy.effective));
      await expect(meta('Owner')).toHaveText(policy.owner);
      await expect(meta('Next review')).toHaveText(longDate(policy.nextReview));
      await expect(section.locator('.prose')).not.toBeEmpty();
    }
    // A contents link lands on its policy.
    await contents.getByRole('link', { name: titles[3]! }).click();
    await expect(page).toHaveURL(new RegExp(`#policy-${inForce.flatMap((c) => c.policies)[3]!.slug}$`));
    expect(watch.consoleErrors).toEqual([]);
  });

  test('has no duplicate ids, and every in-page link has a target', async ({ page, watch }) => {
    await page.goto('print/');
    const { duplicates, broken } = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const seen = new Set<string>();
      const duplicates = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
      const broken = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id && !document.getElementById(id));
      const described = [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')].flatMap((el) => `${el.getAttribute('aria-describedby') ?? ''} ${el.getAttribute('aria-labelledby') ?? ''}`.split(/\s+/)).filter((id) => id && !document.getElementById(id));
      return { duplicates, broken: [...broken, ...described] };
    });
    expect(duplicates).toEqual([]);
    expect(broken).toEqual([]);
    // Policy text headings sit under the policy's own h3.
    await expect(page.locator('.print-policy .prose h2, .print-policy .prose h3')).toHaveCount(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('is accessible', async ({ page, watch }) => {
    await page.goto('print/');
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('prints: chapters on new pages, no navigation, page numbers, every title in order', async ({ page, watch }) => {
    await page.goto('print/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.print-contents')).toBeVisible();
    const breaks = await page.locator('.print-chapter').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(new Set(breaks)).toEqual(new Set(['page']));
    test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
    const file = join(mkdtempSync(join(tmpdir(), 'print-edition-')), 'print.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = pdfText(file).replace(/\s+/g, ' ');
    // After the contents (which lists them too), each policy's numbered heading, in order.
    const body = text.slice(text.indexOf(inForce[0]!.chapter.description ?? inForce[0]!.chapter.title));
    let at = 0;
    for (const [c, chapter] of inForce.entries()) {
      for (const [i, policy] of chapter.policies.entries()) {
        const heading = `${c + 1}.${i + 1} ${policy.title}`;
        const found = body.indexOf(heading, at);
        expect(found, `"${heading}" after position ${at}`).toBeGreaterThan(-1);
        at = found + heading.length;
      }
    }
    expect(text).toMatch(/Page 2 of (\d+)/);
    expect(text).toContain(`${handbookTitle} · edition of ${longDate(edition)}`);
    for (const chrome of ['Skip to content', 'Search the handbook', 'Chapters Changes Reviews']) expect(text).not.toContain(chrome);
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe('the pdf command', () => {
  test('prints every agreement and the print edition from the built site', async () => {
    test.setTimeout(120_000);
    const out = mkdtempSync(join(tmpdir(), 'handbook-pdfs-'));
    const log = execFileSync(process.execPath, ['scripts/handbook.ts', 'pdf', '--site', SITE_DIR, '--out', out, '--paper', 'letter'], { cwd: ROOT, encoding: 'utf8' });
    const expected = [...agreements.map((a) => `${a.slug}.pdf`), 'print-edition.pdf'].sort();
    expect(readdirSync(out).sort()).toEqual(expected);
    expect(log).toContain(`[${expected.length}/${expected.length}]`);
    expect(log).toContain('on Letter paper');
    test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
    const staff = pdfText(join(out, 'staff-confidentiality.pdf'));
    expect(staff).toContain("Staff member's full name");
    expect(execFileSync('/usr/bin/pdfinfo', [join(out, 'staff-confidentiality.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
    expect(pdfText(join(out, 'print-edition.pdf'))).toContain(titles.at(-1)!);
  });
});
