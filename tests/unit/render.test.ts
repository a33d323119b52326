/**
 * Texts rendered straight from the model (src/data/render.ts) must come out byte for byte as
 * Astro's own MDX compiler renders them: each folder is built both ways (the second with
 * HANDBOOK_RENDER=compiler, every text through Astro's content collections as before) and every
 * file of the two sites compared, pages, "On this page" lists and assets alike.
 *
 * The Word downloads are compared too: they are dated on the build's today, with their ids in
 * order, so two builds of the same content on the same day write the same bytes.
 *
 * The fixture has no fenced code: Shiki gives up tokenising a line after a time limit, so on a
 * busy machine a highlighted block can differ between any two builds, whichever way they render.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'handbook-render-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(content: string, outDir: string, extra: Record<string, string> = {}): void {
  // Vitest's NODE_ENV=test would make Astro's build think it is the dev server.
  const { NODE_ENV: _, ...env } = process.env;
  const result = spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-15', HANDBOOK_RENDER: '', ...extra },
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

describe('texts rendered from the model', () => {
  it.each([
    ['the sample', 'content', 'policies/access-control/index.html'],
    ['the rendering fixture', 'tests/fixtures/rendering/content', 'policies/markup/1.1/index.html'],
  ])('are byte-identical to Astro\'s compiled output for %s', (_, content, page) => {
    const fromModel = join(out, `${content.replaceAll('/', '-')}-model`);
    const compiled = join(out, `${content.replaceAll('/', '-')}-compiled`);
    build(content, fromModel);
    build(content, compiled, { HANDBOOK_RENDER: 'compiler' });
    const a = files(fromModel);
    const b = files(compiled);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
    const first = differ[0];
    if (first) {
      const [x, y] = [a.get(first)!.toString('utf8'), b.get(first)!.toString('utf8')];
      let i = 0;
      while (x[i] === y[i]) i++;
      expect.soft(x.slice(i - 200, i + 200), `${first} from the model`).toBe(y.slice(i - 200, i + 200));
    }
    expect(differ).toEqual([]);
    // The comparison is of real text: the page holds its rendered body and its contents list.
    const html = a.get(page)!.toString('utf8');
    expect(html).toMatch(/<nav class="toc"[^>]*>.*On this page/);
    expect(html).toMatch(/<div class="prose">\s*<div class="heading-wrap heading-h2"><h2 id="/);
  }, 300_000);
});
