/**
 * Agreements: the list, filling every field of every agreement, printing (to PDF, read back
 * with pdftotext), values that stay text and stay in the page, paper sizes, and no JavaScript.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';
import { agreements, edition, handbookTitle, longDate, policiesInForce, policyBySlug } from './sample.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const XSS = '<img src=x onerror=alert(1)>';
/** Text of the site's chrome that must never reach paper. */
const CHROME = ['Skip to content', 'Search the handbook', 'Chapters Changes Reviews', 'Print edition', 'Fill in', 'Print blank', '›'];

/** The text of a PDF in drawing order (table cells stay whole), whitespace collapsed. */
function pdfText(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'agreement-pdf-')), 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Fills every input of the form, whatever the agreement, with a value of its type.
 *
 * @returns what each field should show in the document, by field name
 */
async function fillEverything(page: Page): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  const form = page.locator('[data-agreement-form]');
  const groups = await form.locator('.form-field').all();
  for (const [i, group] of groups.entries()) {
    const radios = group.locator('input[type=radio]');
    if (await radios.count()) {
      const last = radios.last();
      await last.check();
      expected.set((await last.getAttribute('name'))!, (await last.getAttribute('value'))!);
      continue;
    }
    const input = group.locator('input, textarea');
    const name = (await input.getAttribute('name'))!;
    const type = await input.evaluate((el) => (el instanceof HTMLTextAreaElement ? 'multiline' : (el as HTMLInputElement).type));
    if (type === 'date') {
      const date = `2026-03-${String(10 + i).padStart(2, '0')}`;
      await input.fill(date);
      expected.set(name, longDate(date));
    } else if (type === 'email') {
      await input.fill(`person${i}@example.org`);
      expected.set(name, `person${i}@example.org`);
    } else if (type === 'multiline') {
      await input.fill(`Line ${i} of ${name}\nSecond line ${i}`);
      expected.set(name, `Line ${i} of ${name}\nSecond line ${i}`);
    } else {
      await input.pressSequentially(`Value ${i} for ${name}`);
      expected.set(name, `Value ${i} for ${name}`);
    }
  }
  return expected;
}

test.describe('agreements', () => {
  test('the list shows every agreement with its summary, version and date', async ({ page, watch }) => {
    await page.goto('agreements/');
    await expect(page.getByRole('heading', { level: 1, name: 'Agreements' })).toBeVisible();
    const items = page.locator('.agreement-list > li');
    await expect(items).toHaveCount(agreements.length);
    for (const [i, a] of agreements.entries()) {
      const item = items.nth(i);
      await expect(item.getByRole('link', { name: a.title })).toHaveAttribute('href', `/handbook/agreements/${a.slug}/`);
      await expect(item).toContainText(a.summary);
      await expect(item).toContainText(`Version ${a.version}, in force since ${longDate(a.effective)}`);
    }
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });

  for (const agreement of agreements) {
    test(`${agreement.slug}: every field fills the document live, prints to PDF, and nothing leaves the page`, async ({ page, watch }) => {
      await page.goto(`agreements/${agreement.slug}/`);
      const doc = page.locator('[data-agreement-doc]');
      await expect(page.locator('[data-agreement-panel]')).toBeVisible();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));

      const expected = await fillEverything(page);
      expect([...expected.keys()].sort()).toEqual(agreement.fields.map((f) => f.name).sort());
      for (const [name, value] of expected) {
        const shown = doc.locator(`[data-field="${name}"] [data-field-value]`);
        await expect(shown.first()).toBeVisible();
        await expect(shown.first()).toHaveText(value, { useInnerText: true });
        await expect(doc.locator(`[data-field="${name}"] .field-blank`).first()).toBeHidden();
      }

      // Print media: the values are on paper, the form and the site's navigation are not.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('[data-agreement-panel]')).toBeHidden();
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(doc.locator('[data-field-value]').first()).toBeVisible();
      const pdf = await page.pdf({ preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      expect(requests, 'requests while filling and printing').toEqual([]);
      expect(page.url()).toMatch(new RegExp(`/agreements/${agreement.slug}/$`));

      test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
      const text = pdfText(pdf);
      expect(text).toContain(agreement.title);
      expect(text).toContain(`${agreement.title} · version ${agreement.version}`);
      expect(text).toMatch(/Page 1 of \d+/);
      for (const value of expected.values()) expect(text).toContain(value.replace(/\s+/g, ' '));
      for (const chrome of CHROME) expect(text).not.toContain(chrome);
      for (const party of agreement.parties) expect(text).toContain(party.label);
      expect(watch.consoleErrors).toEqual([]);
    });
  }

  test('typed markup stays text and runs nothing', async ({ page, watch }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto('agreements/staff-confidentiality/');
    await page.getByLabel("Staff member's full name").fill(XSS);
    await page.getByLabel('Home address').fill(`${XSS}\n<script>alert(2)</script>`);
    const doc = page.locator('[data-agreement-doc]');
    await expect(doc.locator('[data-field="staffName"] [data-field-value]')).toHaveText(XSS);
    await expect(doc.locator('[data-field="homeAddress"] [data-field-value]')).toContainText('<script>alert(2)</script>');
    await expect(doc.locator('img, script')).toHaveCount(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the form sends nothing, stores nothing and puts nothing in the address', async ({ page, watch }) => {
    await page.goto('agreements/client-engagement-confidentiality/');
    const form = page.locator('[data-agreement-form]');
    expect(await form.getAttribute('action')).toBeNull();
    await expect(form).toHaveAttribute('method', 'dialog');
    await expect(form).toHaveAttribute('autocomplete', 'off');
    // Radio buttons take no autocomplete attribute (HTML): the form's "off" covers them.
    const typed = form.locator('input:not([type=radio]), textarea');
    await expect(typed).not.toHaveCount(0);
    for (const input of await typed.all()) await expect(input).toHaveAttribute('autocomplete', 'off');
    await expect(page.locator('[data-agreement-form] [type=submit]')).toHaveCount(0);
    const url = page.url();
    const name = page.getByLabel("Client's full name");
    await name.fill('A client');
    await name.press('Enter');
    await page.locator('[data-agreement-form]').evaluate((f: HTMLFormElement) => f.requestSubmit());
    await page.waitForTimeout(100);
    expect(page.url()).toBe(url);
    await expect(name).toHaveValue('A client');
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
    expect(watch.consoleErrors).toEqual([]);
  });

  test('fields are labelled, described and marked when required', async ({ page, watch }) => {
    await page.goto('agreements/client-engagement-confidentiality/');
    const name = page.getByLabel("Client's full name");
    await expect(name).toHaveAttribute('required', '');
    await expect(name).toHaveAccessibleDescription(/registered name/);
    await expect(page.locator('label[for="field-clientName"] .required-mark')).toHaveText('*');
    const optional = page.getByLabel('Person the firm may also discuss the matter with (optional)');
    expect(await optional.getAttribute('required')).toBeNull();
    await expect(page.getByRole('group', { name: /Sharing with experts and barristers/ }).getByRole('radio')).toHaveCount(3);
    await expect(page.getByLabel("Client's e-mail address")).toHaveAttribute('type', 'email');
    await expect(page.getByLabel("Client's address")).toHaveJSProperty('tagName', 'TEXTAREA');
    await expectAccessible(page);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('Print asks for required fields; Print blank prints blank and restores; Clear empties', async ({ page, watch }) => {
    // Record what would have been printed instead of opening the print dialog.
    await page.addInitScript(() => {
      const w = window as unknown as { printed: string[] };
      w.printed = [];
      window.print = () => {
        const doc = document.querySelector<HTMLElement>('[data-agreement-doc]')!;
        const shown = [...doc.querySelectorAll<HTMLElement>('[data-field]')].filter((f) => f.querySelector<HTMLElement>('[data-field-value]')!.checkVisibility());
        w.printed.push(shown.map((f) => f.dataset['field']).join(','));
      };
    });
    await page.goto('agreements/third-party-confidentiality/');
    const printed = () => page.evaluate(() => (window as unknown as { printed: string[] }).printed);
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    expect(await printed()).toEqual([]);
    await expect(page.getByRole('status')).toContainText('Fill in the required fields');

    await fillEverything(page);
    await page.getByRole('button', { name: 'Print blank' }).click();
    expect(await printed()).toEqual(['']);
    await expect(page.locator('[data-field="supplierName"] [data-field-value]')).toBeVisible();

    await page.getByRole('button', { name: 'Print', exact: true }).click();
    expect((await printed())[1]).toContain('supplierName');

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.getByLabel("Supplier's full legal name")).toHaveValue('');
    await expect(page.locator('[data-field="supplierName"] .field-blank')).toBeVisible();
    await expect(page.locator('[data-agreement-doc] .field.is-filled')).toHaveCount(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the paper choice sets the page size: A4 or US Letter', async ({ page, watch }) => {
    test.skip(!existsSync('/usr/bin/pdfinfo'), 'pdfinfo is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
    await page.goto('agreements/policy-acknowledgement/');
    const size = async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'agreement-paper-')), 'out.pdf');
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      return /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))!.slice(1).map((n) => Math.round(Number(n)));
    };
    expect(await size()).toEqual([595, 842]);
    await page.getByLabel('Paper').selectOption('letter');
    expect(await size()).toEqual([612, 792]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the acknowledgement names the edition and lists every policy in force', async ({ page, watch }) => {
    await page.goto('agreements/policy-acknowledgement/');
    await expect(page.locator('.handbook-edition')).toHaveText(`${handbookTitle}, edition of ${longDate(edition)}`);
    const rows = page.locator('table.current-policies tbody tr');
    await expect(rows).toHaveCount(policiesInForce.length);
    for (const [i, p] of policiesInForce.entries()) {
      await expect(rows.nth(i)).toContainText(p.title);
      await expect(rows.nth(i)).toContainText(p.version);
      await expect(rows.nth(i)).toContainText(longDate(p.effective));
    }
    expect(watch.consoleErrors).toEqual([]);
  });

  test('an agreement cites its policies with their versions and is indexed as an agreement', async ({ page, watch }) => {
    const agreement = agreements[0]!;
    await page.goto(`agreements/${agreement.slug}/`);
    const cited = page.locator('.agreement-policies li');
    await expect(cited).toHaveCount(agreement.policies.length);
    for (const [i, slug] of agreement.policies.entries()) {
      const policy = policyBySlug.get(slug)!;
      await expect(cited.nth(i).getByRole('link', { name: policy.title })).toHaveAttribute('href', `/handbook/policies/${slug}/`);
      await expect(cited.nth(i)).toContainText(`version ${policy.version}`);
    }
    const body = page.locator('[data-pagefind-body]');
    await expect(body).toHaveCount(1);
    await expect(body.locator('[data-pagefind-filter="kind"]')).toHaveText('Agreement');
    await expect(body.locator('[data-pagefind-filter="versions"]')).toHaveText('In force');
    // A kind, not a chapter: "Agreements" is never both (issue 18); the result still says where it is from.
    await expect(body.locator('[data-pagefind-filter="chapter"]')).toHaveCount(0);
    await expect(body.locator('[data-pagefind-meta="chapter"]')).toHaveText('Agreements');
    await expect(body.locator('[data-pagefind-meta="title"]')).toHaveText(agreement.title);
    await expect(body.locator('[data-pagefind-meta="version"]')).toHaveText(agreement.version);
    await expect(page.locator('[data-agreement-panel]')).toHaveAttribute('data-pagefind-ignore', '');
    expect(watch.consoleErrors).toEqual([]);
  });
});

test.describe('agreements without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the blank template reads and prints on its own', async ({ page, watch }) => {
    await page.goto('agreements/staff-confidentiality/');
    await expect(page.locator('[data-agreement-panel]')).toBeHidden();
    await expect(page.locator('[data-agreement-nojs]')).toBeVisible();
    const doc = page.locator('[data-agreement-doc]');
    await expect(doc.locator('.field-blank').first()).toBeVisible();
    await expect(doc.locator('[data-field="staffName"] .field-label')).toHaveText("Staff member's full name");
    await expect(doc.locator('.signature')).toHaveCount(2);
    const pdf = await page.pdf({ format: 'A4' });
    test.skip(!existsSync(PDFTOTEXT), 'pdftotext is missing: run scripts/ensure-system-packages.sh (poppler-utils)');
    const text = pdfText(pdf);
    expect(text).toContain("Staff member's full name");
    expect(text).toContain('Staff confidentiality agreement · version 1.0');
    expect(text).not.toContain('Filling in on screen needs JavaScript');
    for (const chrome of CHROME) expect(text).not.toContain(chrome);
    expect(watch.consoleErrors).toEqual([]);
  });
});
