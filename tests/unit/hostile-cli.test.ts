/** The CLI given hostile or malformed content and arguments: inert output, a message, an exact exit code. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NODE = join('node_modules', '.bin', 'node');
const work = mkdtempSync(join(tmpdir(), 'handbook-hostile-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(NODE, ['scripts/handbook.ts', ...args], { encoding: 'utf8', env: { ...process.env, HANDBOOK_TODAY: '2026-11-15', NO_COLOR: '1', ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A copy of the minimal fixture, changed by `edit(dir)`. */
function content(name: string, edit: (dir: string) => void = () => {}): string {
  const dir = join(work, name);
  cpSync('tests/fixtures/minimal/content', dir, { recursive: true });
  edit(dir);
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

const ESC = '\u001b';
/** A title that would retitle the terminal window and clear the screen. */
const HOSTILE = `Intake${ESC}]0;pwned\u0007${ESC}[2J`;

describe('terminal output is inert', () => {
  it('review shows escape sequences in titles and owners escaped', () => {
    const dir = content('terminal-review', (d) => {
      replaceIn(join(d, 'policies/intake/1.10.md'), 'title: Client intake', `title: ${JSON.stringify(HOSTILE)}`);
      replaceIn(join(d, 'policies/intake/1.10.md'), 'owner: Practice Manager', `owner: "Practice${ESC}[31m Manager"`);
    });
    const { code, out } = cli(['review', '--within', '100000'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(0);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).toContain('Intake\\x1b]0;pwned\\x07\\x1b[2J');
    expect(out).toContain('Practice\\x1b[31m Manager');
  });

  it('check shows escape sequences in the values it quotes escaped', () => {
    const dir = content('terminal-check', (d) => replaceIn(join(d, 'policies/intake/1.10.md'), 'Plain Markdown,', `<a href="/no-such-page-${ESC}[2J/">See</a> Plain Markdown,`));
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    expect(err).not.toContain(ESC);
    expect(err).toContain('Link to "/no-such-page-\\x1b[2J/"');
  });
});

describe('check refuses what has no place in policy text', () => {
  const IMPORT = 'import secret from "../../../../../../etc/passwd?raw"\n\nThe file says {secret}.\n';
  const withImport = (d: string) => writeFileSync(join(d, 'policies/conflicts/1.1.mdx'), `${readFileSync(join(d, 'policies/conflicts/1.0.md'), 'utf8').replace('effective: 2024-01-10', 'effective: 2024-02-10')}\n${IMPORT}`);

  it('an import and an expression in MDX, by default: exit 1, file, line and field', () => {
    const dir = content('code-refused', withImport);
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    // The copied file is 13 lines and a blank one: the import is on line 15.
    expect(err).toMatch(/policies\/conflicts\/1\.1\.mdx:15 → body: MDX code is not allowed in content \(import or export: import secret from/);
    expect(err).toMatch(/policies\/conflicts\/1\.1\.mdx:17 → body: MDX code is not allowed in content \(expression: \{secret\}\)/);
    expect(err).toContain('2 problems in the content.');
  });

  it('the same content passes when handbook.yaml sets allowCode: true', () => {
    const dir = content('code-allowed', (d) => {
      withImport(d);
      writeFileSync(join(d, 'handbook.yaml'), `${readFileSync(join(d, 'handbook.yaml'), 'utf8')}allowCode: true\n`);
    });
    const { code, out } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(0);
    expect(out).toContain('Content is valid');
  });

  it('a meta refresh that would send readers to another host', () => {
    const dir = content('meta-refresh', (d) => replaceIn(join(d, 'policies/intake/1.10.md'), 'Plain Markdown,', '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\nPlain Markdown,'));
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    expect(err).toContain('policies/intake/1.10.md:12 → body: The <meta> element is not allowed in policy or agreement text');
    expect(err).toContain('policies/intake/1.10.md:12 → body: The http-equiv attribute on <meta> is not allowed');
  });
});
