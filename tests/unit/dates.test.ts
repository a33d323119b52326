import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, formatDate, localToday, parseCalendarDate } from '../../src/lib/dates.ts';

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
