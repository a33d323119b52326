/**
 * `npm run bench`: builds a large synthetic handbook with the real production build and reports
 * what it costs (time, memory, stages, pages, sizes, JavaScript, search, redline) against the
 * budgets of the benchmark issue. See USAGE below; the parts live in scripts/bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBaseline, type BaselineText } from './bench/baseline.ts';
import { logTail, prepareProject, runBuild } from './bench/build.ts';
import { timeCli } from './bench/cli.ts';
import { timeDevServer } from './bench/dev.ts';
import { DEEP_SLUG, generateHandbook, type GeneratedHandbook } from './bench/generate.ts';
import { measureOutput } from './bench/output.ts';
import { readProfiles, summarizeProfiles, type ProfileSummary } from './bench/profile.ts';
import { timeRedline } from './bench/redline.ts';
import { budgets, cpuRatio, formatTable, type BaselineResult, type BenchResult, type RunResult } from './bench/report.ts';
import { compareSearch, timeSearch } from './bench/search.ts';

const USAGE = `Usage: npm run bench -- [options]

Generates a deterministic synthetic handbook outside content/, builds it with the production
build (npm run build, with HANDBOOK_CONTENT and HANDBOOK_TODAY) in a private copy of the
project, and reports time, memory, stages, pages, sizes, JavaScript, search and redline
figures against the budgets of the benchmark issues. In the same run it builds the same texts,
one version of each policy, with a plain Astro + MDX + Pagefind site (scripts/bench/baseline/),
and reports the ratio of CPU time per version file to the baseline's per text; it times the
same searches on both sites, \`handbook --help\`, and the dev server on the main handbook.

Options:
  --policies N     policies in the main run (default 1000)
  --versions V     versions of each policy (default 3)
  --deep K         also build the main handbook plus one policy with K versions, and report
                   the time it adds (one extra build; default 0, none)
  --json           print one JSON object with every figure on stdout (progress goes to stderr;
                   use npm run --silent bench -- --json, or npm prints its banner on stdout)
  --keep           keep the generated content, projects and built sites, and print the folder
  --seed S         seed of the generator (default 1)
  --cpu-prof DIR   write V8 CPU profiles of the main build to DIR (NODE_OPTIONS=--cpu-prof: one
                   per Node process) and report the top five costs; profiling slows the build,
                   so that run's CPU ratio is not comparable
  --verbose        echo the build logs to stderr
  -h, --help       this help

Runs, in this order: the handbook at N/10 policies (rounded, at least 1; N=1000 gives 100)
for the growth ratio (budget: at most 10× for 10× the content; defined for 100 → 1000),
the plain-Astro baseline with the N main texts, the handbook at N policies, the searches on
both (alternating browsers), the dev server on the N-policy handbook, then --deep if asked.
N=1 makes no N/10 run. Builds run one after another, each cold, in a temporary folder under
the system's temp dir, removed at the end unless --keep.`;

const TODAY = '2026-11-15';
const REPO = fileURLToPath(new URL('../', import.meta.url));

interface Options {
  policies: number;
  versions: number;
  deep: number;
  seed: number;
  json: boolean;
  keep: boolean;
  verbose: boolean;
  cpuProf?: string;
}

class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInt(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} ${raw}: expected a whole number ≥ ${min}.`);
  return value;
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      policies: { type: 'string' },
      versions: { type: 'string' },
      deep: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    policies: positiveInt('policies', values.policies, 1000, 1),
    versions: positiveInt('versions', values.versions, 3, 1),
    deep: positiveInt('deep', values.deep, 0, 0),
    seed: positiveInt('seed', values.seed, 1, 0),
    json: values.json,
    keep: values.keep,
    verbose: values.verbose,
    ...(values['cpu-prof'] ? { cpuProf: values['cpu-prof'] } : {}),
  };
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** `npm run handbook -- check` on the generated folder: the content must be valid before it is built. */
function cliCheck(contentDir: string): { wallMs: number; ok: boolean; output: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(REPO, 'scripts/handbook.ts'), 'check'], {
    cwd: REPO,
    env: { ...process.env, HANDBOOK_CONTENT: contentDir, HANDBOOK_TODAY: TODAY },
    encoding: 'utf8',
  });
  return { wallMs: Math.round(performance.now() - started), ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * The same check the build runs in astro:config:setup, timed in this process (first call, as in
 * a build); and each policy's version in force, which the baseline builds.
 */
async function inProcessCheck(contentDir: string): Promise<{ ms: number; current: BaselineText[] }> {
  const { loadHandbook } = (await import(pathToFileURL(join(REPO, 'src/lib/model.ts')).href)) as typeof import('../src/lib/model.ts');
  const started = performance.now();
  const { handbook } = loadHandbook(contentDir, TODAY);
  const ms = Math.round(performance.now() - started);
  return { ms, current: (handbook?.policies ?? []).map((p) => ({ slug: p.slug, contentPath: p.current.contentPath })) };
}

interface RunPlan {
  label: RunResult['label'];
  policies: number;
  deep: number;
}

/** A generated content folder that passed the check, and the texts the baseline builds from it. */
interface Prepared {
  plan: RunPlan;
  name: string;
  contentDir: string;
  root: string;
  generated: GeneratedHandbook;
  generateMs: number;
  check: RunResult['check'];
  /** Each policy's version in force (the project's own rule, from loadHandbook). */
  current: BaselineText[];
}

async function prepareContent(plan: RunPlan, options: Options, work: string): Promise<Prepared> {
  const name = `${plan.label}-${plan.policies}${plan.deep ? `-deep${plan.deep}` : ''}`;
  const contentDir = join(work, `content-${name}`);
  progress(`${name}: generating ${plan.policies} policies × ${options.versions} versions${plan.deep ? ` + 1 × ${plan.deep}` : ''}`);
  const started = performance.now();
  const generated = generateHandbook(contentDir, { policies: plan.policies, versions: options.versions, deep: plan.deep, seed: options.seed, today: TODAY });
  const generateMs = Math.round(performance.now() - started);

  progress(`${name}: handbook check`);
  const check = cliCheck(contentDir);
  if (!check.ok) throw new Error(`The generated content in ${contentDir} fails handbook check:\n${check.output}`);
  const { ms: inProcessMs, current } = await inProcessCheck(contentDir);
  return { plan, name, contentDir, root: join(work, `project-${name}`), generated, generateMs, check: { cliWallMs: check.wallMs, inProcessMs, ok: check.ok }, current };
}

/** Builds a prepared handbook and measures the output; `search: false` leaves the search to compareSearch. */
async function buildRun(prepared: Prepared, options: Options, search: boolean, cpuProfDir?: string): Promise<RunResult> {
  const { plan, name, contentDir, root, generated } = prepared;
  progress(`${name}: npm run build (${generated.versionFiles} version files)`);
  prepareProject(REPO, root);
  const build = await runBuild({ root, contentDir, today: TODAY, verbose: options.verbose, ...(cpuProfDir ? { cpuProfDir } : {}) });
  if (build.exitCode !== 0) throw new Error(`The build of ${contentDir} failed (exit ${build.exitCode}); the end of its log:\n${logTail(build.logFile)}`);
  progress(`${name}: built in ${(build.wallMs / 1000).toFixed(1)} s; measuring the output${search ? ' and search' : ''}`);

  const output = measureOutput(build.outDir);
  const deepDir = join(build.outDir, 'policies', DEEP_SLUG);
  const deepPolicyPages = plan.deep && existsSync(deepDir) ? readdirSync(deepDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length : undefined;
  const timing = search && output.policyPageJs.page ? await timeSearch(build.outDir, output.policyPageJs.page) : { firstMs: null, laterMedianMs: null, results: [], terms: [], note: search ? 'no policy page' : 'not measured yet' };
  return {
    label: plan.label,
    policies: generated.policies,
    versionsPerPolicy: options.versions,
    deepVersions: plan.deep,
    ...(deepPolicyPages === undefined ? {} : { deepPolicyPages }),
    versionFiles: generated.versionFiles,
    agreements: generated.agreements,
    contentBytes: generated.bytes,
    meanWordsPerVersion: generated.meanWords,
    generateMs: prepared.generateMs,
    check: prepared.check,
    build,
    msPerVersionFile: Math.round((build.wallMs / generated.versionFiles) * 100) / 100,
    output,
    search: timing,
  };
}

function removeRun(prepared: Prepared, options: Options, ...more: string[]): void {
  if (options.keep) return;
  for (const dir of [prepared.root, prepared.contentDir, ...more]) rmSync(dir, { recursive: true, force: true });
}

/** The first canonical policy page in a site (`policies/<slug>/index.html`). */
function firstPolicyPage(outDir: string): string | null {
  const dir = join(outDir, 'policies');
  if (!existsSync(dir)) return null;
  const slug = readdirSync(dir).sort().find((s) => existsSync(join(dir, s, 'index.html')));
  return slug ? `policies/${slug}/index.html` : null;
}

/** The baseline, then the handbook, both at N; the same searches on both; the dev server on the handbook. */
async function mainRuns(options: Options, work: string): Promise<{ main: RunResult; baseline: BaselineResult; dev: BenchResult['dev']; profile: ProfileSummary | null }> {
  const prepared = await prepareContent({ label: 'main', policies: options.policies, deep: 0 }, options, work);
  const baselineRoot = join(work, `baseline-${options.policies}`);
  progress(`baseline-${options.policies}: plain Astro + MDX + Pagefind, npm run build (${prepared.current.length} texts)`);
  const baseline = await buildBaseline(REPO, baselineRoot, prepared.contentDir, prepared.current, { today: TODAY, verbose: options.verbose });
  if (baseline.build.exitCode !== 0) throw new Error(`The plain-Astro baseline failed to build (exit ${baseline.build.exitCode}); the end of its log:\n${logTail(baseline.build.logFile)}`);
  progress(`baseline-${options.policies}: built in ${(baseline.build.wallMs / 1000).toFixed(1)} s`);

  let profileDir: string | undefined;
  let before = new Set<string>();
  if (options.cpuProf) {
    profileDir = resolve(options.cpuProf);
    mkdirSync(profileDir, { recursive: true });
    before = new Set(readdirSync(profileDir));
  }
  const main = await buildRun(prepared, options, false, profileDir);
  let profile: ProfileSummary | null = null;
  if (profileDir) {
    progress(`summarising the CPU profiles in ${profileDir}`);
    profile = summarizeProfiles(readProfiles(profileDir, before));
  }

  const ourPage = main.output.policyPageJs.page;
  const theirPage = firstPolicyPage(baseline.build.outDir);
  const baselineOutput = measureOutput(baseline.build.outDir);
  let baselineSearch: BaselineResult['search'];
  if (ourPage && theirPage) {
    progress('timing the same searches on both sites (3 browsers each, alternating)');
    const compared = await compareSearch({ outDir: main.build.outDir, page: ourPage }, { outDir: baseline.build.outDir, page: theirPage });
    main.search = compared.handbook;
    baselineSearch = compared.baseline;
  } else {
    main.search = { firstMs: null, laterMedianMs: null, results: [], terms: [], note: 'no policy page' };
    baselineSearch = { firstMs: null, laterMedianMs: null, results: [], terms: [], note: 'no policy page' };
  }

  progress(`dev server on the ${options.policies}-policy handbook`);
  const devRoot = join(work, `project-dev-${options.policies}`);
  prepareProject(REPO, devRoot);
  const { routes } = (await import(pathToFileURL(join(REPO, 'src/lib/routes.ts')).href)) as typeof import('../src/lib/routes.ts');
  const [edited, ...others] = prepared.current;
  // Other policies spread over the handbook, six requests (a page may come twice in a small one).
  const spread = others.filter((_, i) => i % Math.max(1, Math.floor(others.length / 6)) === 0).slice(0, 6);
  const otherPages = spread.length ? Array.from({ length: 6 }, (_, i) => routes.policy.path({ slug: spread[i % spread.length]!.slug })) : [routes.home.path({})];
  const dev = await timeDevServer({ root: devRoot, contentDir: prepared.contentDir, today: TODAY, editPage: routes.policy.path({ slug: edited!.slug }), editFile: edited!.contentPath, otherPages, verbose: options.verbose });

  removeRun(prepared, options, baselineRoot, devRoot);
  return {
    main,
    baseline: {
      texts: baseline.texts,
      indexedPages: baseline.indexedPages,
      build: baseline.build,
      htmlPages: baselineOutput.htmlPages,
      searchIndexBytes: baselineOutput.searchIndexBytes,
      search: baselineSearch,
    },
    dev,
    profile,
  };
}

/** A whole run of the handbook (generate, check, build, measure, search), removed after. */
async function measureRun(plan: RunPlan, options: Options, work: string): Promise<RunResult> {
  const prepared = await prepareContent(plan, options, work);
  const run = await buildRun(prepared, options, true);
  removeRun(prepared, options);
  return run;
}

async function bench(options: Options, work: string): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const small = options.policies > 1 ? await measureRun({ label: 'small', policies: Math.max(1, Math.round(options.policies / 10)), deep: 0 }, options, work) : null;
  const { main, baseline, dev, profile } = await mainRuns(options, work);
  const deep = options.deep > 0 ? await measureRun({ label: 'deep', policies: options.policies, deep: options.deep }, options, work) : null;
  progress('timing handbook --help, check on the sample, diff across 60 versions');
  const cli = await timeCli(REPO, TODAY);
  progress('timing the redline of two 5,000-word versions');
  const redline = await timeRedline(options.seed);
  const partial: Omit<BenchResult, 'budgets'> = {
    tool: 'policy-handbook-bench',
    schemaVersion: 2,
    options: { policies: options.policies, versions: options.versions, deep: options.deep, seed: options.seed, today: TODAY },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryMiB: Math.round(totalmem() / 1024 / 1024), node: process.version, platform: process.platform },
    startedAt,
    totalMs: 0,
    runs: { main, small, deep },
    baseline,
    cpuRatio: cpuRatio(main, baseline, Boolean(options.cpuProf)),
    scaling: small
      ? {
          fromPolicies: small.policies,
          toPolicies: main.policies,
          buildWallRatio: Math.round((main.build.wallMs / small.build.wallMs) * 100) / 100,
          versionFilesRatio: Math.round((main.versionFiles / small.versionFiles) * 100) / 100,
        }
      : null,
    deep: deep ? { versions: options.deep, addedMs: deep.build.wallMs - main.build.wallMs, pages: deep.deepPolicyPages ?? null, pageLimit: 3 * options.deep + 3 } : null,
    cli,
    dev,
    redline,
    profile,
    keptDir: options.keep ? work : null,
  };
  partial.totalMs = Math.round(performance.now() - started);
  return { ...partial, budgets: budgets(partial) };
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'policy-handbook-bench-'));
  const cleanUp = () => {
    if (!(options as Options).keep) rmSync(work, { recursive: true, force: true });
  };
  // Ctrl-C during a long build: the build gets the signal too; leave no temp folder behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  try {
    const result = await bench(options, work);
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else console.log(formatTable(result));
    return 0;
  } catch (error) {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    if (!options.keep) console.error('[bench] rerun with --keep to inspect the generated folder.');
    return 1;
  } finally {
    cleanUp();
    if (options.keep) progress(`kept ${work}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
