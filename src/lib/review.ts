/**
 * Review dates: when a policy is next due for review, and whether that is overdue.
 *
 * The browser imports `reviewState` too, so a badge built weeks ago still tells the truth.
 */
import { addMonths, daysBetween, type CalendarDate } from './dates.ts';

export const REVIEW_STATES = ['overdue', 'due', 'current'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export function isReviewState(value: unknown): value is ReviewState {
  return (REVIEW_STATES as readonly unknown[]).includes(value);
}

/** Words for each state, shared by badges, the dashboard and the CLI. */
export const REVIEW_LABELS: Record<ReviewState, string> = {
  overdue: 'Review overdue',
  due: 'Review due soon',
  current: 'Reviewed',
};

/** Next review = last review + interval, clamped at month ends (31 Jan + 1 month = 28/29 Feb). */
export function nextReview(lastReviewed: CalendarDate, everyMonths: number): CalendarDate {
  return addMonths(lastReviewed, everyMonths);
}

/**
 * The review state on `today`.
 *
 * Overdue once the review date has passed; due soon from `warnDays` before it up to and
 * including the day itself; current before that.
 */
export function reviewState(next: CalendarDate, today: CalendarDate, warnDays: number): ReviewState {
  const days = daysBetween(today, next);
  if (days < 0) return 'overdue';
  if (days <= warnDays) return 'due';
  return 'current';
}

/** "due in 12 days", "due today", "3 days overdue". */
export function describeDue(next: CalendarDate, today: CalendarDate): string {
  const days = daysBetween(today, next);
  if (days === 0) return 'due today';
  if (days > 0) return `due in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} overdue`;
}
