import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, addMonths, daysBetween, formatDate, localToday, parseCalendarDate, useDateStyle } from '../../src/lib/dates.ts';

describe('parseCalendarDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    [' 2024-02-29 ', '2024-02-29'],
    [new Date(Date.UTC(2025, 0, 31)), '2025-01-31'],
    ['1000-01-01', '1000-01-01'], // the earliest four-digit year
  ])('reads %s', (input, expected) => {
    expect(parseCalendarDate(input)).toBe(expected);
  });
  it.each([['2025-13-01'], ['2025-02-30'], ['0999-12-31'], ['2023-02-29'], ['soon'], ['2025-1-1'], [20250101], [undefined], [new Date('nope')]])(
    'rejects %s',
    (input) => {
      expect(parseCalendarDate(input)).toBeUndefined();
    },
  );
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-05-10', 0, '2025-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-15', '2026-11-15', 0],
    ['2026-11-15', '2026-11-16', 1],
    ['2026-11-16', '2026-11-15', -1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-28', '2026-03-30', 2], // across the European clock change
  ])('from %s to %s is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('formatDate and localToday', () => {
  it('writes dates the way a law firm does', () => {
    expect(formatDate('2026-03-01')).toBe('1 March 2026');
    expect(formatDate('2026-12-31')).toBe('31 December 2026');
  });
  it('takes the local calendar day of a moment', () => {
    expect(localToday(new Date(2026, 10, 15, 23, 59))).toBe('2026-11-15');
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});

describe('the date style formatDate uses when none is given', () => {
  const STYLE = Symbol.for('policy-handbook.dateStyle');
  const store = globalThis as { [STYLE]?: unknown };
  const saved = store[STYLE];
  afterEach(() => {
    vi.unstubAllGlobals();
    store[STYLE] = saved;
  });
  /** A browser page as the layout writes it: `<html data-date-style="…">`, or no attribute. */
  function page(dateStyle?: string) {
    delete store[STYLE];
    vi.stubGlobal('document', { documentElement: { dataset: dateStyle === undefined ? {} : { dateStyle } } });
  }

  it('is the firm\'s style once the handbook is loaded (useDateStyle), whatever the page says', () => {
    page('day-month-year');
    useDateStyle('month-day-year');
    expect(formatDate('2026-03-01')).toBe('March 1, 2026');
    useDateStyle('day-month-year');
    expect(formatDate('2026-03-01')).toBe('1 March 2026');
  });
  it('in the browser, is the page\'s data-date-style', () => {
    page('month-day-year');
    expect(formatDate('2027-02-01')).toBe('February 1, 2027');
  });
  it.each([['day-month-year'], ['ymd'], [undefined]])('in the browser, is day first for data-date-style %s', (style) => {
    page(style);
    expect(formatDate('2027-02-01')).toBe('1 February 2027');
  });
  it('outside a browser, with no style set, is day first', () => {
    delete store[STYLE];
    expect(formatDate('2027-12-09')).toBe('9 December 2027');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-28', 3, '2026-03-31'], // across the European clock change
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
