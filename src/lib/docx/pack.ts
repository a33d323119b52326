/**
 * Writes a Word document's package (the .docx zip) from its parts (./wordml.ts).
 *
 * A build writes a document per version and per compare page (6,000 at 1,000 policies × 3
 * versions). The parts every document shares (styles, theme, settings…) are compressed once per
 * process with Node's zlib; only each document's own parts are compressed each time. fflate,
 * docx's own zip library, writes the zip around the deflated parts.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { documentParts, type WordDocument } from './wordml.ts';

interface Entry {
  crc: number;
  size: number;
  deflated: Uint8Array<ArrayBuffer>;
}

/** Compressed parts every document shares, by their text (the template's string, the same each time). */
const kept = new Map<string, Entry>();

function compress(content: string | Uint8Array): Entry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { crc: crc32(bytes), size: bytes.length, deflated: new Uint8Array(deflateRawSync(bytes)) };
}

function shared(content: string): Entry {
  const found = kept.get(content);
  if (found) return found;
  const made = compress(content);
  kept.set(content, made);
  return made;
}

/** Every part's time in the zip: a fixed one (1 January 1980, zip's first day), so that the time of day is not in the file. */
const ZIP_TIME = new Date(1980, 0, 1);
const DEFLATE = 8;

/**
 * The .docx of a document: a zip of its parts, each deflated. The parts go in already deflated,
 * as fflate's streaming zip lets a file bring its own compression.
 */
export function packDocx(doc: WordDocument): Buffer {
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const { parts, own } = documentParts(doc);
  for (const [path, content] of parts) {
    const e = own.has(path) || typeof content !== 'string' ? compress(content) : shared(content);
    const file: ZipInputFile = { filename: path, size: e.size, crc: e.crc, compression: DEFLATE, mtime: ZIP_TIME };
    archive.add(file);
    file.ondata!(null, e.deflated, true);
  }
  archive.end();
  return Buffer.concat(chunks);
}
