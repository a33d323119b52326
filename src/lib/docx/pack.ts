/**
 * Writes a Word document's package (the .docx zip) from a `docx` Document, doing once per
 * process what is the same in every document the handbook writes.
 *
 * A build writes a document per version and per compare page (6,000 at 1,000 policies × 3
 * versions), and `Packer.toBuffer` spent most of each one's time on parts that never change:
 * formatting the default styles and theme (about 17 kB of XML) and compressing them with a
 * JavaScript deflate. Here the styles and theme are formatted once, the parts every document
 * shares are compressed once (with Node's zlib), and only each document's own parts are
 * formatted and compressed. The parts are docx's own, byte for byte (tests/unit/docx-pack.test.ts
 * compares them with `Packer`'s).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { Zip, type ZipInputFile } from 'fflate';

/** docx's compiler: a document's parts by path, in package order (what `Packer` zips). */
interface Compiler {
  compile(file: Document, prettify?: string, overrides?: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';

/**
 * Parts whose text is the same in (almost) every document: compressed once for each text they
 * have. Each document's own parts (its text, header, notes, comments, properties) are not kept.
 */
const SHARED = new Set([
  STYLES,
  THEME,
  'word/numbering.xml',
  'word/settings.xml',
  'word/fontTable.xml',
  'word/endnotes.xml',
  'docProps/app.xml',
  'docProps/custom.xml',
  '[Content_Types].xml',
  '_rels/.rels',
  'word/_rels/fontTable.xml.rels',
  'word/_rels/endnotes.xml.rels',
  'word/_rels/footnotes.xml.rels',
  'word/_rels/header1.xml.rels',
]);
/** Texts kept per shared part: a part that turns out to vary is compressed each time past this. */
const VARIANTS = 16;

interface Entry {
  crc: number;
  size: number;
  deflated: Uint8Array<ArrayBuffer>;
}

const kept = new Map<string, Map<string, Entry>>();

function entry(path: string, content: string | Uint8Array): Entry {
  const variants = typeof content === 'string' && SHARED.has(path) ? (kept.get(path) ?? kept.set(path, new Map()).get(path)!) : undefined;
  const found = variants?.get(content as string);
  if (found) return found;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const made = { crc: crc32(bytes), size: bytes.length, deflated: new Uint8Array(deflateRawSync(bytes)) };
  if (variants && variants.size < VARIANTS) variants.set(content as string, made);
  return made;
}

/** Every part's time in the zip: a fixed one (1 January 1980, zip's first day), so that the time of day is not in the file. */
const ZIP_TIME = new Date(1980, 0, 1);
const DEFLATE = 8;

/**
 * A zip file of the parts, each deflated. fflate writes the zip (docx's own zip library); the
 * parts go in already deflated, as fflate's streaming zip lets a file bring its own compression.
 */
function zip(parts: Map<string, string | Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, content] of parts) {
    const e = entry(path, content);
    const file: ZipInputFile = { filename: path, size: e.size, crc: e.crc, compression: DEFLATE, mtime: ZIP_TIME };
    archive.add(file);
    file.ondata!(null, e.deflated, true);
  }
  archive.end();
  return Buffer.concat(chunks);
}

/** A part docx formats as it is given: its XML, already made. */
const made = (root: string) => ({ prepForXml: () => ({ [root]: {} }) });

/** The styles and theme, by the styles' options object (document.ts passes the same one every time). */
const formatted = new WeakMap<object, { path: string; data: string }[]>();

/**
 * The .docx of a document.
 *
 * @param sharedOptions the styles options the document was made with: documents made with the
 *   same object share their styles and theme, formatted once
 */
export function packDocx(doc: Document, sharedOptions: object): Buffer {
  let overrides = formatted.get(sharedOptions);
  if (!overrides) {
    const parts = compiler.compile(doc);
    overrides = [STYLES, THEME].map((path) => ({ path, data: String(parts.get(path)) }));
    formatted.set(sharedOptions, overrides);
  }
  // docx's own objects for these two parts, formatted above, are left out of the formatting.
  Object.assign(doc, { styles: made('w:styles'), theme: made('a:theme') });
  return zip(compiler.compile(doc, undefined, overrides));
}
