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

/**
 * The versions parsed last, most recent last. A build shows each pair of versions on a compare
 * page, in a Word redline and in the browser's redline data, one route after the other, each
 * route a policy at a time: a few recent versions cover the reuse. Keeping every version's blocks
 * (and their tokens, ./redline.ts) for the whole build held 400 MB at 1,000 policies × 3 versions.
 * Keyed by the version object: the dev server's re-reading makes new ones.
 */
const recent = new Map<VersionText, Block[]>();
const RECENT = 64;

/** A version's blocks, parsed once while it is among the recent ones (also written out for the browser redline). */
export function blocksOf(v: VersionText): Block[] {
  let found = recent.get(v);
  if (found) recent.delete(v);
  else found = parseBlocks(v.body, { mdx: v.format === 'mdx' });
  recent.set(v, found);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return found;
}

/** The redline between two versions: the one the compare pages and `handbook diff` show. */
export function redlineVersions(from: VersionText, to: VersionText): Redline {
  return redline(blocksOf(from), blocksOf(to));
}
