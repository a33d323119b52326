/**
 * What a Word document holds that its text alone does not show: tracked changes, comments, text
 * boxes, fields. mammoth reads the text and says nothing about these (it keeps inserted text,
 * drops deleted text and ignores comments), so import reads the document's XML itself to list
 * them, and to refuse a document with tracked changes unless they are to be accepted.
 */
import JSZip from 'jszip';

export interface Comment {
  author: string;
  text: string;
}

export interface DocxContents {
  /** Tracked insertions (`w:ins`, `w:moveTo`) and deletions (`w:del`, `w:moveFrom`) of text or paragraph marks. */
  insertions: number;
  deletions: number;
  /** Tracked formatting changes (`w:rPrChange`, `w:pPrChange`, …). */
  formatChanges: number;
  comments: Comment[];
  textBoxes: number;
  /** Field instructions other than hyperlinks (`TOC`, `PAGE`, `DATE`, `MERGEFIELD`…), by name. */
  fields: Map<string, number>;
  /** Whether the document's XML could be read at all. */
  readable: boolean;
}

const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

const decode = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** The visible text of a piece of WordprocessingML: its `w:t` runs, paragraphs joined by spaces. */
function plainText(xml: string): string {
  return decode(
    xml
      .split(/<\/w:p>/)
      .map((p) => Array.from(p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1]).join(''))
      .join(' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function comments(xml: string | undefined): Comment[] {
  if (!xml) return [];
  return Array.from(xml.matchAll(/<w:comment\s([^>]*)>([\s\S]*?)<\/w:comment>/g), (m) => ({
    author: decode(/w:author="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? 'unknown'),
    text: plainText(m[2] ?? ''),
  }));
}

function fields(xml: string, into: Map<string, number>): void {
  const instructions = [
    ...Array.from(xml.matchAll(/<w:fldSimple\s[^>]*w:instr="([^"]*)"/g), (m) => decode(m[1] ?? '')),
    // A complex field's instruction may be split over several runs; its first word names it.
    ...Array.from(xml.matchAll(/<w:fldChar\s[^>]*w:fldCharType="begin"[\s\S]*?<w:instrText(?:\s[^>]*)?>([^<]*)</g), (m) => decode(m[1] ?? '')),
  ];
  for (const instruction of instructions) {
    const name = /^\s*([A-Za-z]+)/.exec(instruction)?.[1]?.toUpperCase();
    // Hyperlinks are links (mammoth reads them); form check boxes are read as ☐/☒.
    if (!name || name === 'HYPERLINK' || name === 'FORMCHECKBOX') continue;
    into.set(name, (into.get(name) ?? 0) + 1);
  }
}

/**
 * Reads the parts of a .docx that hold text (body, footnotes, endnotes) and its comments. Also
 * gives the document back with each simple field (`w:fldSimple`) replaced by the text it last
 * showed, as Word does with a complex field: mammoth ignores simple fields, text and all.
 */
export async function inspectDocx(data: Buffer): Promise<DocxContents & { data: Buffer }> {
  const result: DocxContents & { data: Buffer } = { insertions: 0, deletions: 0, formatChanges: 0, comments: [], textBoxes: 0, fields: new Map(), readable: false, data };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return result;
  }
  const read = async (name: string) => zip.file(name)?.async('string');
  const body = await read('word/document.xml');
  if (!body) return result;
  result.readable = true;
  for (const xml of [body, await read('word/footnotes.xml'), await read('word/endnotes.xml')]) {
    if (!xml) continue;
    result.insertions += count(xml, /<w:(?:ins|moveTo)[\s>]/g);
    result.deletions += count(xml, /<w:(?:del|moveFrom)[\s>]/g);
    result.formatChanges += count(xml, /<w:(?:rPrChange|pPrChange|tblPrChange|trPrChange|tcPrChange|sectPrChange|numberingChange)[\s>]/g);
    // Word writes each text box twice, as DrawingML and as a VML fallback: count one.
    result.textBoxes += count(xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, ''), /<w:txbxContent[\s>]/g);
    fields(xml, result.fields);
  }
  result.comments = comments(await read('word/comments.xml'));
  if (/<w:fldSimple[\s>]/.test(body)) {
    zip.file('word/document.xml', body.replace(/<w:fldSimple\b[^>]*\/>/g, '').replace(/<w:fldSimple\b[^>]*>([\s\S]*?)<\/w:fldSimple>/g, '$1'));
    result.data = await zip.generateAsync({ type: 'nodebuffer' });
  }
  return result;
}
