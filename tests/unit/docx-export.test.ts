/**
 * Word export and the Word redline, read back three ways: by import (the round trip), by the
 * document's own XML (what "Accept all" and "Reject all" leave), and by LibreOffice, a real word
 * processor (its reading of the text, and the tracked changes it finds).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBlocks, redlineSources, redlineVersions, diffMetadata, type Block } from '../../src/lib/diff.ts';
import { countWords, displayText } from '../../src/lib/diff/tokens.ts';
import { asAtLine, detailsText, redlineDocx, versionDocx } from '../../src/lib/docx/document.ts';
import { importDocx } from '../../src/lib/docx/import.ts';
import { staticComparePairs } from '../../src/lib/compare-pairs.ts';
import { loadHandbook, type PolicyVersion } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const { handbook } = loadHandbook('content', TODAY);
if (!handbook) throw new Error('The sample content has problems: run npm run handbook -- check');
const settings = { firm: handbook.config.firm, today: handbook.today };
const versions = handbook.policies.flatMap((p) => p.versions);
const pairs = handbook.policies.flatMap((p) => staticComparePairs(p.versions, p.current).map(({ from, to }) => [from, to] as const));
const id = (v: PolicyVersion) => `${v.slug}-${v.version}`;

/** Blocks as compared: kind, level, list type and the words as shown (task boxes included). */
const normalise = (blocks: Block[]) =>
  blocks.map((b) => ({ kind: b.kind, text: displayText(b), ...(b.kind === 'heading' || b.kind === 'listItem' ? { depth: b.depth } : {}), ...(b.kind === 'listItem' ? { ordered: b.ordered } : {}) }));

describe('export → import round trip, every version of the sample', () => {
  it.each(versions.map((v) => [id(v), v] as const))('%s keeps its blocks, words and details', async (_, v) => {
    const doc = await importDocx(versionDocx(v, settings), { file: 'x.docx', imagePrefix: v.version });
    expect(normalise(parseBlocks(doc.markdown, { mdx: false }))).toEqual(normalise(parseBlocks(v.body, { mdx: v.format === 'mdx' })));
    expect({ title: doc.title, summary: doc.summary, owner: doc.owner, approvedBy: doc.approvedBy }).toEqual({
      title: v.data.title,
      summary: v.data.summary.replace(/\s+/g, ' ').trim(),
      owner: v.data.owner,
      approvedBy: v.data.approvedBy,
    });
    expect(doc.notes).toEqual([]);
  });
});

describe('the same document, the same bytes', () => {
  it('is dated on the day it is made for, not by the clock, so a rebuild writes it byte for byte again', async () => {
    const [v] = versions;
    if (!v) throw new Error('the sample has no versions');
    const first = versionDocx(v, settings);
    await new Promise((done) => setTimeout(done, 5));
    expect(versionDocx(v, settings).equals(first)).toBe(true);
    const core = (await (await JSZip.loadAsync(first)).file('docProps/core.xml')?.async('string')) ?? '';
    // By hand: the settings' today, 2026-11-15, at the start of the day.
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-15T00:00:00.000Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-15T00:00:00.000Z</dcterms:modified>');
  });
});

// ---- Reading WordprocessingML: what Word shows after "Accept all" / "Reject all" --------------

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each body paragraph after accepting (or rejecting) every tracked change. */
function paragraphsAfter(xml: string, choice: 'accept' | 'reject'): string[] {
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const drop = choice === 'accept' ? 'del' : 'ins';
  const rows = body.replace(new RegExp(`<w:tr>(?:(?!</w:tr>)[\\s\\S])*?<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<w:${drop} [\\s\\S]*?</w:tr>`, 'g'), '');
  const out: string[] = [];
  for (const p of rows.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const markDropped = new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*<w:${drop} `).test(p);
    const kept = p.replace(new RegExp(`<w:${drop} [^>]*>[\\s\\S]*?</w:${drop}>`, 'g'), '');
    const text = decode(Array.from(kept.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>|<w:br\/>/g), (m) => m[1] ?? '\n').join(''));
    // A paragraph whose mark is removed joins the next one; ours are then empty, so they vanish.
    if (markDropped && !text) continue;
    out.push(text);
  }
  return out;
}

/** A version's blocks as Word paragraphs: one per block, one per table cell. */
const expectedParagraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'tableRow' ? (b.cells ?? []) : b.kind === 'rule' ? [''] : [displayText(b)]));

async function documentXml(data: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
}

describe('the redline as Word tracked changes', () => {
  it.each(pairs.map(([a, b]) => [`${a.slug} ${a.version} → ${b.version}`, a, b] as const))('%s: accept all gives the newer text, reject all the older', async (_, from, to) => {
    const result = redlineVersions(from, to);
    const xml = await documentXml(redlineDocx(from, to, result, diffMetadata(from.data, to.data), settings));
    const opening = 4 + diffMetadata(from.data, to.data).length + 1;
    const blocksOf = (v: PolicyVersion) => parseBlocks(v.body, { mdx: v.format === 'mdx' });
    expect(paragraphsAfter(xml, 'accept').slice(opening)).toEqual(expectedParagraphs(blocksOf(to)));
    expect(paragraphsAfter(xml, 'reject').slice(opening)).toEqual(expectedParagraphs(blocksOf(from)));
    // Every revision is the newer version's approver's, on its effective date.
    const authors = new Set(Array.from(xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)" w:date="([^"]*)"/g), (m) => `${m[1]} ${m[2]}`));
    expect([...authors]).toEqual([`${to.data.approvedBy} ${to.data.effective}T00:00:00Z`]);
  });
});

describe('changes that are not words', () => {
  it('a re-pointed link and a list style change are comments by the approver; no word is a revision', async () => {
    const [from, to] = versions.filter((v) => v.slug === 'retention-and-disposal');
    if (!from || !to) throw new Error('the sample lost retention-and-disposal');
    const result = redlineSources('See [the portal](https://old.example/) first.\n\n1. One\n2. Two\n', 'See [the portal](https://new.example/) first.\n\n- One\n- Two\n');
    const zip = await JSZip.loadAsync(redlineDocx(from, { ...to, data: { ...to.data, approvedBy: 'Risk Committee' } }, result, [], settings));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    expect(xml).not.toMatch(/<w:(ins|del) /);
    const texts = Array.from(comments.matchAll(/<w:comment [^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g), (m) => `${m[1]}: ${decode(Array.from((m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => t[1]).join(''))}`);
    expect(texts).toEqual([
      'Risk Committee: Link “the portal”: address changed from https://old.example/ to https://new.example/',
      'Risk Committee: List style changed from numbered to bullets',
      'Risk Committee: List style changed from numbered to bullets',
    ]);
    expect(xml.match(/<w:commentReference /g)?.length).toBe(3);
  });
});

// ---- LibreOffice --------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'handbook-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts files with LibreOffice, headless, with a profile of its own (others may run soffice too). */
function soffice(target: string, files: string[], outdir: string): void {
  const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', target, '--outdir', outdir, ...files], { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
}

/** Paragraph texts of a flat ODF document, footnotes at the end, as LibreOffice read them. */
function odfParagraphs(fodt: string): string[] {
  let body = fodt.slice(fodt.indexOf('<office:text'), fodt.indexOf('</office:text>'));
  const notes: string[] = [];
  body = body.replace(/<text:note [\s\S]*?<text:note-body>([\s\S]*?)<\/text:note-body><\/text:note>/g, (_, inner: string) => {
    notes.push(inner);
    return '';
  });
  const paragraphs = (xml: string) =>
    Array.from(xml.matchAll(/<text:(h|p)(?: [^>]*)?(?:\/>|>([\s\S]*?)<\/text:\1>)/g), (m) =>
      decode(
        (m[2] ?? '')
          .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
          .replace(/<text:s\/>/g, ' ')
          .replace(/<text:line-break\/>/g, '\n')
          .replace(/<text:tab\/>/g, '\t')
          .replace(/<[^>]+>/g, ''),
      ),
    );
  return [...paragraphs(body), ...notes.flatMap(paragraphs)];
}

describe('LibreOffice reads what the handbook writes', { timeout: 120_000 }, () => {
  const exported = new Map<string, PolicyVersion>();
  const redlines = new Map<string, [PolicyVersion, PolicyVersion]>();
  beforeAll(async () => {
    for (const v of versions) {
      writeFileSync(join(work, `${id(v)}.docx`), versionDocx(v, settings));
      exported.set(id(v), v);
    }
    for (const [from, to] of pairs) {
      const name = `redline-${from.slug}-${from.version}-${to.version}`;
      writeFileSync(join(work, `${name}.docx`), redlineDocx(from, to, redlineVersions(from, to), diffMetadata(from.data, to.data), settings));
      redlines.set(name, [from, to]);
    }
    soffice('fodt', [...exported.keys()].map((n) => join(work, `${n}.docx`)), join(work, 'fodt'));
    // Saved again as .docx by LibreOffice: its own writing of the revisions it read.
    soffice('docx:MS Word 2007 XML', [...redlines.keys()].map((n) => join(work, `${n}.docx`)), join(work, 'resaved'));
  }, 600_000);

  it('a clean export reads as the version: the opening lines, then every block, then the footnotes', () => {
    for (const [name, v] of exported) {
      const read = odfParagraphs(readFileSync(join(work, 'fodt', `${name}.fodt`), 'utf8')).map((t) => t.replace(/\s+/g, ' ').trim());
      const blocks = parseBlocks(v.body, { mdx: v.format === 'mdx' });
      const expected = [settings.firm, v.data.title, v.data.summary, detailsText(v), asAtLine(v, TODAY), ...expectedParagraphs(blocks)].map((t) => t.replace(/\s+/g, ' ').trim());
      expect(read, name).toEqual(expected);
    }
  });

  it("the redline's tracked insertions and deletions, as LibreOffice saves them, count the site's words", async () => {
    for (const [name, [from, to]] of redlines) {
      const xml = await documentXml(readFileSync(join(work, 'resaved', `${name}.docx`)));
      const inserted = Array.from(xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g), (m) => Array.from((m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => decode(t[1] ?? '')).join('')).join(' ');
      const deleted = Array.from(xml.matchAll(/<w:delText(?: [^>]*)?>([^<]*)<\/w:delText>/g), (m) => decode(m[1] ?? '')).join(' ');
      const result = redlineVersions(from, to);
      // The site's counts leave out blocks that only moved; Word shows a move as a deletion and an insertion.
      const moved = (type: 'insert' | 'delete') => result.blocks.reduce((n, d) => n + (d.type === type && d.moved ? countWords(displayText(d.block)) : 0), 0);
      expect({ name, added: countWords(inserted), removed: countWords(deleted) }).toEqual({ name, added: result.summary.wordsAdded + moved('insert'), removed: result.summary.wordsRemoved + moved('delete') });
      expect(result.summary.wordsAdded + result.summary.wordsRemoved, `${name} has changes`).toBeGreaterThan(0);
      const authors = new Set(Array.from(xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g), (m) => m[1]));
      expect([...authors], name).toEqual([to.data.approvedBy]);
    }
  });
});

describe('handbook export and diff --format docx', { timeout: 120_000 }, () => {
  const NODE = join('node_modules', '.bin', 'node');
  const cli = (args: string[]) => {
    const r = spawnSync(NODE, ['scripts/handbook.ts', ...args], { encoding: 'utf8', env: { ...process.env, HANDBOOK_TODAY: TODAY, NO_COLOR: '1' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('writes the document, and never over an existing file', async () => {
    const out = join(work, 'cli-export.docx');
    const first = cli(['export', 'retention-and-disposal', '1.0', '--format', 'docx', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`Wrote ${out}: Retention and disposal of records, version 1.0.\n`);
    const xml = await documentXml(readFileSync(out));
    expect(xml).toContain('As at 15 November 2026, this version is superseded: version 2.0 took effect on');
    writeFileSync(out, 'mine');
    const again = cli(['export', 'retention-and-disposal', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`${out} already exists: nothing was written. Remove it first, or give another file with --out.\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });

  it('explains wrong arguments with exit 2', () => {
    expect(cli(['export', 'retention-and-disposal']).err).toContain('Give the file to write with --out');
    expect(cli(['export', 'retention-and-disposal', '--format', 'pdf', '--out', 'x']).code).toBe(2);
    expect(cli(['export', 'retention-and-disposal', '9.9', '--out', join(work, 'n.docx')]).err).toContain('Policy "retention-and-disposal" has no published version 9.9: expected one of 1.0, 2.0, 2.1.');
    const noOut = cli(['diff', 'retention-and-disposal', '1.0', '2.0', '--format', 'docx']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--format docx writes a file: give it with --out, e.g. --out redline.docx.');
  });

  it('diff --format docx writes the redline with tracked changes by the approver', async () => {
    const out = join(work, 'cli-redline.docx');
    const { code, out: said } = cli(['diff', 'retention-and-disposal', '1.0', '2.0', '--format', 'docx', '--out', out]);
    expect(code).toBe(0);
    expect(said).toContain('as Word tracked changes by Management Committee.');
    expect(await documentXml(readFileSync(out))).toMatch(/<w:ins [^>]*w:author="Management Committee"/);
  });
});
