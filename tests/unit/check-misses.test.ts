/**
 * Problems `check` (loadHandbook) once missed, and the draft rules: each a content problem with
 * file, line and field. Every case writes its own copy of the minimal fixture.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const work = mkdtempSync(join(tmpdir(), 'handbook-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** Frontmatter of a valid version in the fixture's only chapter. */
function version(fields: Record<string, string> = {}): string {
  const data = { title: 'Client money', summary: 'Handling client money.', chapter: 'clients', owner: 'Finance Partner', approvedBy: 'Partners', effective: '2025-03-01', lastReviewed: '2025-03-01', ...fields };
  return `---\n${Object.entries(data).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
}

/** Loads a copy of the minimal fixture with `files` (path → text or bytes) added; returns the problems as lines, paths relative to the copy. */
function check(files: Record<string, string | Buffer>): string[] {
  const dir = join(work, String(count++));
  cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const { issues } = loadHandbook(dir, TODAY);
  return issues.map((i) => formatIssue({ ...i, file: relative(dir, i.file) })).sort();
}

describe('problems check once missed', () => {
  it('a JSX <a href> to a missing policy and to a draft version ', () => {
    const problems = check({
      'policies/conflicts/2.0.md': version({ status: 'draft', effective: '2026-12-01' }),
      'policies/intake/1.11.mdx': `${version({ effective: '2025-07-01' })}\nText.\n\n<a href="/policies/nope/">Nope</a> and <a href="/policies/conflicts/2.0/">the draft</a>\n`,
    });
    expect(problems).toEqual([
      'policies/intake/1.11.mdx:13 → body: Link to "/policies/conflicts/2.0/": policy "conflicts" has no published version 2.0, expected one of 1.0.',
      'policies/intake/1.11.mdx:13 → body: Link to "/policies/nope/": there is no published policy "nope", expected the slug of a policy in policies/.',
    ]);
  });

  it('a JSX <a href> to a page that exists: a Markdown link is asked for, as the build would not add the base path', () => {
    expect(check({ 'policies/intake/1.11.mdx': `${version({ effective: '2025-07-01' })}\n<a href="/policies/conflicts/">Conflicts</a> and <a href="https://firm.example/">the firm</a>\n` })).toEqual([
      'policies/intake/1.11.mdx:11 → body: Link to "/policies/conflicts/" written as a JSX <a> element: the build cannot add the base path to it, expected a Markdown link such as [text](/policies/conflicts/).',
    ]);
  });

  it('2.1.md beside 2.1.mdx: one version written twice', () => {
    expect(check({ 'policies/intake/2.1.md': version({ effective: '2025-09-01' }), 'policies/intake/2.1.mdx': version({ effective: '2025-10-01' }) })).toEqual([
      'policies/intake/2.1.mdx: Version 2.1 is written twice, as 2.1.md and 2.1.mdx, expected one file per version.',
    ]);
  });

  it('2.1.MDX and an agreement .MD: files the build would skip', () => {
    expect(check({ 'policies/intake/2.1.MDX': version({ effective: '2025-09-01' }), 'policies/intake/notes.txt': 'fine' })).toEqual([
      'policies/intake/2.1.MDX: File name "2.1.MDX" would be skipped, expected a version file ending in lower-case .mdx or .md.',
    ]);
  });

  it('a relative link or image that leaves the content folder', () => {
    expect(check({ 'policies/intake/1.11.md': `${version({ effective: '2025-07-01' })}\n[Passwords](../../../../../etc/passwd)\n\n![Key](../../../key.png)\n` })).toEqual([
      'policies/intake/1.11.md:11 → body: Link to "../../../../../etc/passwd": it leaves the content folder, expected a file inside it (a policy version, an agreement or an image beside the text).',
      'policies/intake/1.11.md:13 → body: Image "../../../key.png": it leaves the content folder, expected a file inside it (a policy version, an agreement or an image beside the text).',
    ]);
  });

  it('a missing image beside the text', () => {
    expect(check({ 'policies/intake/1.11.md': `${version({ effective: '2025-07-01' })}\n![Flow](./flow.png)\n` })).toEqual([
      'policies/intake/1.11.md:11 → body: Image "./flow.png": there is no file policies/intake/flow.png in the content folder, expected a relative path to a policy version (../<slug>/<version>.mdx), an agreement or an image.',
    ]);
  });

  it('a file that is not UTF-8 (Latin-1 é on line 12), and one in UTF-16', () => {
    const latin1 = Buffer.concat([Buffer.from(`${version({ effective: '2025-07-01' })}\nFirst line.\nCaf`), Buffer.from([0xe9]), Buffer.from('.\n')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(version({ effective: '2025-08-01' }), 'utf16le')]);
    expect(check({ 'policies/intake/1.11.md': latin1, 'policies/intake/1.12.md': utf16 })).toEqual([
      'policies/intake/1.11.md:12: The file is not UTF-8 text, expected UTF-8: save it as "UTF-8" in your editor.',
      'policies/intake/1.12.md:1: The file is not UTF-8 text (it is UTF-16), expected UTF-8: save it as "UTF-8" in your editor.',
    ]);
  });
});

describe('links to headings', () => {
  it('#clause on the same page and /policies/x/#clause must name a heading that exists', () => {
    const body = [
      '## Scope',
      '',
      'See [scope](#scope), [the second scope](#scope-1), [nothing](#clause) and [Money rules](#money-rules).',
      '',
      '## Scope',
      '',
      'Also [conflicts](/policies/conflicts/#clause), [conflicts 1.0](/policies/conflicts/1.0/#clause) and [a file](../conflicts/1.0.md#clause).',
      '',
      '### Money *rules*',
    ].join('\n');
    expect(check({ 'policies/intake/1.11.md': `${version({ effective: '2025-07-01' })}\n${body}\n` })).toEqual([
      'policies/intake/1.11.md:13 → body: Link to "#clause": this page has no heading with the id "clause", expected one of: #scope, #scope-1, #money-rules.',
      'policies/intake/1.11.md:17 → body: Link to "../conflicts/1.0.md#clause": version 1.0 of "conflicts" has no heading with the id "clause", expected one of: (no headings).',
      'policies/intake/1.11.md:17 → body: Link to "/policies/conflicts/#clause": version 1.0 of "conflicts" has no heading with the id "clause", expected one of: (no headings).',
      'policies/intake/1.11.md:17 → body: Link to "/policies/conflicts/1.0/#clause": version 1.0 of "conflicts" has no heading with the id "clause", expected one of: (no headings).',
    ]);
  });

  it('a policy\'s own address opens the version in force: a heading only in an upcoming version is not there yet', () => {
    const problems = check({
      'policies/conflicts/2.0.md': `${version({ title: 'Conflict checks', effective: '2027-01-01' })}\n## New duty\n`,
      'policies/intake/1.11.md': `${version({ effective: '2025-07-01' })}\n[Duty](/policies/conflicts/#new-duty) and [in 2.0](/policies/conflicts/2.0/#new-duty)\n`,
    });
    expect(problems).toEqual(['policies/intake/1.11.md:11 → body: Link to "/policies/conflicts/#new-duty": version 1.0 of "conflicts" has no heading with the id "new-duty", expected one of: (no headings).']);
  });
});

describe('draft rules', () => {
  it('a link to a policy whose only version is a draft is a problem; the draft is neither checked nor published', () => {
    const dir = join(work, 'drafts');
    cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
    mkdirSync(join(dir, 'policies/client-money'));
    // The draft has a broken link of its own: drafts are not checked, so it is not reported.
    writeFileSync(join(dir, 'policies/client-money/1.0.md'), `${version({ status: 'draft' })}\n[Nowhere](/policies/nowhere/)\n`);
    writeFileSync(join(dir, 'policies/intake/1.11.md'), `${version({ effective: '2025-07-01' })}\nSee [client money](/policies/client-money/) and [its text](../client-money/1.0.md).\n`);
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(handbook).toBeUndefined();
    expect(issues.map(formatIssue).map((l) => l.replace(`${relative(process.cwd(), dir)}/`, ''))).toEqual([
      'policies/intake/1.11.md:11 → body: Link to "/policies/client-money/": there is no published policy "client-money", expected the slug of a policy in policies/.',
      'policies/intake/1.11.md:11 → body: Link to "../client-money/1.0.md": there is no published policy "client-money", expected the slug of a policy in policies/.',
    ]);
    // Without the links, the handbook loads and has no trace of the draft.
    writeFileSync(join(dir, 'policies/intake/1.11.md'), version({ effective: '2025-07-01' }));
    const clean = loadHandbook(dir, TODAY);
    expect(clean.issues).toEqual([]);
    expect(clean.handbook!.bySlug.has('client-money')).toBe(false);
    expect(clean.handbook!.policies.map((p) => p.slug).sort()).toEqual(['conflicts', 'intake']);
  });

  it('a draft agreement is left out, and a link to it is a problem', () => {
    const dir = join(work, 'draft-agreement');
    cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
    mkdirSync(join(dir, 'agreements'));
    writeFileSync(join(dir, 'agreements/engagement.mdx'), '---\ntitle: Engagement\nsummary: Terms.\nversion: "1.0"\neffective: 2025-01-01\nstatus: draft\nparties:\n  - id: client\n    label: Client\n---\n\n<Signature party="client" />\n');
    writeFileSync(join(dir, 'policies/intake/1.11.md'), `${version({ effective: '2025-07-01' })}\nSign [the engagement letter](/agreements/engagement/).\n`);
    const { issues } = loadHandbook(dir, TODAY);
    expect(issues.map(formatIssue).map((l) => l.replace(`${relative(process.cwd(), dir)}/`, ''))).toEqual([
      'policies/intake/1.11.md:11 → body: Link to "/agreements/engagement/": there is no agreement "engagement", expected the name of a file in agreements/.',
    ]);
    writeFileSync(join(dir, 'policies/intake/1.11.md'), version({ effective: '2025-07-01' }));
    expect(loadHandbook(dir, TODAY).handbook!.agreements).toEqual([]);
  });

  it('a policy not yet in force: its first version is current-to-be, upcoming, and still published', () => {
    const dir = join(work, 'not-yet');
    cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
    writeFileSync(join(dir, 'policies/intake/1.11.md'), version({ effective: '2025-07-01' }));
    mkdirSync(join(dir, 'policies/client-money'));
    writeFileSync(join(dir, 'policies/client-money/1.0.md'), version({ effective: '2027-01-01', lastReviewed: '2026-11-01' }));
    const { handbook, issues } = loadHandbook(dir, TODAY);
    expect(issues).toEqual([]);
    const policy = handbook!.bySlug.get('client-money')!;
    expect(policy.versions.map((v) => [v.version, v.state])).toEqual([['1.0', 'upcoming']]);
    expect(policy.current.version).toBe('1.0');
    expect(policy.upcoming.map((v) => v.version)).toEqual(['1.0']);
    // Not in force, so it sets no edition: the edition is the latest effective date among versions in force.
    expect(handbook!.edition).toBe('2025-07-01');
  });
});
