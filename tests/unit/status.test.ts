/** What takes effect and falls due in a window. Expected dates are counted by hand. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.ts';
import { statusBetween, type StatusPolicy } from '../../src/lib/status.ts';

const policies: StatusPolicy[] = [
  {
    slug: 'retention',
    title: 'Retention',
    versions: [{ version: '2.1', effective: '2027-02-01' }, { version: '1.0', effective: '2024-01-15' }, { version: '2.0', effective: '2025-06-01' }],
    nextReview: '2027-11-02',
  },
  // Review due on 10 February 2027: due soon from 12 December 2026 (60 days before), overdue from 11 February.
  { slug: 'roles', title: 'Roles', versions: [{ version: '1.0', effective: '2024-01-15' }], nextReview: '2027-02-10' },
  { slug: 'access', title: 'Access', versions: [{ version: '1.0', effective: '2024-03-01' }], nextReview: '2026-08-25' },
  { slug: 'intake', title: 'Intake', versions: [{ version: '1.0', effective: '2027-02-01' }], nextReview: '2028-01-01' },
  // Withdrawn on 1 March 2027, before its review falls due (soon) on 5 March: no review events after that.
  { slug: 'petty', title: 'Petty cash', versions: [{ version: '1.0', effective: '2024-01-01', withdrawn: '2027-03-01' }], nextReview: '2027-05-01' },
];

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-11-15', 30)).toBe('2026-12-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

describe('statusBetween', () => {
  it('lists what takes effect, becomes due soon and becomes overdue, by date, both ends included', () => {
    const status = statusBetween(policies, '2026-12-12', '2027-02-11', 60);
    expect(status.events).toEqual([
      { date: '2026-12-12', kind: 'review-due', slug: 'roles', title: 'Roles', nextReview: '2027-02-10' },
      { date: '2027-02-01', kind: 'takes-effect', slug: 'intake', title: 'Intake', version: '1.0' },
      { date: '2027-02-01', kind: 'takes-effect', slug: 'retention', title: 'Retention', version: '2.1', replaces: '2.0' },
      { date: '2027-02-11', kind: 'review-overdue', slug: 'roles', title: 'Roles', nextReview: '2027-02-10' },
    ]);
    expect(status.overdueOnFrom).toEqual([{ slug: 'access', title: 'Access', nextReview: '2026-08-25' }]);
  });

  it('a day short of each change lists nothing', () => {
    expect(statusBetween(policies, '2026-12-13', '2027-01-31', 60).events).toEqual([]);
    expect(statusBetween(policies, '2026-11-15', '2026-12-11', 60).events).toEqual([]);
  });

  it('a withdrawal is one more dated change; a withdrawn policy falls due no more', () => {
    // Petty cash's review (1 May 2027) would be due soon from 2 March, the day after the withdrawal.
    expect(statusBetween(policies, '2027-02-12', '2027-03-31', 60).events).toEqual([{ date: '2027-03-01', kind: 'withdrawn', slug: 'petty', title: 'Petty cash' }]);
  });

  it('follows the handbook\'s warning period', () => {
    const events = statusBetween(policies, '2027-01-01', '2027-01-31', 30).events;
    // 30 days before 10 February 2027 is 11 January.
    expect(events).toEqual([{ date: '2027-01-11', kind: 'review-due', slug: 'roles', title: 'Roles', nextReview: '2027-02-10' }]);
  });
});
