/** The CLI given hostile or malformed content and arguments: inert output, a message, an exact exit code. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case starts the CLI (about 1 s alone, far more on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

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

describe('no stack traces: a message naming the file or variable, exit 1 for content, 2 for usage', () => {
  it('a YAML alias bomb in handbook.yaml is a content problem', () => {
    const dir = content('yaml-bomb', (d) => {
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
      writeFileSync(join(d, 'handbook.yaml'), `${readFileSync(join(d, 'handbook.yaml'), 'utf8')}${bomb}\n`);
    });
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    expect(err).toMatch(/handbook\.yaml:1: The YAML cannot be read: .*alias/i);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a duplicate chapter id is reported beside another mistake in handbook.yaml', () => {
    const dir = content('duplicate-chapter', (d) => {
      const yaml = readFileSync(join(d, 'handbook.yaml'), 'utf8').replace('feedback: manual@small.example', 'feedback: not-an-address');
      writeFileSync(join(d, 'handbook.yaml'), `${yaml}  - id: clients\n    title: Clients again\n    order: 2\n`);
    });
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    expect(err).toMatch(/handbook\.yaml:3 → feedback: Expected an e-mail address/);
    expect(err).toMatch(/handbook\.yaml:7 → chapters\.1\.id: Chapter id "clients" is used twice, expected each chapter once\./);
  });

  it('new --chapter with a chapter that does not exist writes nothing and exits 2', () => {
    const dir = content('new-chapter');
    const { code, err } = cli(['new', 'client-money', '--chapter', 'nope'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(2);
    expect(err).toContain('Unknown chapter "nope": expected one of the chapter ids in handbook.yaml: clients.');
    expect(() => readFileSync(join(dir, 'policies/client-money/1.0.mdx'))).toThrow();
  });

  it('check with an argument exits 2 instead of ignoring it', () => {
    const { code, err } = cli(['check', 'extra']);
    expect(code).toBe(2);
    expect(err).toContain('Unexpected argument "extra".');
  });

  it.each([['review', '--within='], ['review', '--owner='], ['new', 'x-y', '--title='], ['pdf', '--site=']])('%s %s (an empty value) exits 2', (...args) => {
    const { code, err } = cli(args);
    expect(code).toBe(2);
    expect(err).toContain(`${args.at(-1)!.replace('=', '')} was given an empty value.`);
  });

  it('a bad site.base in handbook.yaml is a content problem with its line', () => {
    const dir = content('site-base', (d) => writeFileSync(join(d, 'handbook.yaml'), `${readFileSync(join(d, 'handbook.yaml'), 'utf8')}site:\n  base: /\\evil.example/\n  url: javascript:alert(1)\n`));
    const { code, err } = cli(['check'], { HANDBOOK_CONTENT: dir });
    expect(code).toBe(1);
    expect(err).toContain('handbook.yaml:11 → site.base: Received "/\\\\evil.example/", expected a path of plain segments');
    expect(err).toContain('handbook.yaml:11 → site.url: Received "javascript:alert(1)", expected an https:// or http:// address.');
  });
});
