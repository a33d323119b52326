import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../../scripts/local-site.ts';

const NODE = join('node_modules', '.bin', 'node');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(NODE, ['scripts/handbook.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_TODAY: '2026-11-15', NO_COLOR: '1', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('handbook status', () => {
  // The sample on 15 November 2026 (counted by hand from content/): Legal and ethical obligations
  // is due for review on 20 January 2027 (due soon from 21 November), Roles and responsibilities on
  // 10 February 2027 (from 12 December), Scope and exceptions on 28 November 2026 (overdue from the 29th).
  it('defaults to today and the next 30 days, as text, exit 0', () => {
    const { code, out } = cli(['status']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Handbook status from 15 November 2026 to 15 December 2026 (31 days):',
        '',
        'Reviews becoming due soon (60 days before the review date)',
        '  21 November 2026   Legal and ethical obligations (review by 20 January 2027)',
        '  12 December 2026   Roles and responsibilities (review by 10 February 2027)',
        '',
        'Reviews becoming overdue',
        '  29 November 2026   Scope and exceptions (review by 28 November 2026)',
        '',
        'Already overdue on 15 November 2026: 4 policies (handbook review lists them).',
        '',
      ].join('\n'),
    );
  }, 120_000);
  it('--from --to --json: retention and disposal 2.1 takes effect on 1 February 2027', () => {
    const { code, out } = cli(['status', '--from', '2027-02-01', '--to', '2027-02-01', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      from: '2027-02-01',
      to: '2027-02-01',
      warnDays: 60,
      events: [{ date: '2027-02-01', kind: 'takes-effect', slug: 'retention-and-disposal', title: 'Retention and disposal of records', version: '2.1', replaces: '2.0' }],
      overdueOnFrom: expect.any(Array),
    });
  }, 120_000);
  it('says so when nothing happens', () => {
    const { code, out } = cli(['status', '--from', '2027-12-01', '--to', '2027-12-02']);
    expect(code).toBe(0);
    expect(out).toContain('Nothing takes effect or becomes due in this window.');
  }, 120_000);
  it('refuses a bad date or a window that ends before it starts, exit 2', () => {
    const bad = cli(['status', '--from', '2027-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from takes a date written YYYY-MM-DD, received "2027-02-30".');
    const backwards = cli(['status', '--from', '2027-02-01', '--to', '2027-01-01']);
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('--to (2027-01-01) is before --from (2027-02-01)');
  }, 120_000);
});

describe('handbook check', () => {
  it('passes on the sample', () => {
    const { code, out } = cli(['check']);
    expect(code).toBe(0);
    expect(out).toMatch(/Content is valid: \d+ policies/);
  });
  it('fails with every problem on bad content', () => {
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: 'tests/fixtures/errors/content' });
    expect(code).toBe(1);
    expect(err).toContain('gamma/1.0.mdx:7 → efective: Unknown field "efective"');
    expect(err).toContain('22 problems in the content.');
  });
  it('rejects an impossible HANDBOOK_TODAY', () => {
    const { code, err } = cli(['check'], { HANDBOOK_TODAY: '2026-02-30' });
    expect(code).toBe(2);
    expect(err).toContain('HANDBOOK_TODAY is "2026-02-30", expected a calendar date');
  });
  it('explains an unknown command', () => {
    const { code, err } = cli(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain('Unknown command "frobnicate"');
  });
});

describe('handbook review', () => {
  it('prints the table, overdue first', () => {
    const { code, out } = cli(['review']);
    expect(code).toBe(0);
    const lines = out.split('\n').filter((l) => /^(Review overdue|Review due soon|Reviewed) /.test(l));
    expect(lines[0]).toMatch(/^Review overdue/);
    expect(lines.at(-1)).toMatch(/^Reviewed/);
  });
  it('--fail-on overdue exits 1 when something is overdue, 0 otherwise', () => {
    expect(cli(['review', '--fail-on', 'overdue']).code).toBe(1);
    const minimal = (today: string, state: string) =>
      cli(['review', '--fail-on', state], { HANDBOOK_TODAY: today, HANDBOOK_CONTENT: 'tests/fixtures/minimal/content' }).code;
    // 2 June 2025: every review is months away. 15 November 2025: intake falls due on 1 December.
    expect(minimal('2025-06-02', 'due')).toBe(0);
    expect(minimal('2025-11-15', 'due')).toBe(1);
    expect(minimal('2025-11-15', 'overdue')).toBe(0);
    expect(minimal('2025-12-02', 'overdue')).toBe(1);
  });
  it('--json gives rows a script can read; --owner and --within filter', () => {
    const { out } = cli(['review', '--json', '--owner', 'IT Lead', '--within', '0']);
    const data = JSON.parse(out) as { policies: { owner: string; state: string }[] };
    expect(data.policies.length).toBeGreaterThan(0);
    expect(data.policies.every((p) => p.owner === 'IT Lead' && p.state === 'overdue')).toBe(true);
  });
  it('rejects a bad --fail-on value with exit 2', () => {
    const { code, err } = cli(['review', '--fail-on', 'soon']);
    expect(code).toBe(2);
    expect(err).toContain('--fail-on takes "overdue" or "due"');
  });
});

describe('handbook new and version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-cli-'));
  cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('new scaffolds a draft policy and refuses to overwrite it', () => {
    expect(cli(['new', 'complaints'], { HANDBOOK_CONTENT: dir }).code).toBe(0);
    // Plain Markdown: it builds faster, and a new policy uses no component.
    const file = join(dir, 'policies/complaints/1.0.md');
    expect(readFileSync(file, 'utf8')).toContain('status: draft');
    expect(existsSync(join(dir, 'policies/complaints/1.0.mdx'))).toBe(false);
    const again = cli(['new', 'complaints'], { HANDBOOK_CONTENT: dir });
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists: nothing was written');
    expect(cli(['check'], { HANDBOOK_CONTENT: dir }).code).toBe(0);
  });

  it('version copies the latest text into the next version, dated today, with empty changes', () => {
    expect(cli(['version', 'intake'], { HANDBOOK_CONTENT: dir }).code).toBe(0);
    const text = readFileSync(join(dir, 'policies/intake/1.11.md'), 'utf8');
    expect(text).toContain('effective: 2026-11-15');
    expect(text).toContain('changes: []');
    expect(text).toContain('Within two working days');
    const again = cli(['version', 'intake'], { HANDBOOK_CONTENT: dir });
    expect(again.code).toBe(1);
    expect(again.err).toContain('is already a draft');
    expect(existsSync(join(dir, 'policies/intake/1.12.md'))).toBe(false);
  });

  it.each([
    ['plain text', '1.1.md', 'Plain text, with a [link](/reviews/).\n'],
    ['a JSX element', '1.1.mdx', 'A line<br />break.\n'],
    ['a paragraph MDX reads differently (Markdown would make it code)', '1.1.mdx', 'Text.\n\n    indented, a paragraph in MDX\n'],
  ])('version of an .mdx text with %s writes %s', (_, expected, body) => {
    const slug = `mdx-${body.length}`;
    mkdirSync(join(dir, 'policies', slug));
    const front = ['title: Notes', 'summary: Notes.', 'chapter: clients', 'owner: Practice Manager', 'approvedBy: Partners', 'effective: 2025-01-01', 'lastReviewed: 2025-01-01', 'changes: [First.]'];
    writeFileSync(join(dir, 'policies', slug, '1.0.mdx'), `---\n${front.join('\n')}\n---\n\n${body}`);
    expect(cli(['version', slug], { HANDBOOK_CONTENT: dir }).code).toBe(0);
    expect(readdirSync(join(dir, 'policies', slug)).sort()).toEqual(['1.0.mdx', expected]);
  });

  it('version of an unknown policy exits 2', () => {
    const { code, err } = cli(['version', 'nope'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(2);
    expect(err).toContain('Unknown policy "nope"');
  });
});

describe('handbook diff', () => {
  it('prints plain markers when piped', () => {
    const { code, out } = cli(['diff', 'secure-communication', '1.0', '2.0']);
    expect(code).toBe(0);
    expect(out).toContain('[-Facsimile remains an acceptable channel');
    expect(out).toMatch(/\[\+.*client portal.*\+\]/);
    expect(out).not.toContain('\u001b[');
  });
  it('gives JSON with the metadata and the redline', () => {
    const data = JSON.parse(cli(['diff', 'secure-communication', '1.0', '2.1', '--format', 'json']).out) as { redline: { identical: boolean; summary: { wordsAdded: number } } };
    expect(data.redline.identical).toBe(false);
    expect(data.redline.summary.wordsAdded).toBeGreaterThan(0);
  });
  it.each([
    [['diff', 'nope', '1.0', '2.0'], 'Unknown policy "nope"'],
    [['diff', 'secure-communication', '1.0', '9.9'], 'has no version 9.9, published or draft'],
    [['diff', 'secure-communication', '2.0', '2.0'], 'Both versions are 2.0'],
    [['diff', 'secure-communication', '2.0', '1.0'], 'is newer than 1.0'],
    [['diff', 'secure-communication', '1.0', '2.0', '--format', 'pdf'], '--format takes one of'],
  ])('%j exits 2', (args, message) => {
    const { code, err } = cli(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

/** The environment without Vitest's own variables, as a shell would have it. */
function withoutVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
}

describe('handbook build, dev and preview', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'handbook-site-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  /** The CLI run in an empty folder, as a firm would, with the repository's Node 22. */
  const inEmptyFolder = (args: string[]) => {
    const result = spawnSync(join(process.cwd(), NODE), [join(process.cwd(), 'scripts', 'handbook.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HANDBOOK_TODAY: '2026-11-15', NO_COLOR: '1' } });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  it('build lists every content problem, exits 1 and writes nothing', () => {
    const { code, err } = inEmptyFolder(['build', '--content', join(process.cwd(), 'tests/fixtures/errors/content')]);
    expect(err).toContain('gamma/1.0.mdx:7 → efective: Unknown field "efective"');
    expect(err).toContain('22 problems in the content.');
    expect(err).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
    expect(existsSync(join(cwd, 'dist'))).toBe(false);
    // Nor a half-built folder beside it.
    expect(readdirSync(cwd)).toEqual([]);
  }, 120_000);
  it.each([
    [['build'], `There is no content folder at ${join(cwd, 'content')}: run this where content/ is, or give --content DIR.`],
    [['build', '--content'], '--content takes a folder, e.g. `--content content`.'],
    [['dev', '--port', '99999', '--content', '.'], '--port takes a port number from 1 to 65535, received "99999".'],
    [['preview'], `No built site in ${join(cwd, 'dist')}: run \`build\` first.`],
  ])('%j exits 2 with a message', (args, message) => {
    const { code, err } = inEmptyFolder(args);
    expect(err.split('\n')[0]).toBe(message);
    expect(code).toBe(2);
  });
  it('dev serves the folder and shows an edit on the next request, even when the shell says NODE_ENV=production', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'handbook-dev-cli-'));
    cpSync('tests/fixtures/minimal/content', join(folder, 'content'), { recursive: true });
    const port = await freePort();
    const server = spawn(join(process.cwd(), NODE), [join(process.cwd(), 'scripts', 'handbook.ts'), 'dev', '--port', String(port)], {
      cwd: folder,
      // Vite's names (BASE_URL, MODE, DEV, PROD, SSR) that Vitest sets stay: the command sets them
      // aside. VITEST itself goes: with it, Astro's dev server behaves as under a test runner.
      env: { ...withoutVitest(), NODE_ENV: 'production', HANDBOOK_TODAY: '2026-11-15', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk));
    server.stderr.on('data', (chunk: Buffer) => (log += chunk));
    onTestFinished(async () => {
      if (server.exitCode === null) await new Promise((done) => server.once('exit', done).kill('SIGINT'));
      rmSync(folder, { recursive: true, force: true });
    });
    const logged = async (text: string) => {
      while (!log.includes(text)) {
        if (server.exitCode !== null) throw new Error(`dev stopped:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const page = async () => (await fetch(`http://localhost:${port}/policies/intake/`)).text();
    await logged(`localhost:${port}`);
    expect(await page()).not.toContain('Zebra crossings');
    writeFileSync(join(folder, 'content/policies/intake/1.10.md'), `${readFileSync(join(folder, 'content/policies/intake/1.10.md'), 'utf8')}\nZebra crossings are out of scope.\n`);
    await logged('changed: pages show it now.');
    expect(await page()).toContain('Zebra crossings are out of scope.');
  }, 180_000);
});
