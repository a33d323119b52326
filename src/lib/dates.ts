/**
 * Calendar dates (no time, no time zone) as `YYYY-MM-DD` strings.
 *
 * Policies are effective and reviewed on calendar days. Keeping them as strings
 * and doing arithmetic in UTC means a build or a browser in UTC+14 or UTC−10
 * computes the same answer for the same day.
 */
import { UTCDate } from '@date-fns/utc';
import type { DateStyle } from './branding.ts';
// One module each, not date-fns' index: the index loads some 250 modules, 1.2 s of CPU for every
// CLI command.
import { addMonths as addMonthsFns } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

/** A calendar date written `YYYY-MM-DD`. */
export type CalendarDate = string & { readonly __calendarDate?: never };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: CalendarDate): UTCDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a calendar date from what YAML gives: a `YYYY-MM-DD` string, or a Date
 * (YAML 1.1 parsers turn an unquoted date into midnight UTC).
 *
 * @returns the date, or `undefined` when it is not a real calendar date (2025-02-30).
 */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : fromUtc(value);
  }
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2025-13-01 over to 2026-01-01: a round trip catches it.
  return fromUtc(date) === value.trim() && y >= 1000 ? (value.trim() as CalendarDate) : undefined;
}

/** Adds whole months; a day that does not exist is clamped (31 January + 1 month = 28/29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return fromUtc(addMonthsFns(toUtc(date), months));
}

/** Adds (or with a negative number, subtracts) whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

/** Today's calendar date where the code runs (the reader's own day in a browser). */
export function localToday(now: Date = new Date()): CalendarDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const STYLE = Symbol.for('policy-handbook.dateStyle');
type StyleStore = { [STYLE]?: DateStyle };

/**
 * Makes the firm's date style (handbook.yaml) the one `formatDate` uses in this process: loading
 * the handbook calls it. A global, because Astro's pages run from bundled chunks with module
 * instances of their own; in the browser, the page says it (`<html data-date-style>`).
 */
export function useDateStyle(style: DateStyle): void {
  (globalThis as StyleStore)[STYLE] = style;
}

function currentStyle(): DateStyle {
  const set = (globalThis as StyleStore)[STYLE];
  if (set) return set;
  const page = typeof document === 'undefined' ? undefined : document.documentElement.dataset['dateStyle'];
  return page === 'month-day-year' ? page : 'day-month-year';
}

/**
 * "1 March 2026", or "March 1, 2026" in the month-day-year style: the way the firm writes a
 * date, the same on every machine (no locale data involved).
 */
export function formatDate(date: CalendarDate, style: DateStyle = currentStyle()): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return style === 'month-day-year' ? `${MONTHS[m - 1]} ${d}, ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
}
