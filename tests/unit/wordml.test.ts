/**
 * The WordprocessingML writer (src/lib/docx/wordml.ts and pack.ts) against the `docx` package,
 * the second source: each construct the handbook's documents use is written both ways, the
 * writer's and docx's object model (`Packer`), and every part of the two packages must be the
 * same text. Only what docx leaves to chance or the clock differs: the ids it draws for links
 * (numbered here in order), picture ids (a counter for the whole process in docx) and the
 * creation times.
 */
import JSZip from 'jszip';
import {
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx } from '../../src/lib/docx/pack.ts';
import { BULLETS, NUMBERED, numbering, styles } from '../../src/lib/docx/styles.ts';
import {
  commented,
  deletedRun,
  detailsLine,
  embed,
  footnoteReference,
  hyperlink,
  insertedRun,
  lineBreak,
  markChange,
  newDocumentParts,
  paragraph,
  picture,
  table,
  textRun,
  type WordDocument,
} from '../../src/lib/docx/wordml.ts';

/** Each part's text, with docx's random and clock-made values replaced by their order. */
async function parts(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const files: Record<string, string> = {};
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) files[path] = path.startsWith('word/media/') ? Buffer.from(await file.async('uint8array')).toString('base64') : await file.async('string');
  const ids = new Map<string, string>();
  for (const rels of ['word/_rels/document.xml.rels', 'word/_rels/footnotes.xml.rels']) {
    for (const m of (files[rels] ?? '').matchAll(/Id="([^"]+)" Type="[^"]*\/(hyperlink|image)"/g)) ids.set(m[1]!, `${rels}:${m[2]}${ids.size}`);
  }
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [
      path,
      text
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')
        .replace(/rId[\w-]+/g, (id) => ids.get(id) ?? id)
        .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="N"'),
    ]),
  );
}

const REVISION = { author: 'Risk & "Compliance" Committee', date: '2026-03-01T00:00:00Z' };
const HEADER = 'Firm · Policy · version 1.0';

/** docx's document: the same options the handbook's documents had when docx wrote them. */
function theirs(children: FileChild[], extra: { footnotes?: Record<number, { children: Paragraph[] }>; comments?: { id: number; author: string; date: Date; children: Paragraph[] }[] } = {}): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      ...(extra.comments ? { comments: { children: extra.comments } } : {}),
      creator: 'Firm & Co',
      title: 'A <title>',
      description: "The firm's summary",
      styles,
      numbering,
      footnotes: extra.footnotes ?? {},
      sections: [{ headers: { default: new Header({ children: [new Paragraph({ style: 'PolicyDetails', children: [new TextRun(HEADER)] })] }) }, children }],
    }),
  );
}

type Parts = ReturnType<typeof newDocumentParts>;

/** The writer's document, with the same details. */
function ours(write: (p: Parts) => string, extra: { footnotes?: (p: Parts) => Map<number, string[]>; comments?: WordDocument['comments'] } = {}): Buffer {
  const p = newDocumentParts((extra.comments ?? []).length > 0);
  const body = write(p);
  return packDocx({ ...p, title: 'A <title>', creator: 'Firm & Co', description: "The firm's summary", created: '2026-11-15T00:00:00.000Z', header: HEADER, body, footnotes: extra.footnotes?.(p) ?? new Map(), comments: extra.comments ?? [] });
}

async function same(mine: Buffer, docx: Promise<Buffer>): Promise<void> {
  expect(await parts(mine)).toEqual(await parts(await docx));
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const TRICKY = `Fees & "costs" <under> £1,000 — it's\u0001 due`;

describe('the Word writer writes what docx writes', () => {
  it('runs: bold, italics, strike, code, links, breaks; escaped text; control characters dropped', async () => {
    const formats = [{}, { bold: true }, { italics: true }, { strike: true }, { code: true }, { style: 'Hyperlink' }, { style: 'Hyperlink', code: true, bold: true, italics: true, strike: true }] as const;
    await same(
      ours(() => paragraph(formats.map((f) => textRun(TRICKY, f)).join('') + lineBreak + textRun('after the break') + textRun('next line', {}, true))),
      theirs([
        new Paragraph({
          children: [
            ...formats.map((f) => new TextRun({ text: TRICKY, ...('style' in f ? { style: f.style } : {}), ...('code' in f ? { font: 'Courier New' } : {}), ...('bold' in f ? { bold: true } : {}), ...('italics' in f ? { italics: true } : {}), ...('strike' in f ? { strike: true } : {}) })),
            new TextRun({ break: 1 }),
            new TextRun('after the break'),
            new TextRun({ text: 'next line', break: 1 }),
          ],
        }),
      ]),
    );
  });

  it('paragraphs: styles, headings, the details line, a rule, an indent, empty ones', async () => {
    await same(
      ours(() =>
        [
          detailsLine('Firm'),
          paragraph(textRun('Title'), { style: 'Title' }),
          paragraph(textRun('Heading'), { style: 'Heading1' }),
          paragraph(textRun('Deeper'), { style: 'Heading5' }),
          paragraph(textRun('Quoted'), { style: 'Quote' }),
          paragraph(''),
          paragraph('', { rule: true }),
          paragraph(textRun('Indented'), { indent: 1440 }),
        ].join(''),
      ),
      theirs([
        new Paragraph({ style: 'PolicyDetails', children: [new TextRun('Firm')] }),
        new Paragraph({ style: 'Title', children: [new TextRun('Title')] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Heading')] }),
        new Paragraph({ heading: HeadingLevel.HEADING_5, children: [new TextRun('Deeper')] }),
        new Paragraph({ style: 'Quote', children: [new TextRun('Quoted')] }),
        new Paragraph({ children: [] }),
        new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }),
        new Paragraph({ indent: { left: 1440 }, children: [new TextRun('Indented')] }),
      ]),
    );
  });

  it('lists: numbered lists each numbered afresh, bullets shared, levels', async () => {
    const items: [string, number, number][] = [
      [NUMBERED, 1, 0],
      [NUMBERED, 2, 1],
      [BULLETS, 0, 2],
      [NUMBERED, 1, 0],
      [BULLETS, 0, 0],
      [NUMBERED, 3, 0],
    ];
    await same(
      ours((p) => items.map(([reference, instance, level], i) => paragraph(textRun(`Item ${i}`), { list: { numId: p.numbering.id(reference, instance), level } })).join('')),
      theirs(items.map(([reference, instance, level], i) => new Paragraph({ numbering: { reference, level, ...(reference === NUMBERED ? { instance } : {}) }, children: [new TextRun(`Item ${i}`)] }))),
    );
  });

  it('hyperlinks: an address, one with a fragment (its anchor), a fragment alone, a fragment too long to be an anchor', async () => {
    const links = ['https://example.com/a?b=1&c=2', '/policies/x/#scope', '#scope', `/policies/x/#${'a'.repeat(256)}`];
    await same(
      ours((p) => paragraph(links.map((link) => hyperlink(link, textRun('link', { style: 'Hyperlink' }), p.rels)).join(''))),
      theirs([new Paragraph({ children: links.map((link) => new ExternalHyperlink({ link, children: [new TextRun({ text: 'link', style: 'Hyperlink' })] })) })]),
    );
  });

  it('tables: a header row, empty cells, cells merged across columns and down rows', async () => {
    const cell = (text: string, extra: { columnSpan?: number; rowSpan?: number } = {}) => ({ ...extra, mine: { paragraphs: [paragraph(text ? textRun(text) : '')], ...extra } });
    const layout = [
      [cell('Head', { columnSpan: 2 }), cell('Tall', { rowSpan: 3 })],
      [cell('Left', { rowSpan: 2 }), cell('')],
      [cell('Right')],
      [cell('A'), cell('Wide', { columnSpan: 2, rowSpan: 2 })],
      [cell('B')],
    ];
    await same(
      ours(() => table(layout.map((row, r) => ({ ...(r === 0 ? { header: true } : {}), cells: row.map((c) => c.mine) })))),
      theirs([
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: BORDERS,
          rows: layout.map(
            (row, r) =>
              new TableRow({
                ...(r === 0 ? { tableHeader: true } : {}),
                children: row.map((c) => new TableCell({ ...(c.columnSpan ? { columnSpan: c.columnSpan } : {}), ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}), children: [new Paragraph({ children: c.mine.paragraphs[0] === '<w:p/>' ? [] : [new TextRun((/>([^<]*)<\/w:t>/.exec(c.mine.paragraphs[0]!) ?? [])[1] ?? '')] })] })),
              }),
          ),
        }),
      ]),
    );
  });

  it('footnotes: references in the text, notes with their own links', async () => {
    const note = (p: Parts, text: string) => paragraph(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${textRun(text)}${hyperlink('https://n.example/', textRun('source', { style: 'Hyperlink' }), p.footnoteRels)}`);
    await same(
      ours(() => paragraph(textRun('See') + footnoteReference(1) + textRun(' and') + footnoteReference(2)), {
        footnotes: (p) =>
          new Map([
            [1, [note(p, 'First note ')]],
            [2, [note(p, 'Second note '), paragraph(textRun('Its second paragraph'))]],
          ]),
      }),
      theirs([new Paragraph({ children: [new TextRun('See'), new FootnoteReferenceRun(1), new TextRun(' and'), new FootnoteReferenceRun(2)] })], {
        footnotes: {
          1: { children: [new Paragraph({ children: [new TextRun('First note '), new ExternalHyperlink({ link: 'https://n.example/', children: [new TextRun({ text: 'source', style: 'Hyperlink' })] })] })] },
          2: { children: [new Paragraph({ children: [new TextRun('Second note '), new ExternalHyperlink({ link: 'https://n.example/', children: [new TextRun({ text: 'source', style: 'Hyperlink' })] })] }), new Paragraph({ children: [new TextRun('Its second paragraph')] })] },
        },
      }),
    );
  });

  it('pictures: embedded in word/media once however often shown, sized in EMUs, with their alternative text', async () => {
    // A 1 × 1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await same(
      ours((p) =>
        paragraph(
          [1, 2]
            .map((n) => picture(embed(png, 'png', p.media, p.rels), n, 40 * n, 30, `Plan "${n}" & more`))
            .join('') + hyperlink('https://after.example/', textRun('after'), p.rels),
        ),
      ),
      theirs([
        new Paragraph({
          children: [
            ...[1, 2].map((n) => new ImageRun({ type: 'png', data: png, transformation: { width: 40 * n, height: 30 }, altText: { name: `Plan "${n}" & more`, title: `Plan "${n}" & more`, description: `Plan "${n}" & more` } })),
            new ExternalHyperlink({ link: 'https://after.example/', children: [new TextRun('after')] }),
          ],
        }),
      ]),
    );
  });

  it('tracked changes: inserted and deleted runs (a line break too), paragraph marks, table rows, comments', async () => {
    const rev = (id: number) => ({ id, ...REVISION });
    const comments = [
      { id: 0, author: REVISION.author, date: new Date(REVISION.date).toISOString(), lines: ['List style changed', 'and a <second> line'] },
      { id: 1, author: REVISION.author, date: new Date(REVISION.date).toISOString(), lines: ['Link changed'] },
    ];
    const mine = ours(
      () =>
        paragraph(commented(0, textRun('Kept ') + deletedRun('old', rev(1)) + insertedRun('new', rev(2)) + insertedRun('line', rev(3), true) + deletedRun('gone', rev(4), true) + deletedRun('', rev(5))), { mark: markChange('ins', rev(6)) }) +
        paragraph(commented(1, textRun('x')), { style: 'Heading1', mark: markChange('del', rev(7)) }) +
        table([
          { header: true, cells: [{ paragraphs: [paragraph(textRun('Head'))] }] },
          { mark: markChange('ins', rev(8)), cells: [{ paragraphs: [paragraph(insertedRun('Added', rev(10)), { mark: markChange('ins', rev(9)) })] }] },
          { mark: markChange('del', rev(11)), cells: [{ paragraphs: [paragraph(deletedRun('Removed', rev(13)), { mark: markChange('del', rev(12)) })] }] },
        ]),
      { comments },
    );
    const children: ParagraphChild[] = [
      new CommentRangeStart(0),
      new TextRun('Kept '),
      new DeletedTextRun({ text: 'old', ...rev(1) }),
      new InsertedTextRun({ text: 'new', ...rev(2) }),
      new InsertedTextRun({ text: 'line', break: 1, ...rev(3) }),
      new DeletedTextRun({ text: 'gone', break: 1, ...rev(4) }),
      new DeletedTextRun({ text: '', ...rev(5) }),
      new CommentRangeEnd(0),
      new TextRun({ children: [new CommentReference(0)] }),
    ];
    await same(
      mine,
      theirs(
        [
          new Paragraph({ run: { insertion: rev(6) }, children }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, run: { deletion: rev(7) }, children: [new CommentRangeStart(1), new TextRun('x'), new CommentRangeEnd(1), new TextRun({ children: [new CommentReference(1)] })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: BORDERS,
            rows: [
              new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph({ children: [new TextRun('Head')] })] })] }),
              new TableRow({ insertion: rev(8), children: [new TableCell({ children: [new Paragraph({ run: { insertion: rev(9) }, children: [new InsertedTextRun({ text: 'Added', ...rev(10) })] })] })] }),
              new TableRow({ deletion: rev(11), children: [new TableCell({ children: [new Paragraph({ run: { deletion: rev(12) }, children: [new DeletedTextRun({ text: 'Removed', ...rev(13) })] })] })] }),
            ],
          }),
        ],
        { comments: comments.map((c) => ({ id: c.id, author: c.author, date: new Date(c.date), children: c.lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) })) },
      ),
    );
  });
});
