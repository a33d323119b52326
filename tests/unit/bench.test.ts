import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHandbook } from '../../scripts/bench/generate.ts';
import { pageKind } from '../../scripts/bench/pages.ts';
import { summarizeProfiles, type CpuProfile } from '../../scripts/bench/profile.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';

/** This process's environment without what Vitest and Vite add to it. */
function shellEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(name)) delete env[name];
  return env;
}
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
    expect(pageKind('/policies/intake/2.10/intake-2.10.docx/')).toBe('version');
    expect(pageKind('/policies/intake/2.10/blocks.json')).toBe('version');
    expect(pageKind('/policies/intake/compare/1.0/2.0/intake-1.0-to-2.0.docx/')).toBe('compare');
    expect(pageKind('policies/history/index.html')).toBe('policy');
    expect(pageKind('feed.xml')).toBe('other');
  });
});

describe('bench: CPU profile summary', () => {
  const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });
  // Two processes. Self time per sample is its time delta (µs); idle time is not CPU time.
  const one: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(garbage collector)') },
      { id: 3, callFrame: frame('renderPage', 'file:///w/node_modules/astro/dist/core/render.js') },
      { id: 4, callFrame: frame('compile', 'file:///w/node_modules/@astrojs/mdx/dist/index.js') },
      { id: 5, callFrame: frame('(idle)') },
    ],
    samples: [3, 3, 2, 4, 5, 3],
    timeDeltas: [1000, 2000, 3000, 4000, 50_000, 1000],
  };
  const two: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('readFileSync', 'node:fs') },
      { id: 2, callFrame: frame('loadHandbook', 'file:///tmp/project-main/src/lib/model.ts') },
      { id: 3, callFrame: frame('renderJSX', 'file:///tmp/project-main/.dist-building-t7V3bf/.prerender/chunks/jsx-runtime_vyJTft7A.mjs') },
    ],
    samples: [1, 2, 2, 3],
    timeDeltas: [1000, 1000, 1000, 500],
  };

  it('adds self time by package and by function over every process, without idle time', () => {
    const summary = summarizeProfiles([one, two]);
    // astro 1+2+1, mdx 4, GC 3, src 2, node 1, a bundled chunk 0.5: 14.5 ms.
    expect(summary).toMatchObject({ profiles: 2, sampledMs: 15, garbageCollectionMs: 3 });
    expect(summary.topGroups.map((c) => [c.name, c.selfMs, c.share])).toEqual([
      ['astro', 4, 0.276],
      ['@astrojs/mdx', 4, 0.276],
      ['garbage collection', 3, 0.207],
      ['project src/', 2, 0.138],
      ['Node.js core', 1, 0.069],
    ]);
    expect(summary.topFunctions[0]).toEqual({ name: 'renderPage render.js:10', group: 'astro', selfMs: 4, share: 0.276 });
    expect(summarizeProfiles([one, two], 6).topGroups.at(-1)).toEqual({ name: 'build chunk jsx-runtime', group: 'build chunk jsx-runtime', selfMs: 1, share: 0.034 });
    expect(summarizeProfiles([one, two], 2).topGroups).toHaveLength(2);
  });
});

// The whole benchmark on a tiny handbook, run once for the tests below: three real production
// builds (the handbook at 1 and 2 policies, the plain-Astro baseline at 2), the searches on both
// sites, the dev server, the CLI. The slowest unit test: 1¼–3 minutes on the shared 2-core machine
// (load 8–18), most of it start-ups. The tests check that every figure is there and how figures
// are derived, never the wall-clock budgets.
describe('npm run bench --json', () => {
  let result: any;
  let stderr = '';
  beforeAll(() => {
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--policies', '2', '--versions', '2', '--json'], {
      encoding: 'utf8',
      timeout: 400_000,
      // As from a shell: without the variables Vitest sets for its own code (NODE_ENV, BASE_URL, …).
      env: { ...shellEnv(), NO_COLOR: '1' },
    });
    stderr = run.stderr;
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    result = JSON.parse(run.stdout);
  }, 420_000);
  const finite = (value: unknown, what: string) => expect(Number.isFinite(value), `${what} = ${String(value)}`).toBe(true);

  it('reports every figure', () => {
    for (const label of ['main', 'small'] as const) {
      const r = result.runs[label];
      const at = `runs.${label}`;
      expect(r.policies).toBe(label === 'main' ? 2 : 1);
      finite(r.versionFiles, `${at}.versionFiles`);
      finite(r.check.cliWallMs, `${at}.check.cliWallMs`);
      finite(r.check.inProcessMs, `${at}.check.inProcessMs`);
      for (const key of ['wallMs', 'peakMemoryMiB', 'peakTreeSampledMiB']) finite(r.build[key], `${at}.build.${key}`);
      expect(r.build.wallMs).toBeGreaterThan(0);
      expect(r.build.peakMemoryMiB).toBeGreaterThan(0);
      if (existsSync('/usr/bin/time')) for (const key of ['peakProcessMiB', 'cpuUserMs', 'cpuSystemMs']) finite(r.build[key], `${at}.build.${key}`);
      for (const stage of ['startupAndCheckMs', 'contentSyncMs', 'astroSetupMs', 'bundleMs', 'renderMs', 'wordFilesMs', 'searchIndexMs', 'finishMs']) {
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
    expect(result.scaling).toMatchObject({ fromPolicies: 1, toPolicies: 2 });
    finite(result.scaling.buildWallRatio, 'scaling.buildWallRatio');
    expect(result.deep).toBeNull();
    expect(result.redline.wordsOld).toBeGreaterThan(4500);
    // The engine exists: a missing module, a load error or a throw (each only a note in the report) fails here.
    expect(result.redline.note).toBeUndefined();
    expect(result.redline.module).toBe('src/lib/diff.ts');
    finite(result.redline.medianMs, 'redline.medianMs');
    expect(result.profile).toBeNull();
    expect(result.keptDir).toBeNull();
  });

  it('builds the plain-Astro baseline from the same texts, one version each, and searches it with the same words', () => {
    const { baseline, runs } = result;
    expect(baseline.build.exitCode).toBe(0);
    expect(baseline.texts).toBe(runs.main.policies);
    // One page per text and the home page; Pagefind indexes the texts' pages.
    expect(baseline.htmlPages).toBe(2 + 1);
    expect(baseline.indexedPages).toBe(2);
    expect(baseline.searchIndexBytes).toBeGreaterThan(0);
    expect(stderr).toContain('baseline-2: plain Astro + MDX + Pagefind, npm run build (2 texts)');
    if (existsSync('/usr/bin/chromium')) {
      expect(baseline.search.terms).toEqual(runs.main.search.terms);
      finite(baseline.search.firstMs, `baseline.search.firstMs (${baseline.search.note})`);
      finite(baseline.search.laterMedianMs, 'baseline.search.laterMedianMs');
      // Two texts need not hold the first word; they hold some of the ten.
      expect(Math.max(...baseline.search.results)).toBeGreaterThan(0);
    }
  });

  it('computes the CPU ratio from the two builds\' CPU figures', () => {
    const { baseline, runs, cpuRatio } = result;
    if (!existsSync('/usr/bin/time')) return expect(cpuRatio.ratio).toBeNull();
    const ours = runs.main.build.cpuUserMs + runs.main.build.cpuSystemMs;
    const theirs = baseline.build.cpuUserMs + baseline.build.cpuSystemMs;
    expect(ours).toBeGreaterThan(0);
    expect(theirs).toBeGreaterThan(0);
    expect(cpuRatio).toMatchObject({ handbookCpuMs: ours, baselineCpuMs: theirs, versionFiles: 4, baselineTexts: 2, profiled: false });
    expect(cpuRatio.ratio).toBeCloseTo(ours / 4 / (theirs / 2), 2);
    expect(result.budgets.cpuRatio.value).toBe(cpuRatio.ratio);
  });

  it('reports every budget of issue 17 with its figure, limit and verdict', () => {
    // The limits as issue 17 states them (1.8 GB read as GiB, the unit of the issue's own figures).
    const issue17: Record<string, number> = {
      buildWall: 35_000, buildMemory: 1843, cpuRatio: 1.5, scaling: 10, searchFirst: 200, searchLater: 30,
      searchFirstVsBaseline: 1.1, searchLaterVsBaseline: 1.1, help: 300, checkSample: 1000, diff60: 1000, devEdit: 1000, devOtherPages: 100,
    };
    const older = ['msPerVersionFile', 'deepHistory', 'deepPages', 'policyPageHtml', 'policyPageJs', 'redline'];
    expect(Object.keys(result.budgets).sort()).toEqual([...Object.keys(issue17), ...older].sort());
    for (const [name, limit] of Object.entries(issue17)) {
      const b = result.budgets[name];
      expect(b.issue, name).toBe(17);
      expect(b.budget, name).toBe(limit);
      if (name.startsWith('search') && !existsSync('/usr/bin/chromium')) continue;
      if (name === 'cpuRatio' && !existsSync('/usr/bin/time')) continue;
      finite(b.value, `budgets.${name}.value (${b.note})`);
      expect(b.met, name).toBe(b.value <= limit);
    }
    for (const name of older) {
      const b = result.budgets[name];
      finite(b.budget, `budgets.${name}.budget`);
      expect([true, false, null], `budgets.${name}.met`).toContain(b.met);
      if (b.met === null) expect(b.note, `budgets.${name}.note`).toBeTruthy();
    }
    expect(result.budgets.deepHistory.met).toBeNull();

    // Each figure is the one measured.
    const { runs, baseline, dev, cli } = result;
    expect(result.budgets.buildWall.value).toBe(runs.main.build.wallMs);
    expect(result.budgets.buildMemory.value).toBe(Math.max(runs.main.build.peakProcessMiB ?? 0, runs.main.build.peakTreeSampledMiB));
    expect(result.budgets.scaling.value).toBeCloseTo(runs.main.build.wallMs / runs.small.build.wallMs, 2);
    if (existsSync('/usr/bin/chromium')) {
      expect(result.budgets.searchLaterVsBaseline.value).toBeCloseTo(runs.main.search.laterMedianMs / baseline.search.laterMedianMs, 2);
      expect(result.budgets.searchFirstVsBaseline.value).toBeCloseTo(runs.main.search.firstMs / baseline.search.firstMs, 2);
    }
    expect(result.budgets.help.value).toBe(cli.script.medianWallMs);
    expect(cli.bin.runs).toBe(5);
    expect(result.budgets.checkSample.value).toBe(cli.checkSample.medianWallMs);
    expect(result.budgets.diff60.value).toBe(cli.diff60.medianWallMs);
    expect(cli.diff60.versions).toBe(60);
    // At 2 policies the dev server still answers and shows the edit.
    expect(dev.note).toBeUndefined();
    expect(result.budgets.devEdit.value).toBe(dev.editShownMs);
    expect(dev.editRequests).toBeGreaterThanOrEqual(1);
    expect(dev.otherPages).toHaveLength(6);
    expect(dev.otherPages.filter((p: { afterEdit: boolean }) => p.afterEdit)).toHaveLength(3);
    const times = dev.otherPages.map((p: { ms: number }) => p.ms).sort((a: number, b: number) => a - b);
    expect(result.budgets.devOtherPages.value).toBe(times[3]);
    // Only the budgets defined for 1,000 × 3 say they do not apply to this size.
    for (const name of ['buildWall', 'buildMemory', 'scaling', 'searchFirst', 'searchLater', 'devEdit', 'devOtherPages']) expect(result.budgets[name].applies, name).toBe(false);
    for (const name of ['cpuRatio', 'searchFirstVsBaseline', 'searchLaterVsBaseline', 'help', 'checkSample', 'diff60']) expect(result.budgets[name].applies, name).toBe(true);
  });
});
