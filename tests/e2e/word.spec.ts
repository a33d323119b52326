import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from './fixtures.ts';

/** The text of a downloaded Word document's body, and its tracked insertions and deletions. */
async function readDocx(path: string) {
  const xml = (await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')?.async('string')) ?? '';
  return { xml, insertions: (xml.match(/<w:ins /g) ?? []).length, deletions: (xml.match(/<w:del /g) ?? []).length };
}

test.describe('Download as Word', () => {
  test('a policy page offers its version as a Word document, from this site', async ({ page, watch }) => {
    await page.goto('policies/retention-and-disposal/');
    const link = page.getByRole('link', { name: 'Download as Word (version 2.0)' });
    await expect(link).toHaveAttribute('href', '/handbook/policies/retention-and-disposal/2.0/retention-and-disposal-2.0.docx');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('retention-and-disposal-2.0.docx');
    const { xml, insertions } = await readDocx(await download.path());
    expect(xml).toContain('Retention and disposal of records');
    expect(xml).toContain('Version 2.0 · effective');
    expect(insertions).toBe(0);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('a compare page offers the redline as Word tracked changes', async ({ page, request, watch }) => {
    await page.goto('policies/secure-communication/compare/1.0/2.0/');
    const link = page.getByRole('link', { name: 'Download as Word (tracked changes)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('secure-communication-1.0-to-2.0.docx');
    const { xml, insertions, deletions } = await readDocx(await download.path());
    expect(insertions).toBeGreaterThan(0);
    expect(deletions).toBeGreaterThan(0);
    expect(xml).toContain('Facsimile remains an acceptable channel');
    const response = await request.get(String(await link.getAttribute('href')));
    expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(watch.foreignRequests).toEqual([]);
  });
});
