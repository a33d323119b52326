import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'handbook-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(content: string, extra: Record<string, string> = {}, flags: string[] = []) {
  return spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--outDir', out, ...flags], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-15', ...extra },
  });
}

describe('the production build', () => {
  it('stops on bad content with every problem, each naming its file and field', () => {
    const result = build('tests/fixtures/errors/content');
    const log = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(log).toContain('22 problems in the content.');
    for (const expected of [
      'alpha/1.0.mdx → owner',
      'alpha/1.0.mdx:6 → effective',
      'alpha/v2.mdx: File name "v2.mdx" is not a version',
      'beta/1.0.md:4 → chapter',
      'beta/1.0.md:9 → related.0',
      'beta/1.1.md:7 → effective',
      'gamma/1.0.mdx:7 → efective',
      'gamma/1.0.mdx:10 → status',
      'epsilon/1.0.md:11 → body',
      'bad.mdx:9 → fields.1.name',
      'zeta/1.0.mdx:11 → body: The MDX cannot be read',
      'epsilon/1.0.md:13 → body: Link to "/about-us/"',
    ]) {
      expect(log).toContain(expected);
    }
  }, 120_000);

  it('builds another firm\'s plain-Markdown folder, resolving its relative links under a base path', () => {
    // A BASE_URL in the environment (Vitest sets one) is not the site's base: Vite would let it
    // override import.meta.env.BASE_URL, and the pages' own links lost the base path.
    // --verbose logs what Astro's telemetry does: a build sends no usage report.
    const result = build('tests/fixtures/minimal/content', { HANDBOOK_BASE: '/manual/', BASE_URL: '/elsewhere/' }, ['--verbose']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('astro:telemetry [record] telemetry has been disabled');
    const page = readFileSync(join(out, 'policies/intake/1.0/index.html'), 'utf8');
    expect(page).toContain('data-base="/manual/"');
    expect(page).toContain('<a href="/manual/changes/"');
    expect(page).toContain('<a href="/manual/policies/intake/history/">');
    expect(page).not.toContain('/elsewhere/');
    expect(page).toContain('href="/manual/policies/conflicts/1.0/"');
    expect(page).toContain('href="/manual/policies/conflicts/"');
    expect(page).toContain('href="https://example.com/"');
    expect(existsSync(join(out, 'policies/intake/compare/1.9/1.10/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'policies/intake/index.html'), 'utf8')).toContain('Version 1.10');
  }, 180_000);

  it('builds a content folder that moved, with a compiled text Astro has cached from its old place', () => {
    const first = mkdtempSync(join(tmpdir(), 'handbook-moved-'));
    cpSync('tests/fixtures/minimal/content', first, { recursive: true });
    writeFileSync(join(first, 'handbook.yaml'), `${readFileSync(join(first, 'handbook.yaml'), 'utf8')}allowCode: true\n`);
    // An expression makes the text one Astro compiles; its words are the same in both places.
    writeFileSync(
      join(first, 'policies/intake/1.11.mdx'),
      '---\ntitle: Client intake\nsummary: Taking on a client.\nchapter: clients\nowner: Practice Manager\napprovedBy: Partners\neffective: 2025-07-01\nlastReviewed: 2025-07-01\nchanges: [A sum.]\n---\n\nTwo and two make {2 + 2}, says the moved folder.\n',
    );
    expect(build(first).status).toBe(0);
    const second = mkdtempSync(join(tmpdir(), 'handbook-moved-'));
    onTestFinished(() => rmSync(second, { recursive: true, force: true }));
    cpSync(first, second, { recursive: true });
    rmSync(first, { recursive: true, force: true });
    const result = build(second);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(join(out, 'policies/intake/index.html'), 'utf8')).toContain('Two and two make 4, says the moved folder.');
  }, 180_000);
});
