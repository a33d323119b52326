import { describe, expect, it } from 'vitest';
import { classifyVersions, compareVersions, nextVersion, versionInForce } from '../../src/lib/versions.ts';

describe('compareVersions', () => {
  it('orders numerically: 1.9 before 1.10 before 2.0', () => {
    expect(['2.0', '1.10', '1.9', '1.0', '10.0'].sort(compareVersions)).toEqual(['1.0', '1.9', '1.10', '2.0', '10.0']);
  });
});

describe('nextVersion', () => {
  it.each([
    ['1.0', 'minor', '1.1'],
    ['1.9', 'minor', '1.10'],
    ['1.9', 'major', '2.0'],
  ] as const)('%s %s → %s', (v, kind, expected) => {
    expect(nextVersion(v, kind)).toBe(expected);
  });
});

const versions = [
  { version: '1.0', effective: '2024-01-15' },
  { version: '2.0', effective: '2025-04-01' },
  { version: '2.1', effective: '2027-02-01' },
];

describe('classifyVersions', () => {
  it('marks current, superseded and upcoming on a day', () => {
    const result = classifyVersions(versions, '2026-11-15');
    expect(result.map((r) => [r.item.version, r.state, r.supersededBy?.version])).toEqual([
      ['1.0', 'superseded', '2.0'],
      ['2.0', 'current', undefined],
      ['2.1', 'upcoming', undefined],
    ]);
  });
  it('makes a version current on its effective date, not the day after', () => {
    expect(classifyVersions(versions, '2025-04-01').find((r) => r.state === 'current')?.item.version).toBe('2.0');
    expect(classifyVersions(versions, '2025-03-31').find((r) => r.state === 'current')?.item.version).toBe('1.0');
  });
  it('has no current version before the first takes effect', () => {
    expect(classifyVersions(versions, '2023-12-31').map((r) => r.state)).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });
});

describe('versionInForce', () => {
  it.each([
    ['2024-01-14', undefined],
    ['2024-01-15', '1.0'],
    ['2025-03-31', '1.0'],
    ['2026-11-15', '2.0'],
    ['2027-02-01', '2.1'],
  ])('on %s: %s', (date, expected) => {
    expect(versionInForce(versions, date)?.version).toBe(expected);
  });
});
