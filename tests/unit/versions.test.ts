import { describe, expect, it } from 'vitest';
import { classifyVersions, compareVersions, isVersion, isWithdrawnOn, nextVersion, versionInForce, versionsBetween, withdrawalDate } from '../../src/lib/versions.ts';

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

describe('withdrawal, a dated change like any other', () => {
  // Version 2.0 carries the withdrawal: from 1 March 2027 nothing of the policy applies.
  const withdrawn = [
    { version: '1.0', effective: '2024-01-15' },
    { version: '2.0', effective: '2025-04-01', withdrawn: '2027-03-01' },
  ];
  it.each([
    ['2025-03-31', '1.0', false],
    ['2027-02-28', '2.0', false],
    ['2027-03-01', undefined, true],
    ['2030-01-01', undefined, true],
  ])('on %s the version in force is %s (withdrawn: %s)', (date, expected, off) => {
    expect(versionInForce(withdrawn, date)?.version).toBe(expected);
    expect(isWithdrawnOn(withdrawn, date)).toBe(off);
  });
  it('classifies the last version as withdrawn from the date, current the day before', () => {
    expect(classifyVersions(withdrawn, '2027-02-28').map((r) => r.state)).toEqual(['superseded', 'current']);
    expect(classifyVersions(withdrawn, '2027-03-01').map((r) => r.state)).toEqual(['superseded', 'withdrawn']);
  });
  it('counts only a withdrawal written on the latest version', () => {
    const stale = [
      { version: '1.0', effective: '2024-01-15', withdrawn: '2024-06-01' },
      { version: '2.0', effective: '2025-04-01' },
    ];
    expect(withdrawalDate(stale)).toBeUndefined();
    expect(versionInForce(stale, '2026-01-01')?.version).toBe('2.0');
  });
  it('withdraws a version that never took effect along with the policy', () => {
    const early = [
      { version: '1.0', effective: '2024-01-15' },
      { version: '1.1', effective: '2027-05-01', withdrawn: '2027-06-01' },
    ];
    // 1.1 would have taken effect on 1 May; on 1 June both are withdrawn, 1.1 the one in force until then.
    expect(classifyVersions(early, '2027-06-01').map((r) => r.state)).toEqual(['superseded', 'withdrawn']);
    expect(classifyVersions(early, '2026-01-01').map((r) => r.state)).toEqual(['current', 'upcoming']);
  });
});

describe('edges of the version rules (each case worked out by hand)', () => {
  it('reads versions in any order: the latest version number carries the withdrawal, wherever it is in the list', () => {
    const newestFirst = [
      { version: '2.0', effective: '2025-04-01', withdrawn: '2027-03-01' },
      { version: '1.10', effective: '2024-06-01' },
      { version: '1.9', effective: '2024-01-15' },
    ];
    expect(withdrawalDate(newestFirst)).toBe('2027-03-01');
    expect(isWithdrawnOn(newestFirst, '2027-03-01')).toBe(true);
    // Oldest first, whatever the order given; 1.9 is replaced by 1.10, not by 2.0.
    expect(classifyVersions(newestFirst, '2026-11-15').map((r) => [r.item.version, r.state, r.supersededBy?.version])).toEqual([
      ['1.9', 'superseded', '1.10'],
      ['1.10', 'superseded', '2.0'],
      ['2.0', 'current', undefined],
    ]);
  });

  it('has no withdrawal date, and nothing withdrawn, for no versions', () => {
    expect(withdrawalDate([])).toBeUndefined();
    expect(isWithdrawnOn([], '2026-11-15')).toBe(false);
    expect(classifyVersions([], '2026-11-15')).toEqual([]);
  });

  // The content check refuses a withdrawal on or before the latest version's effective date; the
  // rule still answers for such data (the browser scripts call it too), as its doc says.
  it('a version due to take effect on the withdrawal day never applied: the one before it is the one withdrawn', () => {
    const sameDay = [
      { version: '1.0', effective: '2024-01-15' },
      { version: '2.0', effective: '2027-03-01', withdrawn: '2027-03-01' },
    ];
    expect(classifyVersions(sameDay, '2027-03-01').map((r) => r.state)).toEqual(['withdrawn', 'withdrawn']);
    expect(classifyVersions(sameDay, '2027-02-28').map((r) => r.state)).toEqual(['current', 'upcoming']);
  });

  it('a withdrawal before the latest version was due: the version in force until then is withdrawn, the later one with it', () => {
    const cancelled = [
      { version: '1.0', effective: '2024-01-15' },
      { version: '1.1', effective: '2025-01-01' },
      { version: '2.0', effective: '2028-01-01', withdrawn: '2027-03-01' },
    ];
    expect(classifyVersions(cancelled, '2027-03-01').map((r) => [r.item.version, r.state, r.supersededBy?.version])).toEqual([
      ['1.0', 'superseded', '1.1'],
      ['1.1', 'withdrawn', undefined],
      ['2.0', 'withdrawn', undefined],
    ]);
  });

  it('versionsBetween: every version after `from` up to and including `to`, oldest first', () => {
    const all = [{ version: '2.0' }, { version: '1.0' }, { version: '1.10' }, { version: '1.9' }, { version: '2.1' }];
    expect(versionsBetween(all, '1.9', '2.0').map((v) => v.version)).toEqual(['1.10', '2.0']);
    expect(versionsBetween(all, '1.0', '2.1').map((v) => v.version)).toEqual(['1.9', '1.10', '2.0', '2.1']);
    expect(versionsBetween(all, '2.0', '2.0')).toEqual([]);
  });

  it('a minor bump by default', () => {
    expect(nextVersion('1.9')).toBe('1.10');
  });

  it('isVersion: MAJOR.MINOR without leading zeros', () => {
    expect(['1.0', '0.1', '10.20'].map(isVersion)).toEqual([true, true, true]);
    expect(['1', '01.0', '1.00', '1.0.0', 'v1.0', ' 1.0', '1.0 '].map(isVersion)).toEqual([false, false, false, false, false, false, false]);
  });
});
