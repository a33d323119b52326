/**
 * On paper: agreement signature blocks, the "Full name" filled from the form, the form's sticky
 * buttons after a refused Print, the compare page's states and last page, the print edition's contents.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHandbook } from '../../src/lib/model.ts';
import { expect, test, TODAY } from './fixtures.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const handbook = loadHandbook('content', TODAY).handbook!;

/** The text of each page of a PDF, whitespace collapsed. */
function pages(bytes: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'paper-')), 'out.pdf');
  writeFileSync(file, bytes);
  const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim(),
  );
}

test.describe('agreements on paper', () => {
  for (const agreement of handbook.agreements) {
    test(`${agreement.slug}: each signature block is whole on one page, under its heading, with the typed full name`, async ({ page, watch: _watch }) => {
      test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
      await page.goto(`agreements/${agreement.slug}/`);
      const named = agreement.data.parties.filter((p) => p.nameField);
      for (const party of named) await page.locator(`#field-${party.nameField}`).fill(`Name of ${party.id} Testperson`);
      await page.emulateMedia({ media: 'print' });
      const text = pages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      await page.emulateMedia({ media: 'screen' });
      const blocks = agreement.data.parties.map((party) => {
        // Drawing order, as on the form: each line, then its label under it.
        const name = party.nameField ? `Name of ${party.id} Testperson ` : '';
        return `${party.label} Signature ${name}Full name Date`;
      });
      for (const block of blocks) expect(text.filter((p) => p.includes(block)), block).toHaveLength(1);
      // The heading above them stays with the first block.
      const first = text.findIndex((p) => p.includes(blocks[0]!));
      expect(text[first]).toContain('Signatures');
      // Two blocks fit on a page: they are never parted.
      expect(text.filter((p) => blocks.every((b) => p.includes(b))), 'one page with every signature').toHaveLength(1);
    });
  }

  test('"Full name" under a signature shows the name typed in the form, and prints blank with "Print blank"', async ({ page, watch: _watch }) => {
    await page.goto('agreements/staff-confidentiality/');
    const name = page.locator('.signature').filter({ hasText: 'Staff member' }).locator('[data-signature-name]');
    await expect(name).toHaveText('');
    await page.getByLabel("Staff member's full name").fill('  Ada   Lovelace ');
    await expect(name).toHaveText('Ada Lovelace');
    await expect(page.locator('.signature').filter({ hasText: 'For Harlow Mercer LLP' }).locator('[data-signature-name]')).toHaveCount(0);
  });

  test('after Print with required fields empty, the first missing field\'s label is clear of the sticky buttons', async ({ page, watch: _watch }) => {
    await page.setViewportSize({ width: 1280, height: 740 });
    await page.goto('agreements/staff-confidentiality/');
    // Scroll the panel to its end first, as a reader who looked through the form would.
    await page.locator('[data-agreement-panel]').evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(page.locator('[data-agreement-status]')).toContainText('Fill in the required fields');
    const label = page.getByText("Staff member's full name", { exact: false }).first();
    await expect(label).toBeInViewport();
    const labelBox = (await label.boundingBox())!;
    const barBox = (await page.locator('.agreement-toolbar').boundingBox())!;
    const panelBox = (await page.locator('[data-agreement-panel]').boundingBox())!;
    expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(barBox.y);
    expect(labelBox.y).toBeGreaterThanOrEqual(panelBox.y);
  });
});

test.describe('compare page', () => {
  test('says which version is current, superseded or upcoming, and as at when; the browser moves both with the day', async ({ page, watch: _watch }) => {
    // content/policies/secure-communication: 1.0 and 2.0 superseded, 2.1 current on 2026-11-15.
    await page.clock.setFixedTime(new Date('2026-11-15T12:00:00'));
    await page.goto('policies/secure-communication/compare/1.0/2.1/');
    const versions = page.locator('.compare-versions');
    await expect(versions.locator('li').nth(0)).toContainText('(Superseded)');
    await expect(versions.locator('li').nth(1)).toContainText('(Current)');
    await expect(page.locator('.compare-as-at')).toHaveText('As at 15 November 2026: which version is current, superseded or upcoming.');
    // retention-and-disposal: 2.0 in force, 2.1 takes effect on 2027-02-01.
    await page.goto('policies/retention-and-disposal/compare/2.0/2.1/');
    await expect(page.locator('.compare-versions li').nth(0)).toContainText('(Current)');
    await expect(page.locator('.compare-versions li').nth(1)).toContainText('(Upcoming)');
    await page.clock.setFixedTime(new Date('2027-02-01T12:00:00'));
    await page.reload();
    await expect(page.locator('.compare-versions li').nth(0)).toContainText('(Superseded)');
    await expect(page.locator('.compare-versions li').nth(1)).toContainText('(Current)');
    await expect(page.locator('.compare-as-at')).toHaveText('As at 1 February 2027: which version is current, superseded or upcoming.');
  });

  test('the last page of its PDF is never the footer alone', async ({ page, watch: _watch }) => {
    test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
    for (const policy of handbook.policies.filter((p) => p.versions.length > 1)) {
      const [from, to] = policy.versions;
      await page.goto(`policies/${policy.slug}/compare/${from!.version}/${to!.version}/`);
      const text = pages(await page.pdf({ format: 'A4' }));
      // What is left of the last page without the page margins (running head, page number) and the site's footer.
      const last = text.at(-1)!
        .replace(/^.*? redline of version .*? → .*? \(\d+ \w+ \d{4}\) ?/, '')
        .replace('Underlined: inserted · struck through: deleted', '')
        .replace(/Page \d+ of \d+/, '')
        .replace(`${handbook.config.firm} · ${handbook.config.title} · Confidential: for internal use only.`, '')
        .replace(/Built as at \d+ \w+ \d{4}\. Printed copies are uncontrolled; check the online handbook for the current version\./, '')
        .replace(/Uncontrolled when printed · printed from \S+/, '')
        .trim();
      expect(last.length, `${policy.slug}: last page "${text.at(-1)}"`).toBeGreaterThan(20);
      // Every page says where it was printed from (its path here: the test build has no site.url).
      const address = `/handbook/policies/${policy.slug}/compare/${from!.version}/${to!.version}/`;
      for (const [i, p] of text.entries()) expect(p, `page ${i + 1}`).toContain(`Uncontrolled when printed · printed from ${address}`);
    }
  });
});

test('the print edition numbers each chapter and policy, in the contents and on the headings', async ({ page, watch: _watch }) => {
  await page.goto('print/');
  const entries = await page.locator('.print-contents ol ol li').evaluateAll((items) =>
    items.map((li) => ({ number: li.querySelector('.print-number')?.textContent, href: li.querySelector('a')!.getAttribute('href')! })),
  );
  expect(entries.length).toBe(handbook.policies.filter((p) => p.current.state === 'current').length);
  for (const { number, href } of entries) {
    expect(number).toMatch(/^\d+\.\d+$/);
    await expect(page.locator(`${href} .print-policy-title .print-number`)).toHaveText(number!);
  }
});
