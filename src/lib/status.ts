/**
 * What changes in a window of days: versions that take effect, reviews that become due soon or
 * overdue. `handbook status` prints it, so an editor (or a scheduled job) knows when the built
 * site needs rebuilding and whom to remind. The same rules as the site: src/lib/versions.ts for
 * what is in force, src/lib/review.ts for review states.
 */
import { addDays, type CalendarDate } from './dates.ts';
import { reviewState } from './review.ts';
import { compareVersions, isWithdrawnOn, withdrawalDate, type Dated } from './versions.ts';

export interface StatusPolicy {
  slug: string;
  title: string;
  /** Published versions, any order (the latest may carry the policy's withdrawal date). */
  versions: readonly Dated[];
  /** Next review date. */
  nextReview: CalendarDate;
}

export type StatusEvent =
  | { date: CalendarDate; kind: 'takes-effect'; slug: string; title: string; version: string; replaces?: string }
  /** The day the whole policy stops applying. */
  | { date: CalendarDate; kind: 'withdrawn'; slug: string; title: string }
  /** The first day the review counts as due soon (`warnDays` before the review date). */
  | { date: CalendarDate; kind: 'review-due'; slug: string; title: string; nextReview: CalendarDate }
  /** The first day the review counts as overdue (the day after the review date). */
  | { date: CalendarDate; kind: 'review-overdue'; slug: string; title: string; nextReview: CalendarDate };

export interface HandbookStatus {
  from: CalendarDate;
  to: CalendarDate;
  warnDays: number;
  /** Everything that happens from `from` to `to`, both included, by date then title. */
  events: StatusEvent[];
  /** Policies whose review is already overdue on `from`. */
  overdueOnFrom: { slug: string; title: string; nextReview: CalendarDate }[];
}

/** What takes effect and what falls due between two days, both included. */
export function statusBetween(policies: readonly StatusPolicy[], from: CalendarDate, to: CalendarDate, warnDays: number): HandbookStatus {
  const within = (d: CalendarDate) => d >= from && d <= to;
  const events: StatusEvent[] = [];
  for (const p of policies) {
    const ordered = [...p.versions].sort((a, b) => compareVersions(a.version, b.version));
    ordered.forEach((v, i) => {
      if (!within(v.effective)) return;
      const previous = ordered[i - 1];
      events.push({ date: v.effective, kind: 'takes-effect', slug: p.slug, title: p.title, version: v.version, ...(previous ? { replaces: previous.version } : {}) });
    });
    const off = withdrawalDate(p.versions);
    if (off && within(off)) events.push({ date: off, kind: 'withdrawn', slug: p.slug, title: p.title });
    // A withdrawn policy is no longer reviewed.
    const reviewed = (d: CalendarDate) => !isWithdrawnOn(p.versions, d);
    // The days the review state changes, found with the site's own rule rather than re-derived.
    const dueFrom = addDays(p.nextReview, -warnDays);
    if (within(dueFrom) && reviewed(dueFrom) && reviewState(p.nextReview, dueFrom, warnDays) === 'due' && reviewState(p.nextReview, addDays(dueFrom, -1), warnDays) === 'current') {
      events.push({ date: dueFrom, kind: 'review-due', slug: p.slug, title: p.title, nextReview: p.nextReview });
    }
    const overdueFrom = addDays(p.nextReview, 1);
    if (within(overdueFrom) && reviewed(overdueFrom) && reviewState(p.nextReview, overdueFrom, warnDays) === 'overdue') {
      events.push({ date: overdueFrom, kind: 'review-overdue', slug: p.slug, title: p.title, nextReview: p.nextReview });
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const overdueOnFrom = policies
    .filter((p) => !isWithdrawnOn(p.versions, from) && reviewState(p.nextReview, from, warnDays) === 'overdue')
    .map((p) => ({ slug: p.slug, title: p.title, nextReview: p.nextReview }))
    .sort((a, b) => a.nextReview.localeCompare(b.nextReview) || a.title.localeCompare(b.title));
  return { from, to, warnDays, events, overdueOnFrom };
}
