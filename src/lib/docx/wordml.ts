/**
 * WordprocessingML written as text: the paragraphs, runs, tables, revisions and notes of the
 * documents the handbook writes, and the parts of a .docx package around them.
 *
 * A build writes a Word document for every version and every static compare page (6,000 at
 * 1,000 policies × 3 versions). Through the `docx` package's object model each cost about 7 ms
 * (an object per run and per property, then a second tree to format, then the XML), 40 % of the
 * whole build. Here a document is written straight as the XML docx writes, byte for byte (the
 * elements, their order, the escaping): 1.5 ms a document, parsing and zipping included.
 *
 * docx still writes what every document shares: the styles, theme, settings, numbering
 * definitions and the parts' opening tags with their namespaces. `templates()` has it format a
 * document with a marker in each place a document's own content goes, once per process, and
 * keeps the text around the markers.
 */
import { Document, Header, Packer, Paragraph, TextRun } from 'docx';
import { numbering, styles } from './styles.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text or an attribute value as XML, as docx writes it: five characters escaped, control characters dropped. */
export const esc = (value: string): string => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

// ---- Runs -------------------------------------------------------------------------------------

export interface RunFormat {
  /** A character style: `Hyperlink`, `FootnoteReference`. */
  style?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** Courier New, for code. */
  code?: boolean;
}

const COURIER = '<w:rFonts w:ascii="Courier New" w:cs="Courier New" w:eastAsia="Courier New" w:hAnsi="Courier New"/>';

/** A run's properties, in the schema's order; empty when the run has none. */
function runProperties(f: RunFormat): string {
  let inner = '';
  if (f.style) inner += `<w:rStyle w:val="${esc(f.style)}"/>`;
  if (f.code) inner += COURIER;
  if (f.bold) inner += '<w:b/><w:bCs/>';
  if (f.italics) inner += '<w:i/><w:iCs/>';
  if (f.strike) inner += '<w:strike/>';
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
}

/** A run of text; `afterBreak` puts a line break before the text, in the same run. */
export function textRun(text: string, f: RunFormat = {}, afterBreak = false): string {
  return `<w:r>${runProperties(f)}${afterBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A line break on its own (a hard break in a paragraph). */
export const lineBreak = '<w:r><w:br/></w:r>';

/** Who made a tracked change, and when (an ISO date-time). */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

const revisionAttributes = (r: Revision) => `w:id="${r.id}" w:author="${esc(r.author)}" w:date="${esc(r.date)}"`;

/** An inserted run of text, tracked. */
export function insertedRun(text: string, revision: Revision, afterBreak = false): string {
  return `<w:ins ${revisionAttributes(revision)}>${textRun(text, {}, afterBreak)}</w:ins>`;
}

/** A deleted run of text, tracked. */
export function deletedRun(text: string, revision: Revision, afterBreak = false): string {
  const content = (afterBreak ? '<w:br/>' : '') + (text ? `<w:delText xml:space="preserve">${esc(text)}</w:delText>` : '');
  return `<w:del ${revisionAttributes(revision)}>${content ? `<w:r>${content}</w:r>` : '<w:r/>'}</w:del>`;
}

/** A tracked change of a paragraph mark or a table row: `<w:ins …/>` or `<w:del …/>`. */
export const markChange = (kind: 'ins' | 'del', revision: Revision) => `<w:${kind} ${revisionAttributes(revision)}/>`;

export const footnoteReference = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

/** A comment's range around `content`, and its reference mark after it. */
export const commented = (id: number, content: string) => `<w:commentRangeStart w:id="${id}"/>${content}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

// ---- Paragraphs -------------------------------------------------------------------------------

export interface ParagraphFormat {
  /** A paragraph style: `Heading1`…, `Quote`, `Code`, `PolicyDetails`… */
  style?: string;
  /** A list paragraph: its list's numbering id (see `Numbering`) and level. */
  list?: { numId: number; level: number };
  /** Left indent in twentieths of a point (a list item's later paragraphs). */
  indent?: number;
  /** A rule below the paragraph (a thematic break). */
  rule?: boolean;
  /** The paragraph mark's own tracked change. */
  mark?: string;
}

/** A paragraph of runs; `<w:p/>` when it has neither properties nor runs. */
export function paragraph(content: string, f: ParagraphFormat = {}): string {
  let props = '';
  const style = f.style ?? (f.list ? 'ListParagraph' : undefined);
  if (style) props += `<w:pStyle w:val="${esc(style)}"/>`;
  if (f.list) props += `<w:numPr><w:ilvl w:val="${f.list.level}"/><w:numId w:val="${f.list.numId}"/></w:numPr>`;
  if (f.rule) props += '<w:pBdr><w:bottom w:val="single" w:color="999999" w:sz="6" w:space="1"/></w:pBdr>';
  if (f.indent !== undefined) props += `<w:ind w:left="${f.indent}"/>`;
  if (f.mark) props += `<w:rPr>${f.mark}</w:rPr>`;
  const inner = (props ? `<w:pPr>${props}</w:pPr>` : '') + content;
  return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

/** A line in the Policy Details style (the firm, the version's details, the as-at line). */
export const detailsLine = (text: string) => paragraph(textRun(text), { style: 'PolicyDetails' });

// ---- Tables -----------------------------------------------------------------------------------

export interface Cell {
  /** The cell's paragraphs, as XML. */
  paragraphs: string[];
  columnSpan?: number;
  rowSpan?: number;
}

export interface Row {
  cells: Cell[];
  header?: boolean;
  /** The row's own tracked change (a row inserted or deleted whole). */
  mark?: string;
}

/** The text width of the page (A4, margins of an inch), in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1440 - 1440;
const THIN = 'w:val="single" w:color="999999" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${THIN}/>`).join('')}</w:tblBorders></w:tblPr>`;

const span = (cell: Cell) => cell.columnSpan ?? 1;

/** A cell where it lands, with its part in a merge down the rows: the first cell, or one below it. */
type Placed = Cell & { merge?: 'restart' | 'continue' };

/**
 * A full-width table with thin borders, its columns of equal width. A cell spanning rows
 * continues in the rows below as an empty merged cell in the same column.
 */
export function table(rows: Row[]): string {
  const cells: Placed[][] = rows.map((row) => row.cells.map((cell) => ((cell.rowSpan ?? 1) > 1 ? { ...cell, merge: 'restart' } : cell)));
  cells.forEach((row, r) => {
    const below = cells[r + 1];
    if (!below) return;
    let column = 0;
    for (const cell of row) {
      if ((cell.rowSpan ?? 1) > 1) {
        const continued: Placed = { paragraphs: ['<w:p/>'], ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}), rowSpan: (cell.rowSpan ?? 1) - 1, merge: 'continue' };
        let at = 0;
        for (let c = 0; at < below.length && c + span(below[at]!) <= column; at++) c += span(below[at]!);
        below.splice(at, 0, continued);
      }
      column += span(cell);
    }
  });
  const columns = Math.max(0, ...cells.map((row) => row.reduce((n, cell) => n + span(cell), 0)));
  const grid = columns ? `<w:tblGrid>${`<w:gridCol w:w="${Math.round(TEXT_WIDTH / columns)}"/>`.repeat(columns)}</w:tblGrid>` : '';
  const body = rows
    .map((row, r) => {
      const rowCells = cells[r] ?? [];
      if (!rowCells.length) return '';
      const props = (row.header ? '<w:tblHeader/>' : '') + (row.mark ?? '');
      const xml = rowCells.map((cell) => {
        const cellProps = (span(cell) > 1 ? `<w:gridSpan w:val="${span(cell)}"/>` : '') + (cell.merge ? `<w:vMerge w:val="${cell.merge}"/>` : '');
        return `<w:tc>${cellProps ? `<w:tcPr>${cellProps}</w:tcPr>` : ''}${cell.paragraphs.join('')}</w:tc>`;
      });
      return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${xml.join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${TABLE_PROPERTIES}${grid}${body}</w:tbl>`;
}

// ---- What a document collects as it is written ---------------------------------------------------

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A part's relationships to its links and images, after the ones every document has. Their ids
 * are numbered in order of use (docx draws links' ids at random); images come after the links,
 * as docx lists them.
 */
export class Relationships {
  private readonly links: string[] = [];
  private readonly images: string[] = [];
  private readonly fixed: number;
  private readonly prefix: string;

  /**
   * @param fixed how many relationships the part has before these
   * @param prefix what ids start with: unique in the package, though unique in the part would do
   */
  constructor(fixed = 0, prefix = 'rId') {
    this.fixed = fixed;
    this.prefix = prefix;
  }

  /** A hyperlink's relationship: its id. */
  link(target: string): string {
    const id = `${this.prefix}Link${this.links.length + 1}`;
    this.links.push(`<Relationship Id="${id}" Type="${RELATIONSHIP}/hyperlink" Target="${esc(target)}" TargetMode="External"/>`);
    return id;
  }

  /** An image's relationship (its file in word/): its id. */
  image(file: string): string {
    const id = `${this.prefix}Image${this.images.length + 1}`;
    this.images.push(`<Relationship Id="${id}" Type="${RELATIONSHIP}/image" Target="${esc(file)}"/>`);
    return id;
  }

  /** The id of the relationship after these (the document's font table comes last). */
  get next(): string {
    return `rId${this.fixed + this.links.length + this.images.length + 1}`;
  }

  get xml(): string {
    return this.links.join('') + this.images.join('');
  }
}

/** The longest fragment Word keeps as a hyperlink's anchor. */
const MAX_ANCHOR = 255;

/** A hyperlink: an address with a fragment (`/policies/x/#y`) keeps the fragment as its anchor. */
export function hyperlink(link: string, content: string, rels: Relationships): string {
  const hash = link.indexOf('#');
  const fragment = link.length - hash - 1;
  const split = hash > 0 && fragment > 0 && fragment <= MAX_ANCHOR;
  const id = rels.link(split ? link.slice(0, hash) : link);
  return `<w:hyperlink w:history="1"${split ? ` w:anchor="${esc(link.slice(hash + 1))}"` : ''} r:id="${id}">${content}</w:hyperlink>`;
}

/** Concrete numbering ids of a document's lists: one per list instance, in order of use. */
export class Numbering {
  private readonly ids = new Map<string, number>();
  private readonly xml: string[] = [];

  /** The numbering id of `instance` of the list `reference` (NUMBERED or BULLETS). */
  id(reference: string, instance = 0): number {
    const key = `${reference}-${instance}`;
    const known = this.ids.get(key);
    if (known) return known;
    // docx's own default bullets are numbering 1 and abstract 1; ours follow in the order of numbering.config.
    const id = this.ids.size + 2;
    const abstract = numbering.config.findIndex((c) => c.reference === reference) + 2;
    const levels = numbering.config.find((c) => c.reference === reference)?.levels ?? [];
    this.ids.set(key, id);
    this.xml.push(`<w:num w:numId="${id}"><w:abstractNumId w:val="${abstract}"/>${levels.map((l) => `<w:lvlOverride w:ilvl="${l.level}"><w:startOverride w:val="1"/></w:lvlOverride>`).join('')}</w:num>`);
    return id;
  }

  get concrete(): string {
    return this.xml.join('');
  }
}

/** An image embedded in the document: its file in word/media/, and its relationship's id. */
export interface Media {
  path: string;
  data: Uint8Array;
  id: string;
}

/**
 * The relationship id of an image's file in the document, embedding it in word/media/ the first
 * time: a picture shown twice is stored once, as docx stores it.
 */
export function embed(data: Uint8Array, type: string, media: Media[], rels: Relationships): string {
  const known = media.find((m) => Buffer.compare(m.data, data) === 0);
  if (known) return known.id;
  const path = `media/image${media.length + 1}.${type}`;
  const id = rels.image(path);
  media.push({ path: `word/${path}`, data, id });
  return id;
}

/** English Metric Units per pixel (at 96 pixels an inch). */
const EMU = 9525;

/** An inline picture, `width` × `height` pixels, with its alternative text. */
export function picture(relationshipId: string, docPrId: number, width: number, height: number, alt: string): string {
  const cx = Math.round(width * EMU);
  const cy = Math.round(height * EMU);
  const a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${docPrId}" name="${esc(alt)}" descr="${esc(alt)}" title="${esc(alt)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks ${a} noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic ${a}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relationshipId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

// ---- The package ------------------------------------------------------------------------------

/** What one document holds, ready to be packed. */
export interface WordDocument {
  title: string;
  creator: string;
  description: string;
  /** When it was made, as an ISO date-time: the build's (or the CLI's) today, so a rebuild writes the same bytes. */
  created: string;
  /** The header's one line. */
  header: string;
  /** The body's paragraphs and tables, as XML. */
  body: string;
  /** Footnotes by number: each one's paragraphs (the first gets the footnote mark). */
  footnotes: Map<number, string[]>;
  /** Comments: id, author, ISO date, and each paragraph's text. */
  comments: { id: number; author: string; date: string; lines: string[] }[];
  rels: Relationships;
  footnoteRels: Relationships;
  numbering: Numbering;
  media: Media[];
}

const MARK = 'HANDBOOKMARKER';

/** docx's compiler: a document's parts by path, in package order (what `Packer` zips). */
interface Compiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/** What docx writes around each document's own content. */
interface Templates {
  /** Every part's text (the document's own parts with markers), in package order. */
  parts: Map<string, string>;
  /** The relationships every document has before its links and images (7, or 8 with comments). */
  fixedRels: number;
}

const byComments = new Map<boolean, Templates>();

/**
 * The parts docx writes for a document with a marker in each place a document's own content
 * goes, for documents with comments or without (comments add a part and shift the ids of the
 * relationships after theirs). Formatted once per process.
 */
function templates(withComments: boolean): Templates {
  const known = byComments.get(withComments);
  if (known) return known;
  const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
  const line = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    ...(withComments ? { comments: { children: [{ id: 0, author: MARK, date: new Date(0), children: [line(`${MARK}C`)] }] } } : {}),
    creator: `${MARK}A`,
    title: `${MARK}T`,
    description: `${MARK}D`,
    styles,
    numbering,
    footnotes: { 1: { children: [line(`${MARK}F`)] } },
    sections: [{ headers: { default: new Header({ children: [line(`${MARK}H`)] }) }, children: [line(`${MARK}B`)] }],
  });
  const parts = new Map<string, string>();
  for (const [path, part] of compiler.compile(doc)) if (typeof part === 'string') parts.set(path, part);
  const rels = parts.get('word/_rels/document.xml.rels') ?? '';
  const made = { parts, fixedRels: (rels.match(/<Relationship /g)?.length ?? 1) - 1 };
  byComments.set(withComments, made);
  return made;
}

/** `text` with `marker` replaced by `content`; an error if docx no longer writes the marker. */
function fill(text: string | undefined, marker: string, content: string): string {
  const at = text?.indexOf(marker) ?? -1;
  if (text === undefined || at === -1) throw new Error(`The docx package no longer writes ${marker} where the handbook expects it: its output changed.`);
  return text.slice(0, at) + content + text.slice(at + marker.length);
}

/** The paragraph docx writes for `line(marker)`. */
const markerParagraph = (marker: string) => `<w:p><w:r><w:t xml:space="preserve">${marker}</w:t></w:r></w:p>`;

/** A new document's collections: relationships numbered after the fixed ones. */
export function newDocumentParts(withComments: boolean): { rels: Relationships; footnoteRels: Relationships; numbering: Numbering; media: Media[] } {
  return { rels: new Relationships(templates(withComments).fixedRels), footnoteRels: new Relationships(0, 'rIdNote'), numbering: new Numbering(), media: [] };
}

/**
 * Every part of the document's package, by path, in the order docx writes them. A part every
 * document shares is the very same string each time (the template's), so the packer can keep its
 * compressed form; `own` lists the parts written for this document.
 */
export function documentParts(doc: WordDocument): { parts: Map<string, string | Uint8Array>; own: Set<string> } {
  const withComments = doc.comments.length > 0;
  const { parts } = templates(withComments);
  const out = new Map<string, string | Uint8Array>();
  for (const [path, text] of parts) {
    switch (path) {
      case 'word/document.xml':
        out.set(path, fill(text, markerParagraph(`${MARK}B`), doc.body));
        break;
      case 'word/_rels/document.xml.rels': {
        const fontTable = text.lastIndexOf('<Relationship ');
        out.set(path, text.slice(0, fontTable) + doc.rels.xml + text.slice(fontTable).replace(/Id="rId\d+"/, `Id="${doc.rels.next}"`));
        break;
      }
      case 'word/header1.xml':
        out.set(path, fill(text, markerParagraph(`${MARK}H`), paragraph(textRun(doc.header), { style: 'PolicyDetails' })));
        break;
      case 'word/footnotes.xml': {
        const first = text.indexOf('<w:footnote w:id="1">');
        const end = text.indexOf('</w:footnote>', first) + '</w:footnote>'.length;
        const notes = [...doc.footnotes].map(([id, paragraphs]) => (paragraphs.length ? `<w:footnote w:id="${id}">${paragraphs.join('')}</w:footnote>` : `<w:footnote w:id="${id}"/>`));
        out.set(path, text.slice(0, first) + notes.join('') + text.slice(end));
        break;
      }
      case 'word/_rels/footnotes.xml.rels':
        out.set(path, doc.footnoteRels.xml ? text.replace(/\/>$/, `>${doc.footnoteRels.xml}</Relationships>`) : text);
        break;
      case 'word/numbering.xml':
        out.set(path, fill(text, '</w:numbering>', `${doc.numbering.concrete}</w:numbering>`));
        break;
      case 'docProps/core.xml':
        out.set(
          path,
          fill(fill(fill(text, `${MARK}T`, esc(doc.title)), `${MARK}A`, esc(doc.creator)), `${MARK}D`, esc(doc.description)).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${esc(doc.created)}`),
        );
        break;
      case 'word/comments.xml': {
        const first = text.indexOf('<w:comment ');
        const xml = doc.comments.map((c) => `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="${esc(c.date)}">${c.lines.map((l) => paragraph(textRun(l))).join('')}</w:comment>`);
        out.set(path, text.slice(0, first) + xml.join('') + text.slice(text.indexOf('</w:comments>')));
        break;
      }
      default:
        out.set(path, text);
    }
  }
  for (const m of doc.media) out.set(m.path, m.data);
  return { parts: out, own: new Set([...out].filter(([path, part]) => part !== parts.get(path)).map(([path]) => path)) };
}
