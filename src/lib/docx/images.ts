/**
 * Images beside a version (`![Plan](./1.0-image-1.png)`, as import saves them), read for the Word
 * export with their size in pixels, which Word needs. PNG, JPEG and GIF; anything else (an
 * address on another host, an SVG, a missing file) is left to its alternative text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface EmbeddedImage {
  type: 'png' | 'jpg' | 'gif';
  data: Buffer;
  width: number;
  height: number;
}

/** Width and height from the file's header, or undefined when it is not a PNG, JPEG or GIF. */
function imageSize(data: Buffer): Omit<EmbeddedImage, 'data'> | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length > 10 && data.toString('latin1', 0, 4) === 'GIF8') return { type: 'gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    // JPEG: walk the segments to the frame header (SOF0–SOF15, except DHT, JPG and DAC).
    for (let at = 2; at + 9 < data.length; ) {
      if (data[at] !== 0xff) return undefined;
      const marker = data[at + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { type: 'jpg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      at += 2 + data.readUInt16BE(at + 2);
    }
  }
  return undefined;
}

/** Word's page is about 600 pixels wide between the margins: wider images are scaled down. */
const MAX_WIDTH = 600;

/**
 * An image a version's body links to, from the folder of the version file `file`; undefined
 * for an address with a scheme or a leading slash, a file outside `root`, a missing file, or
 * another format.
 */
export function readImage(url: string, file: string, root: string): EmbeddedImage | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url)) return undefined;
  let path: string;
  try {
    path = join(dirname(file), decodeURI(url.split(/[?#]/)[0] ?? ''));
  } catch {
    return undefined;
  }
  if (relative(root, path).startsWith('..') || !existsSync(path)) return undefined;
  const data = readFileSync(path);
  const size = imageSize(data);
  if (!size || !size.width || !size.height) return undefined;
  const scale = Math.min(1, MAX_WIDTH / size.width);
  return { ...size, data, width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
