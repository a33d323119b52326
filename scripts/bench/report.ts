/**
 * The benchmark's result: its shape (the JSON contract), the budgets from the benchmark issue,
 * and the human-readable table.
 */
import type { BuildMeasurement } from './build.ts';
import type { OutputFigures } from './output.ts';
import { PAGE_KINDS } from './pages.ts';
import type { RedlineTiming } from './redline.ts';
import type { SearchTiming } from './search.ts';

export interface RunResult {
  /** `small` (N/10), `main` (N) or `deep` (N plus the deep policy). */
  label: 'small' | 'main' | 'deep';
  policies: number;
  versionsPerPolicy: number;
  deepVersions: number;
  /** HTML pages of the deep policy (its canonical, history, version and compare pages), in the deep run. */
  deepPolicyPages?: number;
  versionFiles: number;
  agreements: number;
  contentBytes: number;
  meanWordsPerVersion: number;
  generateMs: number;
  check: { cliWallMs: number; inProcessMs: number; ok: boolean };
  build: BuildMeasurement;
  msPerVersionFile: number;
  output: OutputFigures;
  search: SearchTiming;
}

export interface Budget {
  description: string;
  budget: number;
  unit: 'ms' | 'MiB' | 'ratio' | 'bytes' | 'pages';
  value: number | null;
  /** null when the figure was not measured. */
  met: boolean | null;
  /** False when the budget is defined for another size than the one measured (e.g. 1,000 × 3). */
  applies: boolean;
  note?: string;
}

export interface BenchResult {
  tool: 'policy-handbook-bench';
  schemaVersion: 1;
  options: { policies: number; versions: number; deep: number; seed: number; today: string };
  machine: { cpus: number; cpuModel: string; memoryMiB: number; node: string; platform: string };
  startedAt: string;
  totalMs: number;
  runs: { main: RunResult; small: RunResult | null; deep: RunResult | null };
  scaling: { fromPolicies: number; toPolicies: number; buildWallRatio: number; versionFilesRatio: number } | null;
  /** The deep run: build time it adds, and the deep policy's page count against 3 × versions + 3. */
  deep: { versions: number; addedMs: number; pages: number | null; pageLimit: number } | null;
  redline: RedlineTiming;
  budgets: Record<string, Budget>;
  keptDir: string | null;
}

function budget(description: string, limit: number, unit: Budget['unit'], value: number | null, applies = true, note?: string): Budget {
  return { description, budget: limit, unit, value, met: value === null ? null : value <= limit, applies, ...(note ? { note } : {}) };
}

/** The budgets of the benchmark issue, checked against the measured figures (reported, never asserted). */
export function budgets(result: Omit<BenchResult, 'budgets'>): Record<string, Budget> {
  const { main } = result.runs;
  const reference = main.policies === 1000 && main.versionsPerPolicy === 3 && main.deepVersions === 0;
  const sizeNote = reference ? undefined : 'defined for 1,000 policies × 3 versions; this run has another size';
  return {
    buildWall: budget('Full production build, search index included', 60_000, 'ms', main.build.wallMs, reference, sizeNote),
    buildMemory: budget('Peak memory of the build', 2560, 'MiB', main.build.peakMemoryMiB, reference, sizeNote),
    msPerVersionFile: budget('Build time per source version file', 20, 'ms', main.msPerVersionFile),
    scaling: budget(
      'Build time growth from N/10 to N policies',
      11,
      'ratio',
      result.scaling?.buildWallRatio ?? null,
      result.scaling?.fromPolicies === 100 && result.scaling.toPolicies === 1000,
      result.scaling ? undefined : 'needs at least 2 policies',
    ),
    deepHistory: budget(
      'Time one policy with 100 versions adds to the build',
      20_000,
      'ms',
      result.deep?.addedMs ?? null,
      result.deep?.versions === 100,
      result.deep ? undefined : 'not measured: run with --deep 100',
    ),
    deepPages: budget(
      'Pages of the policy with many versions (at most 3 × versions + 3)',
      result.deep?.pageLimit ?? 0,
      'pages',
      result.deep?.pages ?? null,
      Boolean(result.deep),
      result.deep ? undefined : 'not measured: run with --deep K',
    ),
    policyPageHtml: budget('Largest canonical policy page (HTML)', 40 * 1024, 'bytes', main.output.policyPageHtml.largestBytes || null),
    policyPageJs: budget('JavaScript on a policy page before search is opened (gzip)', 10 * 1024, 'bytes', main.output.policyPageJs.page ? main.output.policyPageJs.gzipBytes : null),
    searchFirst: budget('First search results (cold, localhost)', 200, 'ms', main.search.firstMs, main.policies >= 1000, main.search.note),
    searchLater: budget('Later searches (median)', 30, 'ms', main.search.laterMedianMs, main.policies >= 1000, main.search.note),
    redline: budget('Redline of two 5,000-word versions (median)', 50, 'ms', result.redline.medianMs, true, result.redline.note),
  };
}

// ---- The table ----

const int = new Intl.NumberFormat('en-GB');

/** "850 ms", "12.3 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "812 B", "20.4 KiB", "3.1 MiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function formatValue(value: number | null, unit: Budget['unit']): string {
  if (value === null) return '–';
  if (unit === 'ms') return formatMs(value);
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'MiB') return `${int.format(value)} MiB`;
  if (unit === 'pages') return `${int.format(value)} pages`;
  return `${value.toFixed(2)}×`;
}

type Row = [string, ...string[]];

function table(rows: (Row | string)[], width: number): string {
  const labelWidth = Math.max(...rows.map((r) => (typeof r === 'string' ? 0 : r[0].length)));
  return rows
    .map((r) => (typeof r === 'string' ? `\n${r}` : `  ${r[0].padEnd(labelWidth)}  ${r.slice(1).map((c) => c.padStart(width)).join('  ')}`))
    .join('\n');
}

function runRows(runs: RunResult[]): (Row | string)[] {
  const each = (f: (r: RunResult) => string): string[] => runs.map(f);
  const stage = (key: keyof RunResult['build']['stages']) => each((r) => formatMs(r.build.stages[key]));
  return [
    ['', ...each((r) => (r.label === 'deep' ? `N=${r.policies - 1}+deep` : `N=${r.policies}`))],
    'Content',
    ['version files', ...each((r) => int.format(r.versionFiles))],
    ['words per version (mean)', ...each((r) => int.format(r.meanWordsPerVersion))],
    ['content size', ...each((r) => formatBytes(r.contentBytes))],
    ['handbook check (CLI, wall)', ...each((r) => formatMs(r.check.cliWallMs))],
    ['content check (loadHandbook)', ...each((r) => formatMs(r.check.inProcessMs))],
    'Build (npm run build)',
    ['wall time', ...each((r) => formatMs(r.build.wallMs))],
    ['per version file', ...each((r) => formatMs(r.msPerVersionFile))],
    ['CPU user + system', ...each((r) => (r.build.cpuUserMs === null ? '–' : formatMs(r.build.cpuUserMs + (r.build.cpuSystemMs ?? 0))))],
    ['peak memory (process tree)', ...each((r) => (r.build.peakTreeSampledMiB === null ? '–' : `${int.format(r.build.peakTreeSampledMiB)} MiB`))],
    ['peak memory (largest process)', ...each((r) => (r.build.peakProcessMiB === null ? '–' : `${int.format(r.build.peakProcessMiB)} MiB`))],
    ['load average as it started', ...each((r) => r.build.loadAverageAtStart.toFixed(2))],
    'Build stages (from log-line arrival)',
    ['start-up, config, content check', ...stage('startupAndCheckMs')],
    ['content sync (Astro loaders)', ...stage('contentSyncMs')],
    ['Astro set-up (types, build info)', ...stage('astroSetupMs')],
    ['bundle (Vite, MDX compile)', ...stage('bundleMs')],
    ['render pages', ...stage('renderMs')],
    ['search index (Pagefind)', ...stage('searchIndexMs')],
    ['finish', ...stage('finishMs')],
    'Render time by page kind (sum of per-page times)',
    ...PAGE_KINDS.map((k): Row => [k, ...each((r) => formatMs(r.build.renderMsByKind[k]))]),
    'Pages written',
    ...PAGE_KINDS.map((k): Row => [k, ...each((r) => int.format(r.output.pages[k]))]),
    ['total HTML pages', ...each((r) => int.format(r.output.pages.total))],
    'Output',
    ['total size', ...each((r) => formatBytes(r.output.bytes))],
    ['HTML', ...each((r) => formatBytes(r.output.htmlBytes))],
    ['search index (pagefind/)', ...each((r) => formatBytes(r.output.searchIndexBytes))],
    ['largest HTML page', ...each((r) => formatBytes(r.output.largestHtml?.bytes))],
    ['policy page HTML, largest', ...each((r) => formatBytes(r.output.policyPageHtml.largestBytes))],
    ['policy page HTML, median', ...each((r) => formatBytes(r.output.policyPageHtml.medianBytes))],
    ['policy page JS (gzip)', ...each((r) => formatBytes(r.output.policyPageJs.gzipBytes))],
    'Search (Chromium, localhost)',
    ['first search, cold', ...each((r) => formatMs(r.search.firstMs))],
    ['later searches, median', ...each((r) => formatMs(r.search.laterMedianMs))],
  ];
}

/** The report as a readable table. */
export function formatTable(result: BenchResult): string {
  const { main, small, deep } = result.runs;
  const runs = [small, main, deep].filter((r): r is RunResult => r !== null);
  const o = result.options;
  const lines = [
    `Policy Handbook benchmark: ${int.format(o.policies)} policies × ${o.versions} versions${o.deep ? ` (+1 policy with ${o.deep} versions)` : ''}, seed ${o.seed}, today ${o.today}`,
    `${result.machine.cpus} × ${result.machine.cpuModel}, ${int.format(result.machine.memoryMiB)} MiB, Node ${result.machine.node}; benchmark took ${formatMs(result.totalMs)}`,
    table(runRows(runs), 14),
    '',
    'Largest pages and slowest routes (largest run)',
    `  largest HTML: ${runs.at(-1)!.output.largestHtml?.path ?? '–'} (${formatBytes(runs.at(-1)!.output.largestHtml?.bytes)})`,
    `  largest policy page: ${main.output.policyPageHtml.largestPath ?? '–'}`,
    `  JS on ${main.output.policyPageJs.page ?? '–'}: ${main.output.policyPageJs.scripts.map((s) => `${s.source} ${formatBytes(s.gzipBytes)}`).join(', ') || 'none'}`,
    ...runs.at(-1)!.build.slowestRoutes.map((r) => `  ${formatMs(r.ms).padStart(9)}  ${r.route}`),
    '',
    result.scaling
      ? `Scaling: N=${result.scaling.fromPolicies} → N=${result.scaling.toPolicies}: build time ×${result.scaling.buildWallRatio.toFixed(2)} for ×${result.scaling.versionFilesRatio.toFixed(2)} version files`
      : 'Scaling: not measured (needs N ≥ 2)',
    result.deep
      ? `Deep history: one policy with ${result.deep.versions} versions adds ${formatMs(result.deep.addedMs)} to the build; it has ${result.deep.pages ?? '–'} pages (limit ${result.deep.pageLimit})`
      : 'Deep history: not measured (--deep K)',
    `Redline of two ~5,000-word versions (${result.redline.wordsOld} / ${result.redline.wordsNew} words): ${
      result.redline.medianMs === null ? `not measured: ${result.redline.note}` : `median ${formatMs(result.redline.medianMs)}, first call ${formatMs(result.redline.firstMs)} (${result.redline.module})`
    }`,
    '',
    'Budgets (measured, not asserted)',
    ...Object.values(result.budgets).map(
      (b) =>
        `  ${b.met === null ? '?' : b.met ? '✓' : '✗'} ${b.description.padEnd(60)} ${formatValue(b.value, b.unit).padStart(10)}  ≤ ${formatValue(b.budget, b.unit)}${b.applies ? '' : '  (reference size only)'}${b.met === null && b.note ? `  ${b.note}` : ''}`,
    ),
  ];
  if (result.keptDir) lines.push('', `Kept the generated content, projects and sites in ${result.keptDir}`);
  return lines.join('\n');
}
