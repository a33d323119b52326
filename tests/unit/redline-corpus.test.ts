/**
 * The redline's fidelity on the corpus in tests/fixtures/redline-corpus: generated edit
 * histories and hand-written cases, with expected word counts from git's word diff of the
 * rendered text (see that folder's README.md for how they are made).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redlineSources } from '../../src/lib/diff.ts';

const DIR = join(import.meta.dirname, '../fixtures/redline-corpus');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { inserted: number; deleted: number }>;
const pairs = Object.entries(expected).map(([id, counts]) => {
  const [, name, from, to] = /^(.+)\/(\d+)-(\d+)$/.exec(id)!;
  const read = (v: string) => readFileSync(join(DIR, 'cases', name!, `${v}.md`), 'utf8');
  return { id, counts, from: read(from!), to: read(to!) };
});

describe('redline fidelity corpus', () => {
  it('has at least 100 version pairs, from every history in the folder', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    const histories = readdirSync(join(DIR, 'cases'));
    expect(new Set(pairs.map((p) => p.id.split('/')[0]))).toEqual(new Set(histories));
  });

  it('counts the inserted and deleted words as expected on at least 95 % of pairs', () => {
    const misses: string[] = [];
    for (const { id, counts, from, to } of pairs) {
      const { summary } = redlineSources(from, to, { mdx: false });
      if (summary.wordsAdded !== counts.inserted || summary.wordsRemoved !== counts.deleted) {
        misses.push(`${id}: expected +${counts.inserted} −${counts.deleted}, redline +${summary.wordsAdded} −${summary.wordsRemoved}`);
      }
    }
    console.log(`redline corpus: ${pairs.length - misses.length} of ${pairs.length} pairs match${misses.length ? `; differ:\n  ${misses.join('\n  ')}` : ''}`);
    expect(pairs.length - misses.length).toBeGreaterThanOrEqual(Math.ceil(0.95 * pairs.length));
  });

  it('never says "No differences" for a pair whose text, links or structure changed', () => {
    const changed = pairs.filter((p) => p.from !== p.to);
    expect(changed.length).toBe(pairs.length);
    expect(changed.filter((p) => redlineSources(p.from, p.to, { mdx: false }).identical).map((p) => p.id)).toEqual([]);
  });

  it('reports link-only and list-style-only pairs as formatting and links only', () => {
    const only = ['h01-supplier-domain/1-2', 'h01-supplier-domain/2-3', 'h02-numbered-to-bullets/1-2', 'h10-link-added/1-2'];
    for (const id of only) {
      const p = pairs.find((x) => x.id === id)!;
      expect(redlineSources(p.from, p.to, { mdx: false }).summary.formattingOnly, id).toBe(true);
    }
  });
});
