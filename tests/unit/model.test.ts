import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';

describe('loadHandbook on content with every kind of mistake', () => {
  const { handbook, issues } = loadHandbook('tests/fixtures/errors/content', TODAY);

  it('builds nothing and reports every problem in one run, naming file and field', () => {
    expect(handbook).toBeUndefined();
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "tests/fixtures/errors/content/agreements/bad-text.mdx:14 → fields: The text uses <Field name="undeclared" /> but no field "undeclared" is declared, expected it under fields: (declared: clientName).
      tests/fixtures/errors/content/agreements/bad-text.mdx:16 → parties: The text has <Signature party="witness" /> but no party "witness" is declared, expected one of: client.
      tests/fixtures/errors/content/agreements/bad-text.mdx:18 → body: Unknown component <Stamp>: expected one of Field, Signature, HandbookEdition, CurrentPolicies.
      tests/fixtures/errors/content/agreements/bad.mdx:9 → fields.2.type: Expected one of text, date, email, multiline, choice, received "datetime".
      tests/fixtures/errors/content/agreements/bad.mdx:9 → fields.1.name: Duplicate field name "clientName", expected each field name once.
      tests/fixtures/errors/content/policies/alpha/1.0.mdx → owner: Missing required field, expected some text.
      tests/fixtures/errors/content/policies/alpha/1.0.mdx:6 → effective: Expected a real calendar date written YYYY-MM-DD, received "2025-13-01".
      tests/fixtures/errors/content/policies/alpha/v2.mdx: File name "v2.mdx" is not a version, expected MAJOR.MINOR such as 1.0.mdx or 2.1.md.
      tests/fixtures/errors/content/policies/beta/1.0.md:4 → chapter: Unknown chapter "nowhere", expected one of the chapter ids in handbook.yaml: general.
      tests/fixtures/errors/content/policies/beta/1.0.md:9 → related.0: Unknown policy "no-such-policy", expected the slug of a published policy (a folder in policies/ with an active version).
      tests/fixtures/errors/content/policies/beta/1.1.md:7 → effective: Version 1.1 of "beta" has the same effective date (2025-02-01) as version 1.0, expected each version to take effect on its own date.
      tests/fixtures/errors/content/policies/beta/1.1.md:8 → lastReviewed: The last review date 2030-01-01 is in the future (today is 2026-11-15), expected a date on or before today.
      tests/fixtures/errors/content/policies/delta/1.0.md:9 → reviewEveryMonths: Expected a whole number of months above 0.
      tests/fixtures/errors/content/policies/epsilon/1.0.md:11 → body: Link to "/policies/does-not-exist/": there is no published policy "does-not-exist", expected the slug of a policy in policies/.
      tests/fixtures/errors/content/policies/epsilon/1.0.md:11 → body: Link to "/policies/delta/9.0/": there is no published policy "delta", expected the slug of a policy in policies/.
      tests/fixtures/errors/content/policies/epsilon/1.0.md:13 → body: Link to "/about-us/": the handbook has no page /about-us/, expected /policies/<slug>/, /agreements/<slug>/ or one of /, /changes/, /as-at/, /reviews/, /reviews.csv, /agreements/, /print/, /search/, /feed.xml.
      tests/fixtures/errors/content/policies/epsilon/1.0.md:13 → body: Link to "/policies/epsilon/compare/1.0/1.1/": policy "epsilon" has no published version 1.1, expected one of 1.0.
      tests/fixtures/errors/content/policies/epsilon/1.0.md:14 → body: Link to "./missing.pdf": there is no file policies/epsilon/missing.pdf in the content folder, expected a relative path to a policy version (../<slug>/<version>.mdx), an agreement or an image.
      tests/fixtures/errors/content/policies/eta/1.0.mdx:11 → body: Unknown component <Callout>: policy text has no built-in components: use Markdown.
      tests/fixtures/errors/content/policies/gamma/1.0.mdx:7 → efective: Unknown field "efective", expected one of: title, summary, chapter, order, owner, approvedBy, effective, lastReviewed, reviewEveryMonths, status, withdrawn, replacedBy, changes, appliesTo, tags, related.
      tests/fixtures/errors/content/policies/gamma/1.0.mdx:10 → status: Expected "active", "draft" or "withdrawn", received "published".
      tests/fixtures/errors/content/policies/zeta/1.0.mdx:11 → body: The MDX cannot be read: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` (mdx-jsx:unexpected-character). In .mdx files, write { and < as \\{ and &lt; in text, or rename the file .md.
      22 problems in the content."
    `);
  });
});

describe('loadHandbook on plain Markdown with odd links and versions past 1.9', () => {
  const { handbook, issues } = loadHandbook('tests/fixtures/minimal/content', TODAY);

  it('orders 1.10 after 1.9 and picks the current version', () => {
    expect(issues).toEqual([]);
    const intake = handbook!.bySlug.get('intake')!;
    expect(intake.versions.map((v) => [v.version, v.state])).toEqual([
      ['1.0', 'superseded'],
      ['1.9', 'superseded'],
      ['1.10', 'current'],
    ]);
    expect(intake.versions[0]!.supersededBy?.version).toBe('1.9');
  });

  it('takes the review interval from handbook.yaml', () => {
    const intake = handbook!.bySlug.get('intake')!;
    expect(intake.review).toEqual({ lastReviewed: '2025-06-01', everyMonths: 6, next: '2025-12-01', state: 'overdue' });
  });
});

describe('the sample handbook', () => {
  const { handbook, issues } = loadHandbook('content', TODAY);

  it('is valid, with drafts left out', () => {
    expect(formatIssues(issues)).toBe('0 problems in the content.');
    const breach = handbook!.bySlug.get('reporting-a-breach')!;
    expect(breach.versions.map((v) => v.version)).not.toContain('3.0');
  });

  it('has every review state on the test date, and policies with real history', () => {
    const states = new Set(handbook!.policies.map((p) => p.review.state));
    expect(states).toEqual(new Set(['overdue', 'due', 'current']));
    expect(handbook!.policies.filter((p) => p.versions.length >= 2).length).toBeGreaterThanOrEqual(5);
    expect(handbook!.policies.some((p) => p.upcoming.length > 0)).toBe(true);
    expect(handbook!.policies.length).toBeGreaterThanOrEqual(15);
  });
});
