/**
 * The model's draft and withdrawal rules (loadHandbook), in-process so that a change to any of
 * them fails a test here (the CLI and e2e tests check them too, in processes of their own).
 * Every case writes a copy of the minimal fixture (chapter "clients"; intake 1.0, 1.9, 1.10 in
 * force since 2025-06-01, reviewed 2025-06-01 every 6 months; conflicts 1.0 since 2024-01-10,
 * every 24 months, related to intake) with files added; today is 2026-11-15. Expected values are
 * worked out by hand from those dates.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, type ContentIssue } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const work = mkdtempSync(join(tmpdir(), 'handbook-drafts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** Frontmatter of a version in the fixture's chapter; `fields` replace or add keys (a value of undefined drops one). */
function version(fields: Record<string, string | undefined> = {}, body = 'Text.'): string {
  const data: Record<string, string | undefined> = { title: 'Client money', summary: 'Handling client money.', chapter: 'clients', owner: 'Finance Partner', approvedBy: 'Partners', effective: '2025-03-01', lastReviewed: '2025-03-01', ...fields };
  return `---\n${Object.entries(data).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;
}

/** A copy of the minimal fixture with `files` added (path → text); `yaml` is appended to handbook.yaml. */
function content(files: Record<string, string>, yaml = ''): string {
  const dir = join(work, String(count++));
  cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
  if (yaml) writeFileSync(join(dir, 'handbook.yaml'), `${readFixtureYaml()}${yaml}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
function readFixtureYaml(): string {
  return 'firm: Small & Plain Solicitors\ntitle: Office Manual\nfeedback: manual@small.example\nreview:\n  everyMonths: 6\n  warnDays: 30\nchapters:\n  - id: clients\n    title: Clients\n    order: 1\n';
}
/** Problems or warnings as lines, paths relative to the copy, in the order found. */
const lines = (dir: string, found: ContentIssue[]) => found.map((i) => formatIssue({ ...i, file: relative(dir, i.file) }));

describe('drafts', () => {
  const dir = content({
    'policies/intake/2.0.md': version({ title: 'Client intake', status: 'draft', effective: '2027-01-01' }),
    'policies/intake/1.11.md': version({ title: 'Client intake', status: 'draft', effective: '2026-12-01' }),
    'policies/client-money/1.0.md': version({ status: 'draft' }, 'See [the new intake](/policies/intake/2.0/) and [nowhere](/policies/nowhere/).'),
  });

  it('are never versions of a build, and are listed by slug then version number', () => {
    const { handbook, issues, warnings } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    expect(handbook!.bySlug.get('intake')!.versions.map((v) => [v.version, v.state])).toEqual([
      ['1.0', 'superseded'],
      ['1.9', 'superseded'],
      ['1.10', 'current'],
    ]);
    expect(handbook!.bySlug.has('client-money')).toBe(false);
    // Same chapter, no order: by title, "Client intake" before "Conflict checks".
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['intake', 'conflicts']);
    expect(handbook!.drafts.map((d) => `${d.slug} ${d.version}`)).toEqual(['client-money 1.0', 'intake 1.11', 'intake 2.0']);
    // A draft may link to another draft; its other problems are warnings, not problems.
    expect(lines(dir, warnings)).toEqual(['policies/client-money/1.0.md:12 → body: Link to "/policies/nowhere/": there is no published policy "nowhere", expected the slug of a policy in policies/.']);
  });

  it('in a preview (the dev server), come after the published versions as drafts, a draft-only policy included', () => {
    const { handbook } = loadHandbook(dir, TODAY, undefined, { drafts: true });
    const intake = handbook!.bySlug.get('intake')!;
    expect(intake.versions.map((v) => [v.version, v.state])).toEqual([
      ['1.0', 'superseded'],
      ['1.9', 'superseded'],
      ['1.10', 'current'],
      ['1.11', 'draft'],
      ['2.0', 'draft'],
    ]);
    // Its review dates stay those of the latest published version: 2025-06-01 + 6 months.
    expect(intake.review).toEqual({ lastReviewed: '2025-06-01', everyMonths: 6, next: '2025-12-01', state: 'overdue' });
    expect(intake.current.version).toBe('1.10');
    expect(intake.upcoming).toEqual([]);
    const money = handbook!.bySlug.get('client-money')!;
    expect(money.versions.map((v) => [v.version, v.state])).toEqual([['1.0', 'draft']]);
    expect(money.current.version).toBe('1.0');
    // 2025-03-01 + 6 months (handbook.yaml) = 2025-09-01: overdue on 2026-11-15.
    expect(money.review).toEqual({ lastReviewed: '2025-03-01', everyMonths: 6, next: '2025-09-01', state: 'overdue' });
  });

  it('a link from published text to a draft version is a problem', () => {
    const linked = content({
      'policies/intake/2.0.md': version({ title: 'Client intake', status: 'draft', effective: '2027-01-01' }),
      'policies/conflicts/1.1.md': version({ title: 'Conflict checks', effective: '2025-01-01', lastReviewed: '2025-01-01' }, 'See [the next intake](/policies/intake/2.0/).'),
    });
    const { handbook, issues } = loadHandbook(linked, TODAY);
    expect(handbook).toBeUndefined();
    expect(lines(linked, issues)).toEqual(['policies/conflicts/1.1.md:11 → body: Link to "/policies/intake/2.0/": policy "intake" has no published version 2.0, expected one of 1.0, 1.10, 1.9.']);
    // (The versions are listed in the order of their file names.)
  });
});

describe('the edition', () => {
  it('is undefined while no policy is in force yet', () => {
    const dir = join(work, String(count++));
    mkdirSync(join(dir, 'policies/client-money'), { recursive: true });
    writeFileSync(join(dir, 'handbook.yaml'), readFixtureYaml());
    writeFileSync(join(dir, 'policies/client-money/1.0.md'), version({ effective: '2027-01-01', lastReviewed: '2026-11-01' }));
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    expect(handbook!.edition).toBeUndefined();
    expect(loadHandbook(dir, '2027-01-01').handbook!.edition).toBe('2027-01-01');
  });
});

describe('withdrawal', () => {
  /** conflicts 2.0 withdraws the policy on `on`, replaced by `by` (a new policy, client-money). */
  function withdrawn(on: string, extra: Record<string, string> = {}) {
    return content({
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: on, replacedBy: 'client-money' }),
      'policies/client-money/1.0.md': version({ related: '[conflicts]' }, 'Replaces [conflict checks](/policies/conflicts/) and [its history](/policies/conflicts/history/).'),
      ...extra,
    });
  }

  it('past: the policy leaves the lists, keeps its page, and every reference to it is a warning naming the replacement', () => {
    const dir = withdrawn('2026-10-01');
    const { handbook, issues, warnings } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    const conflicts = handbook!.bySlug.get('conflicts')!;
    expect(conflicts.withdrawal).toEqual({ on: '2026-10-01', replacedBy: 'client-money', past: true });
    expect(conflicts.versions.map((v) => [v.version, v.state])).toEqual([
      ['1.0', 'superseded'],
      ['2.0', 'withdrawn'],
    ]);
    expect(conflicts.current.version).toBe('2.0');
    // By title: "Client intake", "Client money".
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['intake', 'client-money']);
    expect(handbook!.chapters.map((c) => [c.chapter.id, c.policies.map((p) => p.slug)])).toEqual([['clients', ['intake', 'client-money']]]);
    expect(handbook!.withdrawn.map((p) => p.slug)).toEqual(['conflicts']);
    // The edition: the latest effective date among the versions in force (intake 1.10, 2025-06-01).
    expect(handbook!.edition).toBe('2025-06-01');
    // First the front matter (client-money's related, line 9), then the texts: client-money's
    // links (line 12) and the fixture's intake links (1.0 lines 13 and 14, 1.10 line 12).
    const note = 'policy "conflicts" was withdrawn on 2026-10-01, expected a policy in force: point to its replacement "client-money" instead.';
    expect(lines(dir, warnings)).toEqual([
      `policies/client-money/1.0.md:9 → related.0: Related ${note}`,
      `policies/client-money/1.0.md:12 → body: Link to "/policies/conflicts/": ${note}`,
      `policies/client-money/1.0.md:12 → body: Link to "/policies/conflicts/history/": ${note}`,
      `policies/intake/1.0.md:13 → body: Link to "../conflicts/1.0.md": ${note}`,
      `policies/intake/1.0.md:14 → body: Link to "/policies/conflicts/": ${note}`,
      `policies/intake/1.10.md:12 → body: Link to "../conflicts/1.0.md": ${note}`,
    ]);
  });

  it('scheduled: the policy still applies and is listed; references are warned about with the date to come', () => {
    const dir = withdrawn('2027-01-01');
    const { handbook, warnings } = loadHandbook(dir, TODAY);
    const conflicts = handbook!.bySlug.get('conflicts')!;
    expect(conflicts.withdrawal).toEqual({ on: '2027-01-01', replacedBy: 'client-money', past: false });
    expect(conflicts.versions.map((v) => v.state)).toEqual(['superseded', 'current']);
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['intake', 'client-money', 'conflicts']);
    expect(handbook!.withdrawn).toEqual([]);
    expect(lines(dir, warnings)[0]).toBe('policies/client-money/1.0.md:9 → related.0: Related policy "conflicts" will be withdrawn on 2027-01-01, expected a policy in force: point to its replacement "client-money" instead.');
  });

  it('without a replacement, the warning asks to remove the reference; the withdrawn policy may name itself', () => {
    const dir = content({
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: '2026-10-01', related: '[conflicts, intake]' }, 'This replaced [version 1.0](/policies/conflicts/1.0/).'),
    });
    const { handbook, warnings } = loadHandbook(dir, TODAY);
    expect(handbook!.bySlug.get('conflicts')!.withdrawal).toEqual({ on: '2026-10-01', past: true });
    // Its own related entry and link to its own version are not warned about; intake's links are.
    const note = 'policy "conflicts" was withdrawn on 2026-10-01, expected a policy in force: remove the reference or point to a policy in force.';
    expect(lines(dir, warnings)).toEqual([
      `policies/intake/1.0.md:13 → body: Link to "../conflicts/1.0.md": ${note}`,
      `policies/intake/1.0.md:14 → body: Link to "/policies/conflicts/": ${note}`,
      `policies/intake/1.10.md:12 → body: Link to "../conflicts/1.0.md": ${note}`,
    ]);
  });

  it('a replacement that is itself withdrawn, and an agreement citing a withdrawn policy, are warnings', () => {
    const dir = content({
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: '2026-10-01', replacedBy: 'intake' }),
      'policies/intake/2.0.md': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01', status: 'withdrawn', withdrawn: '2026-12-01' }),
      'agreements/engagement.mdx': '---\ntitle: Engagement\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\npolicies: [intake]\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n',
    });
    const { handbook, warnings } = loadHandbook(dir, TODAY);
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['intake']);
    // Front matter first (conflicts 1.0's related: [intake] on line 10, 2.0's replacedBy on 11),
    // then the texts (intake's links to conflicts, which names intake as its replacement), then
    // the agreement (its policies: on line 6).
    const soon = 'policy "intake" will be withdrawn on 2026-12-01, expected a policy in force: remove the reference or point to a policy in force.';
    const gone = 'policy "conflicts" was withdrawn on 2026-10-01, expected a policy in force: point to its replacement "intake" instead.';
    expect(lines(dir, warnings)).toEqual([
      `policies/conflicts/1.0.md:10 → related.0: Related ${soon}`,
      `policies/conflicts/2.0.md:11 → replacedBy: The replacement ${soon}`,
      `policies/intake/1.0.md:13 → body: Link to "../conflicts/1.0.md": ${gone}`,
      `policies/intake/1.0.md:14 → body: Link to "/policies/conflicts/": ${gone}`,
      `policies/intake/1.10.md:12 → body: Link to "../conflicts/1.0.md": ${gone}`,
      `agreements/engagement.mdx:6 → policies.0: Cited ${soon}`,
    ]);
  });

  it('a replacement must be another published policy', () => {
    const dir = content({
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: '2026-10-01', replacedBy: 'conflicts' }),
      'policies/intake/2.0.md': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01', status: 'withdrawn', withdrawn: '2026-12-01', replacedBy: 'client-money' }),
      'policies/client-money/1.0.md': version({ status: 'draft' }),
    });
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(handbook).toBeUndefined();
    expect(lines(dir, issues)).toEqual([
      'policies/conflicts/2.0.md:11 → replacedBy: A policy cannot replace itself, expected the slug of another published policy.',
      'policies/intake/2.0.md:11 → replacedBy: Unknown policy "client-money", expected the slug of another published policy.',
    ]);
  });
});

describe('what the handbook lists', () => {
  it('orders chapters and policies by their order, then title; active agreements likewise (a draft one left out); the edition is the latest in force', () => {
    const yaml = '  - id: staff\n    title: Staff\n    order: 0\n';
    const dir = content(
      {
        'policies/leave/1.0.md': version({ title: 'Leave', chapter: 'staff', order: '2', effective: '2026-02-01', lastReviewed: '2026-02-01', reviewEveryMonths: '12' }),
        'policies/expenses/1.0.md': version({ title: 'Expenses', chapter: 'staff', order: '2', effective: '2026-01-01', lastReviewed: '2026-01-01' }),
        'policies/onboarding/1.0.md': version({ title: 'Onboarding', chapter: 'staff', order: '1', effective: '2027-01-01', lastReviewed: '2026-11-01' }),
        'agreements/b.mdx': '---\ntitle: Beta terms\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\norder: 5\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n',
        'agreements/a.mdx': '---\ntitle: Alpha terms\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\norder: 5\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n',
        'agreements/c.mdx': '---\ntitle: Cover note\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\norder: 1\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n',
        'agreements/d.mdx': '---\ntitle: Draft terms\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\norder: 0\nstatus: draft\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n',
      },
      yaml,
    );
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    expect(handbook!.chapters.map((c) => [c.chapter.id, c.policies.map((p) => p.slug)])).toEqual([
      ['staff', ['onboarding', 'expenses', 'leave']],
      ['clients', ['intake', 'conflicts']],
    ]);
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['onboarding', 'expenses', 'leave', 'intake', 'conflicts']);
    expect(handbook!.agreements.map((a) => a.slug)).toEqual(['c', 'a', 'b']);
    // Onboarding (2027-01-01) is not in force yet; Leave's 2026-02-01 is the latest date in force.
    expect(handbook!.edition).toBe('2026-02-01');
    // A version's own interval wins over handbook.yaml's: 2026-02-01 + 12 months; Expenses: + 6.
    expect(handbook!.bySlug.get('leave')!.review).toEqual({ lastReviewed: '2026-02-01', everyMonths: 12, next: '2027-02-01', state: 'current' });
    expect(handbook!.bySlug.get('expenses')!.review).toEqual({ lastReviewed: '2026-01-01', everyMonths: 6, next: '2026-07-01', state: 'overdue' });
    expect(handbook!.dir).toBe(dir);
    expect(handbook!.today).toBe(TODAY);
    expect(handbook!.config.firm).toBe('Small & Plain Solicitors');
  });

  it('marks for Astro\'s compiler only the texts with code of their own, published or draft', () => {
    const dir = content(
      {
        'policies/intake/1.11.mdx': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01' }, 'Two and two make {2 + 2}.'),
        'policies/intake/2.0.mdx': version({ title: 'Client intake', status: 'draft', effective: '2027-01-01' }, 'Soon {1 + 1}.'),
        'policies/conflicts/1.1.mdx': version({ title: 'Conflict checks', effective: '2025-01-01', lastReviewed: '2025-01-01' }, 'Plain *MDX*.'),
      },
      'allowCode: true\n',
    );
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    expect([...handbook!.compiled]).toEqual(['policies/intake/1.11.mdx']);
    expect(handbook!.bySlug.get('intake')!.review.state).toBe('overdue');
  });

  it('a review due within the warning window, and content with problems, build nothing', () => {
    const dir = content({ 'policies/client-money/1.0.md': version({ lastReviewed: '2026-05-20' }) });
    const { handbook } = loadHandbook(dir, TODAY);
    // 2026-05-20 + 6 months = 2026-11-20: 5 days ahead, within handbook.yaml's 30.
    expect(handbook!.bySlug.get('client-money')!.review).toEqual({ lastReviewed: '2026-05-20', everyMonths: 6, next: '2026-11-20', state: 'due' });
    const broken = content({ 'policies/client-money/1.0.md': version({ chapter: 'nowhere' }) });
    const result = loadHandbook(broken, TODAY);
    expect(result.handbook).toBeUndefined();
    expect(lines(broken, result.issues)).toEqual(['policies/client-money/1.0.md:4 → chapter: Unknown chapter "nowhere", expected one of the chapter ids in handbook.yaml: clients.']);
  });
});

describe('the rules loadHandbook applies across files', () => {
  const agreement = (fields: string, body = '<Signature party="client" />') =>
    `---\ntitle: Engagement\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\n${fields}parties:\n  - id: client\n    label: Client\n---\n\n${body}\n`;

  it('a policy withdrawn today was withdrawn (on its day it no longer applies)', () => {
    const dir = content({ 'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: TODAY }) });
    const { handbook, warnings } = loadHandbook(dir, TODAY);
    expect(handbook!.bySlug.get('conflicts')!.withdrawal).toEqual({ on: TODAY, past: true });
    expect(lines(dir, warnings)[0]).toBe('policies/intake/1.0.md:13 → body: Link to "../conflicts/1.0.md": policy "conflicts" was withdrawn on 2026-11-15, expected a policy in force: remove the reference or point to a policy in force.');
    expect(warnings.map((w) => w.ruleId)).toEqual(['link-to-withdrawn', 'link-to-withdrawn', 'link-to-withdrawn']);
  });

  it('the withdrawal is read from the latest published version by number, not the last file or a later draft', () => {
    // Files in name order: 1.0, 1.10, 1.9, 2.0; by number 1.10 is the latest published version.
    const dir = content({
      'policies/conflicts/1.9.md': version({ title: 'Conflict checks', effective: '2024-06-01', lastReviewed: '2024-06-01' }),
      'policies/conflicts/1.10.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: '2026-10-01' }),
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', status: 'draft', effective: '2027-01-01' }),
    });
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    expect(handbook!.bySlug.get('conflicts')!.withdrawal).toEqual({ on: '2026-10-01', past: true });
    expect(handbook!.withdrawn.map((p) => p.slug)).toEqual(['conflicts']);
  });

  it('drafts are listed by slug, then by version number; a preview orders them by number too', () => {
    const dir = content({
      'policies/intake/10.0.md': version({ title: 'Client intake', status: 'draft', effective: '2028-01-01' }),
      'policies/intake/2.0.md': version({ title: 'Client intake', status: 'draft', effective: '2027-01-01' }),
      'policies/client-money/3.0.md': version({ status: 'draft' }),
    });
    expect(loadHandbook(dir, TODAY).handbook!.drafts.map((d) => `${d.slug} ${d.version}`)).toEqual(['client-money 3.0', 'intake 2.0', 'intake 10.0']);
    const preview = loadHandbook(dir, TODAY, undefined, { drafts: true }).handbook!;
    expect(preview.bySlug.get('intake')!.versions.map((v) => `${v.version} ${v.state}`)).toEqual(['1.0 superseded', '1.9 superseded', '1.10 current', '2.0 draft', '10.0 draft']);
  });

  it('each superseded version names the version that replaced it', () => {
    const { handbook } = loadHandbook(content({}), TODAY);
    expect(handbook!.bySlug.get('intake')!.versions.map((v) => v.supersededBy?.version)).toEqual(['1.9', '1.10', undefined]);
  });

  it('an active agreement may be linked to and cite a policy in force without a warning; its own problems are problems', () => {
    const fine = content({
      'agreements/engagement.mdx': agreement('policies: [intake]\n'),
      'policies/intake/1.11.md': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01' }, 'Sign [the engagement letter](/agreements/engagement/).'),
    });
    const loaded = loadHandbook(fine, TODAY);
    expect(loaded.issues).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.handbook!.agreements.map((a) => a.slug)).toEqual(['engagement']);

    const bad = content({ 'agreements/engagement.mdx': agreement('policies: [nowhere, intake]\n', '<Signature party="witness" />') });
    const result = loadHandbook(bad, TODAY);
    expect(result.handbook).toBeUndefined();
    expect(lines(bad, result.issues)).toEqual([
      'agreements/engagement.mdx:12 → parties: The text has <Signature party="witness" /> but no party "witness" is declared, expected one of: client.',
      'agreements/engagement.mdx:6 → policies.0: Unknown policy "nowhere", expected the slug of a published policy.',
    ]);
    expect(result.issues.map((i) => i.ruleId)).toEqual([expect.any(String), 'unknown-related']);
  });

  it('an agreement whose text cannot be read is reported once, not checked further', () => {
    const dir = content({ 'agreements/engagement.mdx': agreement('', 'Sign {here') });
    const { issues } = loadHandbook(dir, TODAY);
    expect(issues.map((i) => [relative(dir, i.file), i.field, i.ruleId])).toEqual([['agreements/engagement.mdx', 'body', 'body-syntax']]);
  });

  it('names every problem\'s rule, and lists the chapters a policy may name', () => {
    const dir = content(
      {
        'policies/a/1.0.md': version({ chapter: 'nowhere', related: '[nowhere]' }),
        'policies/b/1.0.md': version({ status: 'withdrawn', withdrawn: '2026-01-01', replacedBy: 'b' }),
      },
      '  - id: staff\n    title: Staff\n    order: 2\n',
    );
    const { issues } = loadHandbook(dir, TODAY);
    expect(lines(dir, issues)).toEqual([
      'policies/a/1.0.md:4 → chapter: Unknown chapter "nowhere", expected one of the chapter ids in handbook.yaml: clients, staff.',
      'policies/a/1.0.md:9 → related.0: Unknown policy "nowhere", expected the slug of a published policy (a folder in policies/ with an active version).',
      'policies/b/1.0.md:11 → replacedBy: A policy cannot replace itself, expected the slug of another published policy.',
    ]);
    expect(issues.map((i) => i.ruleId)).toEqual(['unknown-chapter', 'unknown-related', 'unknown-replacement']);
  });

  it('names the rule of each withdrawal warning', () => {
    const dir = content({
      'policies/conflicts/2.0.md': version({ title: 'Conflict checks', effective: '2025-06-01', lastReviewed: '2025-06-01', status: 'withdrawn', withdrawn: '2026-10-01', replacedBy: 'intake' }),
      'policies/intake/2.0.md': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01', status: 'withdrawn', withdrawn: '2026-12-01' }),
      'agreements/engagement.mdx': agreement('policies: [intake]\n'),
    });
    expect(loadHandbook(dir, TODAY).warnings.map((w) => w.ruleId)).toEqual(['related-withdrawn', 'replacement-withdrawn', 'link-to-withdrawn', 'link-to-withdrawn', 'link-to-withdrawn', 'related-withdrawn']);
  });

  it('refuses code in a text unless handbook.yaml allows it', () => {
    const files = { 'policies/intake/1.11.mdx': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01' }, 'Two and two make {2 + 2}.') };
    const refused = content(files);
    const { issues } = loadHandbook(refused, TODAY);
    expect(issues.map((i) => [relative(refused, i.file), i.line, i.ruleId])).toEqual([['policies/intake/1.11.mdx', 11, expect.stringMatching(/code/)]]);
    expect(loadHandbook(content(files, 'allowCode: true\n'), TODAY).issues).toEqual([]);
  });

  it('refuses code in a text when handbook.yaml cannot be read, along with the settings\' problem', () => {
    const dir = content({
      'handbook.yaml': 'title: Office Manual\nallowCode: true\n',
      'policies/intake/1.11.mdx': version({ title: 'Client intake', effective: '2025-07-01', lastReviewed: '2025-07-01' }, 'Two and two make {2 + 2}.'),
    });
    const { issues } = loadHandbook(dir, TODAY);
    expect(issues.filter((i) => relative(dir, i.file) === 'policies/intake/1.11.mdx').map((i) => [i.line, i.ruleId])).toEqual([[11, expect.stringMatching(/code/)]]);
    expect(issues.some((i) => relative(dir, i.file) === 'handbook.yaml')).toBe(true);
  });
});
