/** `astro build` (and so `npm run build`) stops on bad settings or content with a message and an exact exit code, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'handbook-build-errors-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(env: Record<string, string>) {
  const result = spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--outDir', out], {
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_CONTENT: 'tests/fixtures/minimal/content', HANDBOOK_TODAY: '2026-11-15', ...env },
  });
  return { code: result.status, log: result.stdout + result.stderr };
}

describe('the build names a bad variable and exits 2', () => {
  it.each([
    ['HANDBOOK_BASE', '/\\evil.example/', 'HANDBOOK_BASE is "/\\\\evil.example/", expected a path of plain segments'],
    ['HANDBOOK_BASE', '/../x/', 'HANDBOOK_BASE is "/../x/", expected a path of plain segments'],
    ['HANDBOOK_BASE', '/a b/', 'HANDBOOK_BASE is "/a b/", expected a path of plain segments'],
    ['HANDBOOK_SITE', 'javascript:alert(1)', 'HANDBOOK_SITE is "javascript:alert(1)", expected an https:// or http:// address.'],
    ['HANDBOOK_SITE', 'intranet', 'HANDBOOK_SITE is "intranet", expected a full address such as https://intranet.firm.example.'],
    ['HANDBOOK_TODAY', '2026-02-30', 'HANDBOOK_TODAY is "2026-02-30", expected a calendar date written YYYY-MM-DD.'],
  ])('%s=%s', (name, value, message) => {
    const { code, log } = build({ [name]: value });
    expect(code).toBe(2);
    expect(log).toContain(message);
    expect(log).not.toMatch(/Stack trace|\n\s+at /);
  }, 60_000);
});

describe('the build lists content problems and exits 1', () => {
  it('a content folder that does not exist', () => {
    const { code, log } = build({ HANDBOOK_CONTENT: join(out, 'nowhere') });
    expect(code).toBe(1);
    expect(log).toContain(`${join(out, 'nowhere')}: The content folder does not exist`);
    expect(log).not.toMatch(/Stack trace|\n\s+at /);
  }, 60_000);

  it('every problem of the errors fixture, and nothing after the list', () => {
    const { code, log } = build({ HANDBOOK_CONTENT: 'tests/fixtures/errors/content' });
    expect(code).toBe(1);
    expect(log).toContain('gamma/1.0.mdx:7 → efective: Unknown field "efective"');
    expect(log.trimEnd().endsWith('22 problems in the content.')).toBe(true);
    expect(log).not.toMatch(/Stack trace|\n\s+at /);
  }, 60_000);
});

describe('a text whose code throws while its page is built', () => {
  it('names the file and the expression\'s line, exits 1, and prints no stack trace', () => {
    // Not inside the output folder, which the build empties first.
    const content = mkdtempSync(join(tmpdir(), 'handbook-throws-'));
    onTestFinished(() => rmSync(content, { recursive: true, force: true }));
    cpSync('tests/fixtures/minimal/content', content, { recursive: true });
    writeFileSync(join(content, 'handbook.yaml'), `${readFileSync(join(content, 'handbook.yaml'), 'utf8')}allowCode: true\n`);
    // Frontmatter lines 1–10, a blank line, text on 12, the expression on 14.
    writeFileSync(
      join(content, 'policies/intake/1.11.mdx'),
      `---\ntitle: Client intake\nsummary: Taking on a client.\nchapter: clients\nowner: Practice Manager\napprovedBy: Partners\neffective: 2025-07-01\nlastReviewed: 2025-07-01\nchanges: [A sum.]\n---\n\nText before.\n\n{(() => { throw new Error("the sum does not add up") })()}\n\nText after.\n`,
    );
    const { code, log } = build({ HANDBOOK_CONTENT: content });
    expect(code).toBe(1);
    expect(log).toContain(
      `\n${relative(process.cwd(), join(content, 'policies/intake/1.11.mdx'))}:14 → body: The expression in the text failed while its page was built: the sum does not add up. Expected code that runs without an error (allowCode in handbook.yaml lets texts run code), or plain text instead.\nNothing was built.`,
    );
    expect(log).not.toMatch(/Stack trace|\n\s+at |\.mjs/);
  }, 120_000);
});
