import { describe, expect, it } from 'vitest';
import { describeDue, isReviewState, nextReview, reviewState } from '../../src/lib/review.ts';

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

  it('gives the same answer whatever the time zone, at the edges of the window and across a clock change', () => {
    // Calendar dates carry no time. Counted in local time instead, 2026-03-15 → 2026-03-30 is
    // 15 days less an hour in London (clocks go forward on 29 March) and would floor to 14.
    const cases: [next: string, today: string, expected: string][] = [
      ['2026-03-29', '2026-03-15', 'due'], // 14 days: the last day of the window
      ['2026-03-30', '2026-03-15', 'current'], // 15 days
      ['2026-03-14', '2026-03-15', 'overdue'],
      ['2026-10-26', '2026-10-12', 'due'], // 14 days across the clocks going back
      ['2026-10-27', '2026-10-12', 'current'],
    ];
    const original = process.env['TZ'];
    try {
      for (const tz of ['Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Honolulu', 'Australia/Lord_Howe', 'UTC']) {
        process.env['TZ'] = tz;
        for (const [next, today, expected] of cases) expect(reviewState(next, today, 14), `${tz}: next ${next}, today ${today}`).toBe(expected);
      }
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
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

describe('isReviewState', () => {
  it('accepts the three states and nothing else', () => {
    expect(['overdue', 'due', 'current'].map(isReviewState)).toEqual([true, true, true]);
    expect(['Overdue', 'soon', '', undefined, 0].map(isReviewState)).toEqual([false, false, false, false, false]);
  });
});
