import { describe, expect, it } from 'vitest';
import { describeDue, nextReview, reviewState } from '../../src/lib/review.ts';

describe('nextReview', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2023-02-28', 12, '2024-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-06-02', 24, '2027-06-02'],
  ])('%s + %i months is %s', (last, months, expected) => {
    expect(nextReview(last, months)).toBe(expected);
  });
});

describe('reviewState (warning window 60 days)', () => {
  it.each([
    ['2026-11-15', '2026-11-14', 'overdue'], // one day after the date
    ['2026-11-15', '2026-11-15', 'due'], // the day itself is still due, not overdue
    ['2026-11-15', '2027-01-14', 'due'], // exactly 60 days ahead
    ['2026-11-15', '2027-01-15', 'current'], // 61 days ahead
    ['2024-02-29', '2024-02-28', 'overdue'],
    ['2024-02-28', '2024-04-28', 'due'], // leap year: 60 days
  ])('today %s, next review %s: %s', (today, next, state) => {
    expect(reviewState(next, today, 60)).toBe(state);
  });

  it('gives the same answer whatever the time zone', () => {
    // Calendar dates carry no time: the same strings give the same state in UTC+14 and UTC-10.
    const original = process.env['TZ'];
    const states = ['Pacific/Kiritimati', 'Pacific/Honolulu', 'UTC'].map((tz) => {
      process.env['TZ'] = tz;
      return reviewState('2026-12-01', '2026-11-15', 14);
    });
    process.env['TZ'] = original;
    expect(new Set(states)).toEqual(new Set(['current']));
  });

  it('treats a zero window as due only on the day', () => {
    expect(reviewState('2026-11-16', '2026-11-15', 0)).toBe('current');
    expect(reviewState('2026-11-15', '2026-11-15', 0)).toBe('due');
  });
});

describe('describeDue', () => {
  it.each([
    ['2026-11-15', 'due today'],
    ['2026-11-16', 'due in 1 day'],
    ['2026-11-25', 'due in 10 days'],
    ['2026-11-14', '1 day overdue'],
    ['2026-10-16', '30 days overdue'],
  ])('next %s', (next, text) => {
    expect(describeDue(next, '2026-11-15')).toBe(text);
  });
});
