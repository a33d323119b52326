/**
 * Parsed version blocks (src/lib/diff/sources.ts) are reused while recent and let go after: a
 * build at 1,000 policies × 3 versions held 400 MB of blocks and tokens when it kept them all.
 */
import { describe, expect, it } from 'vitest';
import { blocksOf, parseBlocks } from '../../src/lib/diff.ts';

const version = (i: number) => ({ body: `## Part ${i}\n\nText of version ${i}.\n`, format: 'md' as const });

describe('blocksOf', () => {
  it('parses a version once while it is among the 64 most recent, and lets it go after', () => {
    const first = version(0);
    const blocks = blocksOf(first);
    expect(blocks).toEqual(parseBlocks(first.body, { mdx: false }));
    const others = Array.from({ length: 63 }, (_, i) => version(i + 1));
    for (const v of others) blocksOf(v);
    // 64 versions asked for: the first is still kept (and asking makes it the most recent again).
    expect(blocksOf(first)).toBe(blocks);
    for (const v of others) blocksOf(v);
    expect(blocksOf(first)).toBe(blocks);
    // 64 others after it: it has been let go, and is parsed again.
    for (const v of [...others, version(64)]) blocksOf(v);
    const again = blocksOf(first);
    expect(again).not.toBe(blocks);
    expect(again).toEqual(blocks);
  });
});
