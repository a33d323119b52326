/**
 * The review table: one row per policy, overdue first, then by next review date.
 * The /reviews/ page, reviews.csv and `handbook review` all print these rows.
 */
import { daysBetween, type CalendarDate } from './dates.ts';
import type { Handbook } from './model.ts';
import { REVIEW_STATES, type ReviewState } from './review.ts';

export interface ReviewRow {
  slug: string;
  title: string;
  chapter: string;
  owner: string;
  lastReviewed: CalendarDate;
  everyMonths: number;
  nextReview: CalendarDate;
  /** Days from today to the next review; negative when overdue. */
  daysLeft: number;
  state: ReviewState;
  currentVersion: string;
  upcomingVersion?: string;
  upcomingEffective?: CalendarDate;
}

export interface ReviewFilter {
  owner?: string;
  /** Only reviews due within this many days (overdue ones included). */
  within?: number;
  state?: ReviewState;
}

/** The dashboard's order: overdue first, then due soon, then current; within each, by next review date, then title. */
export function byReviewOrder(a: Pick<ReviewRow, 'state' | 'nextReview' | 'title'>, b: Pick<ReviewRow, 'state' | 'nextReview' | 'title'>): number {
  const rank = (s: ReviewState) => REVIEW_STATES.indexOf(s);
  return rank(a.state) - rank(b.state) || a.nextReview.localeCompare(b.nextReview) || a.title.localeCompare(b.title);
}

export function reviewRows(handbook: Handbook, filter: ReviewFilter = {}): ReviewRow[] {
  return handbook.policies
    .map((p): ReviewRow => {
      const upcoming = p.upcoming[0];
      return {
        slug: p.slug,
        title: p.current.data.title,
        chapter: p.chapter.title,
        owner: p.current.data.owner,
        lastReviewed: p.review.lastReviewed,
        everyMonths: p.review.everyMonths,
        nextReview: p.review.next,
        daysLeft: daysBetween(handbook.today, p.review.next),
        state: p.review.state,
        currentVersion: p.current.version,
        ...(upcoming ? { upcomingVersion: upcoming.version, upcomingEffective: upcoming.data.effective } : {}),
      };
    })
    .filter((r) => !filter.owner || r.owner.toLowerCase() === filter.owner.toLowerCase())
    .filter((r) => filter.within === undefined || r.daysLeft <= filter.within)
    .filter((r) => !filter.state || r.state === filter.state)
    .sort(byReviewOrder);
}

const CSV_COLUMNS: [keyof ReviewRow, string][] = [
  ['title', 'Policy'],
  ['chapter', 'Chapter'],
  ['owner', 'Owner'],
  ['state', 'State'],
  ['lastReviewed', 'Last reviewed'],
  ['everyMonths', 'Review every (months)'],
  ['nextReview', 'Next review'],
  ['daysLeft', 'Days left'],
  ['currentVersion', 'Current version'],
  ['upcomingVersion', 'Upcoming version'],
  ['upcomingEffective', 'Upcoming effective'],
  ['slug', 'Slug'],
];

function csvCell(value: unknown): string {
  const text = value === undefined ? '' : String(value);
  // Quote everything that needs it; a leading = + - @ (or a tab or carriage return before one,
  // which spreadsheets skip) is defused so a spreadsheet never runs it. Negative numbers stay numbers.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV (RFC 4180, CRLF line ends) for a spreadsheet. */
export function reviewCsv(rows: readonly ReviewRow[]): string {
  const lines = [CSV_COLUMNS.map(([, label]) => label), ...rows.map((r) => CSV_COLUMNS.map(([key]) => r[key]))];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
