/**
 * Redlines of version texts: parse, then {@link redline}. Apart from ./redline.ts because the
 * parser (Sätteri, native code) runs in Node only; the browser redlines blocks parsed at build time.
 */
import { parseBlocks } from './parse.ts';
import { redline } from './redline.ts';
import type { Block, Redline } from './types.ts';

/** Redline between two version bodies (frontmatter removed); `mdx` as in {@link parseBlocks}. */
export function redlineSources(oldSource: string, newSource: string, options: { mdx?: boolean } = {}): Redline {
  return redline(parseBlocks(oldSource, options), parseBlocks(newSource, options));
}

/** A version's text as the model keeps it (a `PolicyVersion` is one). */
export interface VersionText {
  body: string;
  format: 'md' | 'mdx';
}

// Keyed by the version object: a build keeps one per file for its whole run, so each version is
// parsed once however many compare pages use it; the dev server's re-reading makes new ones.
const versionBlocks = new WeakMap<VersionText, Block[]>();

/** A version's blocks, parsed once per version object (also written out for the browser redline). */
export function blocksOf(v: VersionText): Block[] {
  let found = versionBlocks.get(v);
  if (!found) {
    found = parseBlocks(v.body, { mdx: v.format === 'mdx' });
    versionBlocks.set(v, found);
  }
  return found;
}

/**
 * The redline between two versions: the one the compare pages and `handbook diff` show.
 * Each version's blocks are parsed once per version object.
 */
export function redlineVersions(from: VersionText, to: VersionText): Redline {
  return redline(blocksOf(from), blocksOf(to));
}
