/**
 * The production build (scripts/build-site.ts) is all or nothing, and nothing only a draft uses
 * reaches the output.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-swap-'));
const content = join(work, 'content');
const out = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A 1×1 PNG, written by hand (it only has to be an image Vite will copy).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DRAFT_WORD = 'quokkadraftonly';

/** Every file under a folder, relative to it. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

const env = (dir: string) => ({ ...process.env, HANDBOOK_CONTENT: dir, HANDBOOK_TODAY: '2026-11-15', HANDBOOK_BASE: '/' });

beforeAll(() => {
  cpSync('tests/fixtures/minimal/content', content, { recursive: true });
  // A draft version that shows an image nothing else uses, and whose text holds a word found nowhere else.
  writeFileSync(join(content, 'policies/intake/draft-diagram.png'), PNG);
  writeFileSync(
    join(content, 'policies/intake/2.0.md'),
    `---\ntitle: Client intake\nsummary: Draft.\nchapter: clients\nowner: Compliance Officer\napprovedBy: Partners\neffective: 2027-01-01\nlastReviewed: 2026-01-01\nstatus: draft\n---\n\n${DRAFT_WORD} ![Diagram](./draft-diagram.png)\n`,
  );
});

describe('the production build (scripts/build-site.ts)', () => {
  it('puts nothing only a draft uses in the output: no image, no text', async () => {
    expect(await buildSite({ outDir: out, env: env(content), stdio: 'ignore' })).toBe(0);
    const built = files(out);
    expect(built).toContain('index.html');
    expect(built.filter((f) => /draft-diagram/.test(f) || f.endsWith('.png'))).toEqual([]);
    expect(built.filter((f) => readFileSync(join(out, f)).includes(DRAFT_WORD))).toEqual([]);
    expect(built.filter((f) => f.startsWith('.prerender'))).toEqual([]);
  }, 240_000);

  it('leaves the previous site untouched when a build fails, and no half-built folder beside it', async () => {
    const before = new Map(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(before.size).toBeGreaterThan(10);
    // A published version whose text cannot render: the content check stops the build.
    const broken = join(work, 'broken');
    cpSync(content, broken, { recursive: true });
    writeFileSync(join(broken, 'policies/intake/1.10.md'), readFileSync(join(broken, 'policies/intake/1.10.md'), 'utf8').replace('title:', 'titel:'));
    expect(await buildSite({ outDir: out, env: env(broken), stdio: 'ignore' })).toBe(1);
    expect(new Map(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['broken', 'content', 'dist']);
  }, 240_000);
});
