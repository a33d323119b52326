/** The review table's CSV writer (reviews.csv), with rows and expected text written by hand. */
import { describe, expect, it } from 'vitest';
import type { Handbook } from '../../src/lib/model.ts';
import type { ReviewState } from '../../src/lib/review.ts';
import { byReviewOrder, reviewCsv, reviewRows, type ReviewFilter, type ReviewRow } from '../../src/lib/review-table.ts';

const HEADER = 'Policy,Chapter,Owner,State,Last reviewed,Review every (months),Next review,Days left,Current version,Upcoming version,Upcoming effective,Slug';

function row(fields: Partial<ReviewRow> = {}): ReviewRow {
  return { slug: 'intake', title: 'Client intake', chapter: 'Clients', owner: 'Practice Manager', lastReviewed: '2025-06-01', everyMonths: 12, nextReview: '2026-06-01', daysLeft: -167, state: 'overdue', currentVersion: '1.10', ...fields };
}

describe('reviewCsv', () => {
  it('writes a header and one CRLF-ended line per row, empty cells for no upcoming version', () => {
    expect(reviewCsv([row(), row({ slug: 'conflicts', title: 'Conflict checks', daysLeft: 30, state: 'due', currentVersion: '1.0', upcomingVersion: '2.0', upcomingEffective: '2027-01-01' })])).toBe(
      `${HEADER}\r\n` +
        'Client intake,Clients,Practice Manager,overdue,2025-06-01,12,2026-06-01,-167,1.10,,,intake\r\n' +
        'Conflict checks,Clients,Practice Manager,due,2025-06-01,12,2026-06-01,30,1.0,2.0,2027-01-01,conflicts\r\n',
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    const csv = reviewCsv([row({ title: 'Money, "client" and\nother', owner: 'A\rB' })]);
    expect(csv.split('\r\n')[1]).toBe('"Money, ""client"" and\nother",Clients,"A\rB",overdue,2025-06-01,12,2026-06-01,-167,1.10,,,intake');
  });

  it.each([
    ['=HYPERLINK("https://evil.example")', `"'=HYPERLINK(""https://evil.example"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['Plain = fine', 'Plain = fine'],
  ])('defuses a formula at the start of a cell: %j → %j', (title, cell) => {
    expect(reviewCsv([row({ title })]).split('\r\n')[1]!.startsWith(`${cell},Clients,`)).toBe(true);
  });

  it('keeps negative numbers as numbers', () => {
    expect(reviewCsv([row({ daysLeft: -5 })]).split('\r\n')[1]).toContain(',2026-06-01,-5,1.10,');
  });
});

/**
 * A handbook as reviewRows reads it, built by hand: only the fields the table uses. Today is
 * 2026-11-15; days to each next review counted on a calendar.
 */
function policy(slug: string, title: string, owner: string, next: string, state: ReviewState, upcoming?: { version: string; effective: string }) {
  return {
    slug,
    chapter: { title: 'Clients' },
    current: { version: '1.0', data: { title, owner } },
    upcoming: upcoming ? [{ version: upcoming.version, data: { effective: upcoming.effective } }, { version: '9.0', data: { effective: '2030-01-01' } }] : [],
    review: { lastReviewed: '2025-11-01', everyMonths: 12, next, state },
  };
}
const handbook = {
  today: '2026-11-15',
  policies: [
    policy('zeta', 'Zeta', 'Finance Partner', '2027-03-01', 'current'), // 106 days: 15 + 31 + 31 + 28 + 1
    policy('beta', 'Beta', 'practice manager', '2026-12-15', 'due', { version: '2.0', effective: '2027-01-01' }), // 30 days
    policy('alpha', 'Alpha', 'Practice Manager', '2026-11-01', 'overdue'), // -14 days
    policy('gamma', 'Gamma', 'Practice Manager', '2026-12-15', 'due'), // 30 days, after Beta by title
    policy('delta', 'Delta', 'Finance Partner', '2026-11-15', 'due'), // 0 days: today
  ],
} as unknown as Handbook;

describe('reviewRows', () => {
  it('gives each policy a row: overdue first, then due soon by date and title, then current', () => {
    expect(reviewRows(handbook)).toEqual([
      { slug: 'alpha', title: 'Alpha', chapter: 'Clients', owner: 'Practice Manager', lastReviewed: '2025-11-01', everyMonths: 12, nextReview: '2026-11-01', daysLeft: -14, state: 'overdue', currentVersion: '1.0' },
      { slug: 'delta', title: 'Delta', chapter: 'Clients', owner: 'Finance Partner', lastReviewed: '2025-11-01', everyMonths: 12, nextReview: '2026-11-15', daysLeft: 0, state: 'due', currentVersion: '1.0' },
      { slug: 'beta', title: 'Beta', chapter: 'Clients', owner: 'practice manager', lastReviewed: '2025-11-01', everyMonths: 12, nextReview: '2026-12-15', daysLeft: 30, state: 'due', currentVersion: '1.0', upcomingVersion: '2.0', upcomingEffective: '2027-01-01' },
      { slug: 'gamma', title: 'Gamma', chapter: 'Clients', owner: 'Practice Manager', lastReviewed: '2025-11-01', everyMonths: 12, nextReview: '2026-12-15', daysLeft: 30, state: 'due', currentVersion: '1.0' },
      { slug: 'zeta', title: 'Zeta', chapter: 'Clients', owner: 'Finance Partner', lastReviewed: '2025-11-01', everyMonths: 12, nextReview: '2027-03-01', daysLeft: 106, state: 'current', currentVersion: '1.0' },
    ]);
  });

  const slugs = (filter: ReviewFilter) => reviewRows(handbook, filter).map((r) => r.slug);
  it('filters by owner, in any case', () => {
    expect(slugs({ owner: 'PRACTICE manager' })).toEqual(['alpha', 'beta', 'gamma']);
    expect(slugs({ owner: 'Nobody' })).toEqual([]);
  });
  it('filters reviews due within a number of days, the last day included, overdue ones always', () => {
    expect(slugs({ within: 30 })).toEqual(['alpha', 'delta', 'beta', 'gamma']);
    expect(slugs({ within: 29 })).toEqual(['alpha', 'delta']);
    expect(slugs({ within: 0 })).toEqual(['alpha', 'delta']);
    expect(slugs({ within: -1 })).toEqual(['alpha']);
  });
  it('filters by state, and by several filters at once', () => {
    expect(slugs({ state: 'due' })).toEqual(['delta', 'beta', 'gamma']);
    expect(slugs({ state: 'current' })).toEqual(['zeta']);
    expect(slugs({ owner: 'finance partner', state: 'due', within: 10 })).toEqual(['delta']);
  });
});

describe('byReviewOrder', () => {
  const r = (state: ReviewState, nextReview: string, title: string) => ({ state, nextReview, title });
  it('orders by state first, even against an earlier date or title', () => {
    expect(byReviewOrder(r('overdue', '2027-01-01', 'Z'), r('due', '2026-01-01', 'A'))).toBeLessThan(0);
    expect(byReviewOrder(r('current', '2026-01-01', 'A'), r('due', '2027-01-01', 'Z'))).toBeGreaterThan(0);
    // Two ranks apart: a sum of ranks would not tell these apart from one rank apart.
    expect(byReviewOrder(r('overdue', '2027-01-01', 'Z'), r('current', '2026-01-01', 'A'))).toBeLessThan(0);
  });
  it('then by next review date, then by title; 0 for the same row', () => {
    expect(byReviewOrder(r('due', '2026-12-01', 'Z'), r('due', '2026-12-02', 'A'))).toBeLessThan(0);
    expect(byReviewOrder(r('due', '2026-12-02', 'A'), r('due', '2026-12-01', 'Z'))).toBeGreaterThan(0);
    expect(byReviewOrder(r('due', '2026-12-01', 'Beta'), r('due', '2026-12-01', 'Alpha'))).toBeGreaterThan(0);
    expect(byReviewOrder(r('due', '2026-12-01', 'Alpha'), r('due', '2026-12-01', 'Beta'))).toBeLessThan(0);
    expect(byReviewOrder(r('due', '2026-12-01', 'Alpha'), r('due', '2026-12-01', 'Alpha'))).toBe(0);
  });
});
