/**
 * The dev server's reading (src/integrations/dev-reading.ts): files stay read until the watcher
 * says they changed, and a reading from kept files is the reading from disk.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevReading } from '../../src/integrations/dev-reading.ts';
import type { FileReadings } from '../../src/lib/content.ts';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const folders: string[] = [];

/** A copy of the workflow fixture's content, removed after the test. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-reading-'));
  folders.push(dir);
  cpSync('tests/fixtures/workflow/content', dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bodyOf = (reading: DevReading, slug: string) => reading.handbook()!.bySlug.get(slug)!.current.body;

describe('DevReading', () => {
  it('reads a file again only once told it changed', () => {
    const dir = copy();
    const gifts = join(dir, 'policies/gifts/1.0.mdx');
    const reading = new DevReading(dir, TODAY);
    const first = reading.handbook();
    expect(bodyOf(reading, 'gifts')).toContain('Record every gift');
    // Nothing said: the same reading, whatever is on disk.
    writeFileSync(gifts, readFileSync(gifts, 'utf8').replace('Record every gift', 'Note every gift'));
    expect(reading.handbook()).toBe(first);
    // Another file changed: a new reading, but this file's text is still the one read before.
    reading.changed(join(dir, 'policies/expenses/1.0.md'));
    expect(reading.handbook()).not.toBe(first);
    expect(bodyOf(reading, 'gifts')).toContain('Record every gift');
    reading.changed(gifts);
    expect(bodyOf(reading, 'gifts')).toContain('Note every gift');
  });

  it('sees files added and removed, a whole folder dropped, and problems, keeping the last good handbook', () => {
    const dir = copy();
    const reading = new DevReading(dir, TODAY);
    const added = join(dir, 'policies/gifts/1.1.mdx');
    writeFileSync(added, readFileSync(join(dir, 'policies/gifts/1.0.mdx'), 'utf8').replace('effective: 2025-03-03', 'effective: 2026-06-01'));
    reading.changed(added);
    expect(reading.handbook()!.bySlug.get('gifts')!.versions.map((v) => v.version)).toEqual(['1.0', '1.1']);

    rmSync(join(dir, 'policies/travel'), { recursive: true });
    reading.changed(join(dir, 'policies/travel'));
    expect(reading.handbook()!.bySlug.has('travel')).toBe(false);

    const good = reading.handbook();
    writeFileSync(added, 'no frontmatter');
    reading.changed(added);
    expect(reading.current().handbook).toBeUndefined();
    expect(formatIssues(reading.current().issues)).toContain('gifts/1.1.mdx');
    expect(reading.handbook()).toBe(good);
  });

  it('ignores paths outside its folder', () => {
    const dir = copy();
    const reading = new DevReading(dir, TODAY);
    const first = reading.handbook();
    reading.changed(join(dir, '..', 'elsewhere.md'));
    expect(reading.handbook()).toBe(first);
  });
});

describe('loadHandbook with kept file readings', () => {
  it('gives the same problems, in the same order, as a reading from disk', () => {
    const dir = 'tests/fixtures/errors/content';
    const cache: FileReadings = new Map();
    const fresh = formatIssues(loadHandbook(dir, TODAY).issues);
    expect(formatIssues(loadHandbook(dir, TODAY, undefined, { cache }).issues)).toBe(fresh);
    // Every file named as a version or an agreement (alpha/v2.mdx is not): 2 agreements, 8 versions.
    expect(cache.size).toBe(10);
    expect(formatIssues(loadHandbook(dir, TODAY, undefined, { cache }).issues)).toBe(fresh);
  });

  it('never keeps text given as an override', () => {
    const dir = copy();
    const cache: FileReadings = new Map();
    const path = 'policies/gifts/1.0.mdx';
    const text = readFileSync(join(dir, path), 'utf8').replace('Record every gift', 'Note every gift');
    const overridden = loadHandbook(dir, TODAY, new Map([[path, text]]), { cache }).handbook!;
    expect(overridden.bySlug.get('gifts')!.current.body).toContain('Note every gift');
    expect(cache.has(path)).toBe(false);
    expect(loadHandbook(dir, TODAY, undefined, { cache }).handbook!.bySlug.get('gifts')!.current.body).toContain('Record every gift');
  });
});
