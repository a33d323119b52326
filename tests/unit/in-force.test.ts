/**
 * The sentences pages say about what is in force and what is due, for the build date and for
 * later days. Expected texts are written out by hand from the facts below.
 */
import { describe, expect, it } from 'vitest';
import { editionOn, reviewCounts, reviewPhrase, statement, type Part, type PolicyFacts, type StatementContext, type StatementKind } from '../../src/lib/in-force.ts';
import { versionsBetween } from '../../src/lib/versions.ts';

const retention: PolicyFacts = {
  s: 'retention',
  t: 'Retention',
  u: '/policies/retention/',
  v: [
    { version: '1.0', effective: '2024-01-15', href: '/policies/retention/1.0/' },
    { version: '2.0', effective: '2025-06-01', href: '/policies/retention/2.0/' },
    { version: '2.1', effective: '2027-02-01', href: '/policies/retention/2.1/' },
  ],
  r: { last: '2026-11-02', next: '2027-11-02' },
};
const intake: PolicyFacts = {
  s: 'intake',
  t: 'Intake',
  u: '/policies/intake/',
  v: [{ version: '1.0', effective: '2027-03-01', href: '/policies/intake/1.0/' }],
  r: { last: '2026-10-01', next: '2026-12-01' },
};
const built = '2026-11-15';
const on = (today: string): StatementContext => ({ today, built, warnDays: 60 });

/** The statement as plain text, links marked [text](href), the page's date marked {as at …}. */
function say(kind: StatementKind, today: string, input: Partial<Parameters<typeof statement>[1]> = {}): string | null {
  const said = statement(kind, { all: [retention, intake], ...input }, on(today));
  if (!said) return null;
  const text = (p: Part) => (typeof p === 'string' ? p : p.href ? `[${p.text}](${p.href})` : p.asAt ? `{${p.text}}` : p.text);
  return said.parts.map(text).join('');
}

describe('version statements', () => {
  it('the status line of the version the canonical page shows, before and after 2.1 takes effect', () => {
    expect(say('status', '2027-01-31', { facts: retention, version: '2.0' })).toBe('Version 2.0 — in force since 1 June 2025 — current {as at 31 January 2027}');
    expect(say('status', '2027-02-01', { facts: retention, version: '2.0' })).toBe('Version 2.0 — in force 1 June 2025 to 1 February 2027 — superseded by version 2.1 {as at 1 February 2027}');
    expect(say('status', '2027-01-31', { facts: retention, version: '2.1' })).toBe('Version 2.1 — takes effect on 1 February 2027 — not yet in force {as at 31 January 2027}');
  });

  it('the canonical page\'s notice appears only once a later version has taken effect', () => {
    expect(say('notice', '2027-01-31', { facts: retention, version: '2.0' })).toBeNull();
    expect(say('notice', '2027-02-01', { facts: retention, version: '2.0' })).toBe(
      'Version 2.1 took effect on 1 February 2027. This page shows 2.0, built on 15 November 2026 — [read version 2.1](/policies/retention/2.1/).',
    );
  });

  it('banners swap on version pages; the canonical page has no superseded banner of its own', () => {
    expect(say('banner', '2027-01-31', { facts: retention, version: '2.1' })).toBe('This version takes effect on 1 February 2027. Until then [version 2.0](/policies/retention/2.0/) applies.');
    expect(say('banner', '2027-01-31', { facts: retention, version: '2.0' })).toBeNull();
    expect(say('banner', '2027-02-01', { facts: retention, version: '2.1' })).toBeNull();
    // 2.1 was not what the canonical page was built with: the link goes to 2.1's own page.
    expect(say('banner', '2027-02-01', { facts: retention, version: '2.0' })).toBe(
      'This version has been superseded. It is kept for the record. Read the [current version (2.1, in force since 1 February 2027)](/policies/retention/2.1/).',
    );
    // Before the switch, the current version is what the canonical page shows.
    expect(say('banner', '2027-01-31', { facts: retention, version: '1.0' })).toBe(
      'This version has been superseded. It is kept for the record. Read the [current version (2.0, in force since 1 June 2025)](/policies/retention/).',
    );
    expect(say('banner', '2027-02-01', { facts: retention, version: '2.0', canonical: true })).toBeNull();
    expect(say('banner', '2026-11-15', { facts: intake, version: '1.0' })).toBe('This version takes effect on 1 March 2027. No earlier version is in force.');
  });

  it('markers and listed versions in lists and the sidebar', () => {
    expect(say('marker', '2027-01-31', { facts: retention })).toBe('2.1 from 1 February 2027');
    expect(say('marker', '2027-02-01', { facts: retention })).toBe('2.1 in force since 1 February 2027');
    // A policy not yet in force has no "new version" to announce.
    expect(say('marker', '2026-11-15', { facts: intake })).toBeNull();
    expect(say('listed-version', '2027-01-31', { facts: retention })).toBe('version 2.0');
    expect(say('listed-version', '2027-02-01', { facts: retention })).toBe('version 2.1');
    expect(say('listed-version', '2026-11-15', { facts: intake })).toBe('version 1.0, from 1 March 2027');
    expect(say('version-when', '2027-01-31', { facts: retention, version: '2.1' })).toBe('Takes effect 1 February 2027 · upcoming');
    expect(say('version-when', '2027-02-01', { facts: retention, version: '2.1' })).toBe('Effective 1 February 2027 · current');
    expect(say('later-version', '2027-02-01', { facts: retention, version: '2.1' })).toBe('[Version 2.1, in force since 1 February 2027](/policies/retention/2.1/)');
  });

  it('the edition is the latest effective date among the versions in force', () => {
    expect(editionOn([retention, intake], '2026-11-15')).toBe('2025-06-01');
    expect(editionOn([retention, intake], '2027-02-01')).toBe('2027-02-01');
    expect(editionOn([retention, intake], '2027-03-01')).toBe('2027-03-01');
    expect(editionOn([intake], '2026-11-15')).toBeUndefined();
  });

  it('the print cover says which printed policies have a newer version in force', () => {
    expect(say('print-currency', '2027-01-31', { all: [retention], printed: { retention: '2.0' } })).toBe('{As at 31 January 2027}, every policy printed here is the version in force.');
    expect(say('print-currency', '2027-02-01', { all: [retention], printed: { retention: '2.0' } })).toBe(
      '{As at 1 February 2027}, 1 policy has changed since this edition was built on 15 November 2026: [Retention 2.1](/policies/retention/2.1/) is in force since 1 February 2027 (printed here: 2.0).',
    );
  });
});

describe('a dated withdrawal', () => {
  const petty: PolicyFacts = {
    s: 'petty-cash',
    t: 'Petty cash',
    u: '/policies/petty-cash/',
    v: [
      { version: '1.0', effective: '2024-01-01', href: '/policies/petty-cash/1.0/' },
      { version: '1.1', effective: '2025-09-01', href: '/policies/petty-cash/1.1/', withdrawn: '2026-12-01' },
    ],
    x: { t: 'Expenses', u: '/policies/expenses/' },
    r: { last: '2026-09-01', next: '2026-12-15' },
  };
  it('the banner, the status and the lists switch on the day', () => {
    expect(say('withdrawal', '2026-11-30', { facts: petty })).toBe('To be withdrawn on 1 December 2026 — replaced by [Expenses](/policies/expenses/). Until then it applies.');
    expect(say('withdrawal', '2026-12-01', { facts: petty })).toBe('Withdrawn on 1 December 2026 — replaced by [Expenses](/policies/expenses/). This policy no longer applies; it is kept for the record.');
    expect(say('status', '2026-12-01', { facts: petty, version: '1.1' })).toBe('Version 1.1 — in force 1 September 2025 to 1 December 2026 — withdrawn {as at 1 December 2026}');
    expect(say('banner', '2026-12-01', { facts: petty, version: '1.0' })).toBeNull();
    expect(say('listed-version', '2026-12-01', { facts: petty })).toBe('withdrawn on 1 December 2026');
    expect(say('as-at-version', '2026-12-01', { facts: petty })).toBe('withdrawn');
    expect(say('as-at-period', '2026-11-30', { facts: petty })).toBe('1 September 2025 to 1 December 2026');
  });
  it('a withdrawn policy is reviewed no more and counted no more', () => {
    expect(say('review-record', '2026-12-01', { facts: petty })).toBeNull();
    expect(reviewCounts([petty], on('2026-11-30'))).toEqual({ overdue: 0, due: 1, current: 0 });
    expect(reviewCounts([petty], on('2026-12-01'))).toEqual({ overdue: 0, due: 0, current: 0 });
  });
});

describe('the handbook as at a date', () => {
  it('a date before the first version says so', () => {
    expect(say('as-at-caption', '2020-01-01')).toBe('On 1 January 2020 no policy of this handbook was in force yet. The first version took effect on 15 January 2024.');
    expect(say('as-at-version', '2020-01-01', { facts: retention })).toBe('not yet in force');
  });
  it('the build date is named as such; other days plainly', () => {
    expect(say('as-at-caption', '2026-11-15')).toBe('In force on 15 November 2026, the day this handbook was built:');
    expect(say('as-at-caption', '2024-06-30')).toBe('In force on 30 June 2024:');
    expect(say('as-at-version', '2024-06-30', { facts: retention })).toBe('[1.0](/policies/retention/1.0/)');
    expect(say('as-at-period', '2024-06-30', { facts: retention })).toBe('15 January 2024 to 1 June 2025');
    expect(say('as-at-period', '2027-06-30', { facts: retention })).toBe('since 1 February 2027');
    expect(say('as-at-period', '2026-11-15', { facts: intake })).toBe('first version from 1 March 2027');
  });
});

describe('review statements', () => {
  it('say the state once, with the days', () => {
    expect(reviewPhrase('2026-08-25', '2026-11-15', 60)).toBe('Review overdue by 82 days');
    expect(reviewPhrase('2026-11-14', '2026-11-15', 60)).toBe('Review overdue by 1 day');
    expect(reviewPhrase('2026-11-15', '2026-11-15', 60)).toBe('Review due today');
    expect(reviewPhrase('2027-01-14', '2026-11-15', 60)).toBe('Review due in 60 days');
    expect(reviewPhrase('2027-01-15', '2026-11-15', 60)).toBe('Reviewed');
  });

  it('the review record, and none for a superseded version', () => {
    expect(say('review-record', '2026-11-15', { facts: retention })).toBe('Last reviewed 2 November 2026 · next review by 2 November 2027 Reviewed');
    expect(say('review-record', '2027-02-01', { facts: retention, version: '2.0' })).toBe(
      'This version is no longer in force, so it is no longer reviewed. [Version 2.1](/policies/retention/2.1/) carries the policy\'s review record.',
    );
    expect(say('review-record', '2027-01-31', { facts: retention, version: '2.0' })).toBe('Last reviewed 2 November 2026 · next review by 2 November 2027 Reviewed');
  });

  it('counts agree with each policy\'s state across a review date', () => {
    expect(reviewCounts([retention, intake], on('2026-11-15'))).toEqual({ overdue: 0, due: 1, current: 1 });
    expect(reviewCounts([retention, intake], on('2026-12-01'))).toEqual({ overdue: 0, due: 1, current: 1 });
    expect(reviewCounts([retention, intake], on('2026-12-02'))).toEqual({ overdue: 1, due: 0, current: 1 });
    expect(say('home-summary', '2026-12-02')).toBe('1 overdue, 0 due within 60 days, 1 reviewed and current, {as at 2 December 2026}.');
    expect(say('dashboard-summary', '2026-12-02')).toBe('{As at 2 December 2026}: 1 overdue, 0 due within 60 days, 1 current.');
    expect(say('review-marker', '2026-12-02', { facts: intake })).toBe('Review overdue');
    expect(say('review-marker', '2026-12-02', { facts: retention })).toBeNull();
  });
});

describe('versionsBetween', () => {
  it('spans every version after `from` up to and including `to`', () => {
    const vs = [{ version: '2.1' }, { version: '1.0' }, { version: '1.10' }, { version: '2.0' }, { version: '1.9' }];
    expect(versionsBetween(vs, '1.0', '2.1').map((v) => v.version)).toEqual(['1.9', '1.10', '2.0', '2.1']);
    expect(versionsBetween(vs, '2.0', '2.1').map((v) => v.version)).toEqual(['2.1']);
  });
});
