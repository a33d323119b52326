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
