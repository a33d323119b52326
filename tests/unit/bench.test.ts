import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHandbook } from '../../scripts/bench/generate.ts';
import { pageKind } from '../../scripts/bench/pages.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const temp = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(join(d, e.name).slice(dir.length), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('bench: synthetic handbook', () => {
  const options = { policies: 12, versions: 3, deep: 15, seed: 7, today: TODAY };
  const a = generateHandbook(join(temp, 'a'), options);

  it('passes the content check, with every version published and current or superseded', () => {
    const { handbook, issues } = loadHandbook(a.dir, TODAY);
    expect(issues).toEqual([]);
    expect(handbook!.policies).toHaveLength(13);
    expect(handbook!.policies.reduce((n, p) => n + p.versions.length, 0)).toBe(12 * 3 + 15);
    expect(handbook!.policies.flatMap((p) => p.upcoming)).toEqual([]);
    expect(handbook!.agreements.length).toBeGreaterThanOrEqual(2);
    expect(a.versionFiles).toBe(51);
  });

  it('writes bodies of about 800 words with headings, tables, lists and task lists', () => {
    expect(a.meanWords).toBeGreaterThan(650);
    expect(a.meanWords).toBeLessThan(1000);
    const text = [...files(a.dir).values()].join('\n');
    for (const pattern of [/^## /m, /^### /m, /^\| --- \|/m, /^- [A-Z]/m, /^1\. /m, /^- \[[ x]\] /m]) expect(text).toMatch(pattern);
  });

  it('is deterministic for a seed, and revisions change only part of the text', () => {
    const b = generateHandbook(join(temp, 'b'), options);
    expect(files(b.dir)).toEqual(files(a.dir));
    const c = generateHandbook(join(temp, 'c'), { ...options, seed: 8 });
    expect(files(c.dir)).not.toEqual(files(a.dir));
    const { handbook } = loadHandbook(a.dir, TODAY);
    const [v1, v2] = handbook!.policies.find((p) => p.versions.length === 3)!.versions;
    const lines1 = new Set(v1!.body.split('\n'));
    const lines2 = v2!.body.split('\n');
    const kept = lines2.filter((l) => lines1.has(l)).length / lines2.length;
    expect(kept).toBeGreaterThan(0.7);
    expect(kept).toBeLessThan(1);
  });
});

describe('bench: page kinds', () => {
  it('classifies output paths and logged routes', () => {
    expect(pageKind('policies/intake/index.html')).toBe('policy');
    expect(pageKind('/policies/intake/2.10/index.html')).toBe('version');
    expect(pageKind('policies/intake/history/index.html')).toBe('history');
    expect(pageKind('/policies/intake/compare/1.0/2.0/index.html')).toBe('compare');
    expect(pageKind('index.html')).toBe('other');
    expect(pageKind('agreements/staff/index.html')).toBe('other');
  });
});

// The whole benchmark on a small handbook: two real production builds (20 and 2 policies),
// about 30 s on a 2-core machine. It checks the JSON has every figure, not the budgets.
describe('npm run bench --json', () => {
  it('reports every figure', { timeout: 300_000 }, () => {
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--policies', '20', '--versions', '2', '--json'], {
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    const result = JSON.parse(run.stdout);
    const finite = (value: unknown, what: string) => expect(Number.isFinite(value), `${what} = ${String(value)}`).toBe(true);

    for (const label of ['main', 'small'] as const) {
      const r = result.runs[label];
      const at = `runs.${label}`;
      expect(r.policies).toBe(label === 'main' ? 20 : 2);
      finite(r.versionFiles, `${at}.versionFiles`);
      finite(r.check.cliWallMs, `${at}.check.cliWallMs`);
      finite(r.check.inProcessMs, `${at}.check.inProcessMs`);
      for (const key of ['wallMs', 'peakMemoryMiB', 'peakTreeSampledMiB']) finite(r.build[key], `${at}.build.${key}`);
      expect(r.build.wallMs).toBeGreaterThan(0);
      expect(r.build.peakMemoryMiB).toBeGreaterThan(0);
      if (existsSync('/usr/bin/time')) for (const key of ['peakProcessMiB', 'cpuUserMs', 'cpuSystemMs']) finite(r.build[key], `${at}.build.${key}`);
      for (const stage of ['startupAndCheckMs', 'contentSyncMs', 'astroSetupMs', 'bundleMs', 'renderMs', 'searchIndexMs', 'finishMs']) {
        finite(r.build.stages[stage], `${at}.build.stages.${stage}`);
      }
      for (const kind of ['policy', 'version', 'history', 'compare', 'other']) {
        finite(r.output.pages[kind], `${at}.output.pages.${kind}`);
        finite(r.build.renderMsByKind[kind], `${at}.build.renderMsByKind.${kind}`);
      }
      expect(r.output.pages.policy).toBe(r.policies);
      expect(r.output.pages.version).toBe(r.versionFiles);
      expect(r.output.pages.total).toBeGreaterThan(0);
      finite(r.build.pagefind.pages, `${at}.build.pagefind.pages`);
      finite(r.msPerVersionFile, `${at}.msPerVersionFile`);
      for (const key of ['bytes', 'htmlBytes', 'searchIndexBytes']) expect(r.output[key], `${at}.output.${key}`).toBeGreaterThan(0);
      expect(r.output.largestHtml.path).toMatch(/\.html$/);
      expect(r.output.largestHtml.bytes).toBeGreaterThan(0);
      expect(r.output.policyPageHtml.largestBytes).toBeGreaterThan(0);
      expect(r.output.policyPageJs.page).toMatch(/^policies\/[^/]+\/index\.html$/);
      finite(r.output.policyPageJs.gzipBytes, `${at}.output.policyPageJs.gzipBytes`);
      if (existsSync('/usr/bin/chromium')) {
        finite(r.search.firstMs, `${at}.search.firstMs (${r.search.note})`);
        finite(r.search.laterMedianMs, `${at}.search.laterMedianMs`);
        expect(r.search.results[0]).toBeGreaterThan(0);
      }
    }
    expect(result.scaling).toMatchObject({ fromPolicies: 2, toPolicies: 20 });
    finite(result.scaling.buildWallRatio, 'scaling.buildWallRatio');
    expect(result.deep).toBeNull();
    expect(result.redline.wordsOld).toBeGreaterThan(4500);
    // The engine exists: a missing module, a load error or a throw (each only a note in the report) fails here.
    expect(result.redline.note).toBeUndefined();
    expect(result.redline.module).toBe('src/lib/diff.ts');
    finite(result.redline.medianMs, 'redline.medianMs');

    const budgets = ['buildWall', 'buildMemory', 'msPerVersionFile', 'scaling', 'deepHistory', 'deepPages', 'policyPageHtml', 'policyPageJs', 'searchFirst', 'searchLater', 'redline'];
    expect(Object.keys(result.budgets).sort()).toEqual([...budgets].sort());
    for (const name of budgets) {
      const b = result.budgets[name];
      finite(b.budget, `budgets.${name}.budget`);
      expect([true, false, null], `budgets.${name}.met`).toContain(b.met);
      if (b.met === null) expect(b.note, `budgets.${name}.note`).toBeTruthy();
    }
    expect(result.budgets.deepHistory.met).toBeNull();
    expect(result.keptDir).toBeNull();
  });
});
