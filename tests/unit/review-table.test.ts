/** The review table's CSV writer (reviews.csv), with rows and expected text written by hand. */
import { describe, expect, it } from 'vitest';
import { reviewCsv, type ReviewRow } from '../../src/lib/review-table.ts';

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
