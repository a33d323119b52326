/**
 * The editor's workflow on the tests/fixtures/workflow handbook: drafts checked as warnings,
 * the approval redline to a draft, publish, and a policy withdrawn on 1 December 2026.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setFrontmatterFields } from '../../src/lib/frontmatter.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { reviewRows } from '../../src/lib/review-table.ts';

const FIXTURE = 'tests/fixtures/workflow/content';
const NODE = join('node_modules', '.bin', 'node');

function cli(args: string[], content = FIXTURE, today = '2026-11-15') {
  const result = spawnSync(NODE, ['scripts/handbook.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: today, NO_COLOR: '1' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const copies: string[] = [];
/** A private copy of the fixture for a command that writes. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-workflow-'));
  copies.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a policy withdrawn on 1 December 2026 (petty-cash, replaced by expenses)', () => {
  it('applies, listed everywhere, the day before', () => {
    const { handbook } = loadHandbook(FIXTURE, '2026-11-30');
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['petty-cash', 'expenses', 'gifts']);
    expect(handbook!.withdrawn).toEqual([]);
    const pettyCash = handbook!.bySlug.get('petty-cash')!;
    expect(pettyCash.withdrawal).toEqual({ on: '2026-12-01', replacedBy: 'expenses', past: false });
    expect(pettyCash.current.state).toBe('current');
    expect(reviewRows(handbook!).map((r) => r.slug)).toContain('petty-cash');
  });
  it('leaves the navigation and the review rows on the day, keeping its versions', () => {
    const { handbook } = loadHandbook(FIXTURE, '2026-12-01');
    expect(handbook!.policies.map((p) => p.slug)).toEqual(['expenses', 'gifts']);
    expect(handbook!.chapters[0]!.policies.map((p) => p.slug)).toEqual(['expenses', 'gifts']);
    expect(handbook!.withdrawn.map((p) => p.slug)).toEqual(['petty-cash']);
    const pettyCash = handbook!.bySlug.get('petty-cash')!;
    expect(pettyCash.versions.map((v) => `${v.version} ${v.state}`)).toEqual(['1.0 superseded', '1.1 withdrawn']);
    expect(pettyCash.current.version).toBe('1.1');
    // By next review: gifts on 3 March 2027, expenses on 1 October 2027.
    expect(reviewRows(handbook!).map((r) => r.slug)).toEqual(['gifts', 'expenses']);
  });
  it('makes links and references to it warnings, worded for before and after the date', () => {
    const before = loadHandbook(FIXTURE, '2026-11-30').warnings.filter((w) => w.message.includes('petty-cash'));
    const after = loadHandbook(FIXTURE, '2026-12-01').warnings.filter((w) => w.message.includes('petty-cash'));
    const gifts = `${FIXTURE}/policies/gifts/1.0.md`;
    expect(before.map((w) => [w.file, w.line, w.field, w.ruleId])).toEqual([
      [gifts, 11, 'related.0', 'related-withdrawn'],
      [gifts, 16, 'body', 'link-to-withdrawn'],
    ]);
    expect(before[1]!.message).toBe('Link to "/policies/petty-cash/": policy "petty-cash" will be withdrawn on 2026-12-01, expected a policy in force: point to its replacement "expenses" instead.');
    expect(after[1]!.message).toBe('Link to "/policies/petty-cash/": policy "petty-cash" was withdrawn on 2026-12-01, expected a policy in force: point to its replacement "expenses" instead.');
  });
  it('refuses a withdrawal on an older version, or one without a date, naming file, line and field', () => {
    const dir = copy();
    const file = join(dir, 'policies/petty-cash/1.0.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('effective: 2025-01-06', 'effective: 2025-01-06\nstatus: withdrawn\nwithdrawn: 2025-06-01'));
    const older = loadHandbook(dir, '2026-11-15').issues.map((i) => [i.line, i.field, i.ruleId]);
    expect(older).toEqual([[9, 'status', 'withdrawn-not-latest']]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('withdrawn: 2025-06-01', 'replacedBy: gifts'));
    const { issues } = loadHandbook(dir, '2026-11-15');
    expect(issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [undefined, 'withdrawn', 'Missing the withdrawal date, expected `withdrawn: YYYY-MM-DD` with `status: withdrawn`.'],
    ]);
  });
});

describe('setFrontmatterFields', () => {
  it('changes only the values it sets and adds missing fields after the one before', () => {
    const source = '---\n# a comment\ntitle: "Quoted"   # kept\nstatus: draft  # set me\neffective: 2026-01-01\nchanges:\n  - one\n---\nBody {x}\n';
    expect(setFrontmatterFields(source, [['status', 'withdrawn'], ['withdrawn', '2027-01-04'], ['replacedBy', 'gifts']])).toBe(
      '---\n# a comment\ntitle: "Quoted"   # kept\nstatus: withdrawn  # set me\nwithdrawn: 2027-01-04\nreplacedBy: gifts\neffective: 2026-01-01\nchanges:\n  - one\n---\nBody {x}\n',
    );
  });
  it('appends a missing field at the end of the frontmatter, keeping CRLF line ends', () => {
    expect(setFrontmatterFields('---\r\ntitle: A\r\n---\r\nText\r\n', [['status', 'active']])).toBe('---\r\ntitle: A\r\nstatus: active\r\n---\r\nText\r\n');
  });
});

describe('handbook check on drafts', () => {
  const draftProblem = `${FIXTURE}/policies/expenses/1.1.md:19 → body: Link to "/policies/company-cards/": there is no published policy "company-cards", expected the slug of a policy in policies/.`;
  it('reports a draft\'s broken link as a warning and exits 0', () => {
    const { code, out, err } = cli(['check']);
    expect(code).toBe(0);
    expect(out).toBe(`Content is valid: 3 policies (4 published versions), 2 draft versions, 0 agreements in ${join(process.cwd(), FIXTURE)}.\n`);
    expect(err).toContain(`${draftProblem}\n`);
    expect(err).toContain('3 warnings in the content. `check --strict` fails on them.');
  });
  it('fails with --strict, with the same list', () => {
    const { code, out, err } = cli(['check', '--strict']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${draftProblem}\n`);
    expect(err).toContain('3 warnings in the content. With --strict, warnings fail the check.');
  });
  it('counts the withdrawn policy apart after its date', () => {
    expect(cli(['check'], FIXTURE, '2026-12-01').out).toBe(`Content is valid: 2 policies (2 published versions), 1 withdrawn, 2 draft versions, 0 agreements in ${join(process.cwd(), FIXTURE)}.\n`);
  });
});

describe('handbook diff to a draft', () => {
  it('redlines the published version against the draft, marked as a draft', () => {
    const { code, out } = cli(['diff', 'expenses', '1.0', '1.1']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Expenses: version 1.0 (2025-01-06) → 1.1 DRAFT (not published; would take effect 2026-12-01)');
    expect(out).toContain('[+Small amounts are paid with the firm\'s marigold card; see the card rules.+]');
    const json = JSON.parse(cli(['diff', 'expenses', '1.0', '1.1', '--format', 'json']).out) as { drafts: string[] };
    expect(json.drafts).toEqual(['1.1']);
  });
  it('names drafts among the versions it knows', () => {
    const { code, err } = cli(['diff', 'expenses', '1.0', '1.2']);
    expect(code).toBe(2);
    expect(err).toContain('Policy "expenses" has no version 1.2, published or draft: expected one of 1.0, 1.1.');
  });
});

describe('handbook publish', () => {
  it('publishes the latest draft, touching that file\'s status and effective date only', () => {
    const dir = copy();
    const file = join(dir, 'policies/travel/1.0.md');
    const before = readFileSync(file, 'utf8');
    const others = readFileSync(join(dir, 'policies/expenses/1.1.md'), 'utf8');
    const { code, out } = cli(['publish', 'travel', '--effective', '2026-12-07'], dir);
    expect(code).toBe(0);
    expect(out).toContain('Published version 1.0 of "travel"');
    expect(out).toContain('takes effect on 7 December 2026.');
    expect(readFileSync(file, 'utf8')).toBe(before.replace('effective: 2026-12-01', 'effective: 2026-12-07').replace('status: draft', 'status: active'));
    expect(readFileSync(join(dir, 'policies/expenses/1.1.md'), 'utf8')).toBe(others);
    expect(loadHandbook(dir, '2026-12-07').handbook!.bySlug.get('travel')!.current.state).toBe('current');
  });
  it('refuses a draft with problems, printing them, and writes nothing', () => {
    const dir = copy();
    const file = join(dir, 'policies/expenses/1.1.md');
    const before = readFileSync(file, 'utf8');
    const { code, out, err } = cli(['publish', 'expenses'], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('policies/expenses/1.1.md:19 → body: Link to "/policies/company-cards/": there is no published policy "company-cards"');
    expect(err).toContain('Publishing refused: nothing was written.');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
  it('says when there is no draft', () => {
    const { code, err } = cli(['publish', 'gifts']);
    expect(code).toBe(1);
    expect(err).toBe('Policy "gifts" has no draft to publish. Start one with: npm run handbook -- version gifts\n');
  });
});

describe('handbook retire', () => {
  it('writes the withdrawal into the latest version, keeping everything else, and lists what still points to it', () => {
    const dir = copy();
    const file = join(dir, 'policies/petty-cash/1.1.md');
    // Bring petty-cash back first (the fixture has it withdrawn), then retire it with the command.
    const original = readFileSync(file, 'utf8');
    const active = original.replace('status: withdrawn\nwithdrawn: 2026-12-01\nreplacedBy: expenses\n', 'status: active\n');
    writeFileSync(file, active);
    const { code, out, err } = cli(['retire', 'petty-cash', '--on', '2026-12-01', '--replaced-by', 'expenses'], dir);
    expect(code).toBe(0);
    expect(out).toContain('Policy "petty-cash" is withdrawn from 1 December 2026, replaced by "expenses"');
    expect(err).toContain('policies/gifts/1.0.md:16 → body: Link to "/policies/petty-cash/"');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
  it.each([
    [['retire', 'petty-cash', '--on', '2027-01-01'], 1, 'Policy "petty-cash" is already withdrawn on 2026-12-01'],
    [['retire', 'gifts', '--on', '2025-03-03'], 1, 'the withdrawal must come after that, expected --on later than 2025-03-03'],
    [['retire', 'gifts', '--on', '2027-01-01', '--replaced-by', 'nope'], 1, 'replacedBy: Unknown policy "nope"'],
    [['retire', 'gifts'], 2, 'Give the day the policy stops applying with --on YYYY-MM-DD.'],
    [['retire', 'gifts', '--on', '2027-02-30'], 2, '--on takes a calendar date written YYYY-MM-DD, received "2027-02-30".'],
    [['retire', 'nope', '--on', '2027-01-01'], 2, 'Unknown policy "nope"'],
    [['retire', 'travel', '--on', '2027-01-01'], 1, 'has never been published'],
  ])('%j exits %i', (args, exit, message) => {
    const dir = copy();
    const before = readFileSync(join(dir, 'policies/gifts/1.0.md'), 'utf8');
    const { code, err } = cli(args, dir);
    expect(code).toBe(exit);
    expect(err).toContain(message);
    expect(readFileSync(join(dir, 'policies/gifts/1.0.md'), 'utf8')).toBe(before);
  });
});
