import { describe, expect, it } from 'vitest';
import { defaultComparePair, isStaticPair, staticComparePairs } from '../../src/lib/compare-pairs.ts';

const list = (pairs: Array<{ from: string; to: string }>) => pairs.map((p) => `${p.from}-${p.to}`);

describe('staticComparePairs', () => {
  it('pairs each version with the one before and with the current one, without repeats', () => {
    expect(list(staticComparePairs(['1', '2', '3', '4'], '4'))).toEqual(['1-2', '2-3', '3-4', '1-4', '2-4']);
    // An upcoming version after the current one: paired with the current (its neighbour) once.
    expect(list(staticComparePairs(['1', '2', '3', '4', '5'], '3'))).toEqual(['1-2', '2-3', '3-4', '4-5', '1-3', '3-5']);
    expect(list(staticComparePairs(['1', '2'], '2'))).toEqual(['1-2']);
    expect(list(staticComparePairs(['1'], '1'))).toEqual([]);
  });

  it('grows linearly: at most 2n − 3 pages for n ≥ 2 versions, 197 for 100 instead of 4,950', () => {
    for (const n of [2, 3, 10, 61, 100, 200]) {
      const versions = Array.from({ length: n }, (_, k) => String(k));
      for (const current of [versions[n - 1]!, versions[0]!, versions[Math.floor(n / 2)]!]) {
        const pairs = staticComparePairs(versions, current);
        expect(pairs.length).toBeLessThanOrEqual(2 * n - 3);
        expect(new Set(list(pairs)).size).toBe(pairs.length);
        expect(pairs.every((p) => versions.indexOf(p.from) < versions.indexOf(p.to))).toBe(true);
      }
    }
    expect(staticComparePairs(Array.from({ length: 100 }, (_, k) => k), 99)).toHaveLength(197);
  });

  it('says which pairs are static, and which one a form without JavaScript opens', () => {
    expect(isStaticPair(['1', '2', '3'], '2', '1', '3')).toBe(false);
    expect(isStaticPair(['1', '2', '3'], '3', '1', '3')).toBe(true);
    expect(defaultComparePair(['1', '2', '3'], '2')).toEqual({ from: '1', to: '2' });
    expect(defaultComparePair(['1', '2', '3'], '1')).toEqual({ from: '1', to: '2' });
    expect(defaultComparePair(['1'], '1')).toBeUndefined();
  });
});
