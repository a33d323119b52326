/**
 * The production build (scripts/build-site.ts) is all or nothing, and nothing only a draft uses
 * reaches the output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-swap-'));
const content = join(work, 'content');
const out = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A 1×1 PNG, written by hand (it only has to be an image Vite will copy).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DRAFT_WORD = 'quokkadraftonly';

/** Every file under a folder, relative to it. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

const env = (dir: string) => ({ ...process.env, HANDBOOK_CONTENT: dir, HANDBOOK_TODAY: '2026-11-15', HANDBOOK_BASE: '/' });

/** The feed's and the print margins' view of hostile frontmatter. */
const HOSTILE_TITLE = 'Client intake\f} body { display: none } @page {\u0001';
const HOSTILE_APPROVER = '<img src=https://evil.example/pixel.png>';

beforeAll(() => {
  cpSync('tests/fixtures/minimal/content', content, { recursive: true });
  // The version in force gets a form feed and a control character in its title, markup as its approver.
  const current = join(content, 'policies/intake/1.10.md');
  writeFileSync(current, readFileSync(current, 'utf8').replace('title: Client intake', `title: ${JSON.stringify(HOSTILE_TITLE)}`).replace('approvedBy: Partners', `approvedBy: "${HOSTILE_APPROVER}"`));
  // A draft version that shows an image nothing else uses, and whose text holds a word found nowhere else.
  writeFileSync(join(content, 'policies/intake/draft-diagram.png'), PNG);
  writeFileSync(
    join(content, 'policies/intake/2.0.md'),
    `---\ntitle: Client intake\nsummary: Draft.\nchapter: clients\nowner: Compliance Officer\napprovedBy: Partners\neffective: 2027-01-01\nlastReviewed: 2026-01-01\nstatus: draft\n---\n\n${DRAFT_WORD} ![Diagram](./draft-diagram.png)\n`,
  );
});

describe('the production build (scripts/build-site.ts)', () => {
  it('puts nothing only a draft uses in the output: no image, no text', async () => {
    expect(await buildSite({ outDir: out, env: env(content), stdio: 'ignore' })).toBe(0);
    const built = files(out);
    expect(built).toContain('index.html');
    expect(built.filter((f) => /draft-diagram/.test(f) || f.endsWith('.png'))).toEqual([]);
    expect(built.filter((f) => readFileSync(join(out, f)).includes(DRAFT_WORD))).toEqual([]);
    expect(built.filter((f) => f.startsWith('.prerender'))).toEqual([]);
    // Both search indexes, each written by its own process; the build's list of pages is gone.
    expect(built.filter((f) => f.endsWith('pagefind-entry.json')).sort()).toEqual(['pagefind-older/pagefind-entry.json', 'pagefind/pagefind-entry.json']);
    expect(built).not.toContain('search-pages.json');
  }, 240_000);

  it('writes the Word files (made beside Astro, in a process of their own) into the site: every version, every static redline, no draft', async () => {
    // By hand: conflicts 1.0; intake 1.0, 1.9, 1.10 and its three static pairs; the draft 2.0 has none.
    expect(files(out).filter((f) => f.endsWith('.docx')).sort()).toEqual(
      [
        'policies/conflicts/1.0/conflicts-1.0.docx',
        'policies/intake/1.0/intake-1.0.docx',
        'policies/intake/1.10/intake-1.10.docx',
        'policies/intake/1.9/intake-1.9.docx',
        'policies/intake/compare/1.0/1.10/intake-1.0-to-1.10.docx',
        'policies/intake/compare/1.0/1.9/intake-1.0-to-1.9.docx',
        'policies/intake/compare/1.9/1.10/intake-1.9-to-1.10.docx',
      ].sort(),
    );
    const xml = (await (await JSZip.loadAsync(readFileSync(join(out, 'policies/intake/compare/1.9/1.10/intake-1.9-to-1.10.docx')))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Redline: version 1.9 (effective');
    // No folder of the Word files' process is left beside the site.
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
  });

  it('writes a feed that is XML, with an approver\'s markup as text even after a reader unescapes it', () => {
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    // XML 1.0 allows no C0 control but tab, CR and LF, escaped or not.
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const content = [...feed.matchAll(/<content type="html">([^<]*)<\/content>/g)].map((m) => m[1]!);
    expect(content.length).toBe(4);
    // A feed reader unescapes the XML once, then reads the HTML: the approver must still be text.
    const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const html = content.map(unescapeXml).join('\n');
    expect(html).not.toContain('<img');
    expect(html).toContain('approved by &lt;img src=https://evil.example/pixel.png&gt;.');
  });

  it('keeps a form feed in a title inside the print margins\' CSS string', () => {
    const page = readFileSync(join(out, 'policies/intake/index.html'), 'utf8');
    const style = [...page.matchAll(/<style>(@page[^<]*)<\/style>/g)].map((m) => m[1]!);
    expect(style.length).toBe(1);
    expect(style[0]).not.toMatch(/[\u0000-\u001F]/);
    // By hand: the form feed is \C, the control character \1, each ended by a space.
    expect(style[0]).toContain('content: "Client intake\\C } body { display: none } @page {\\1  · version 1.10, effective');
  });

  it('leaves the previous site untouched when a build fails, and no half-built folder beside it', async () => {
    const before = new Map(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(before.size).toBeGreaterThan(10);
    // A published version whose text cannot render: the content check stops the build.
    const broken = join(work, 'broken');
    cpSync(content, broken, { recursive: true });
    writeFileSync(join(broken, 'policies/intake/1.10.md'), readFileSync(join(broken, 'policies/intake/1.10.md'), 'utf8').replace('title:', 'titel:'));
    expect(await buildSite({ outDir: out, env: env(broken), stdio: 'ignore' })).toBe(1);
    expect(new Map(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['broken', 'content', 'dist']);
  }, 240_000);

  it('says once what is wrong with HANDBOOK_TODAY, without a stack trace from the step beside Astro, and exits 2', () => {
    const run = spawnSync(process.execPath, ['scripts/build-site.ts', join(work, 'undated')], { env: { ...env(content), HANDBOOK_TODAY: '2026-13-45' }, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('HANDBOOK_TODAY is "2026-13-45", expected a calendar date written YYYY-MM-DD.');
    expect(run.status).toBe(2);
    expect(readdirSync(work).sort()).toEqual(['broken', 'content', 'dist']);
  }, 60_000);
});
