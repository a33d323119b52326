/**
 * `npm run bench`: builds a large synthetic handbook with the real production build and reports
 * what it costs (time, memory, stages, pages, sizes, JavaScript, search, redline) against the
 * budgets of the benchmark issue. See USAGE below; the parts live in scripts/bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { logTail, prepareProject, runBuild } from './bench/build.ts';
import { DEEP_SLUG, generateHandbook } from './bench/generate.ts';
import { measureOutput } from './bench/output.ts';
import { timeRedline } from './bench/redline.ts';
import { budgets, formatTable, type BenchResult, type RunResult } from './bench/report.ts';
import { timeSearch } from './bench/search.ts';

const USAGE = `Usage: npm run bench -- [options]

Generates a deterministic synthetic handbook outside content/, builds it with the production
build (npm run build, with HANDBOOK_CONTENT and HANDBOOK_TODAY) in a private copy of the
project, and reports time, memory, stages, pages, sizes, JavaScript, search and redline
figures against the budgets of the benchmark issue.

Options:
  --policies N     policies in the main run (default 1000)
  --versions V     versions of each policy (default 3)
  --deep K         also build the main handbook plus one policy with K versions, and report
                   the time it adds (one extra build; default 0, none)
  --json           print one JSON object with every figure on stdout (progress goes to stderr;
                   use npm run --silent bench -- --json, or npm prints its banner on stdout)
  --keep           keep the generated content, projects and built sites, and print the folder
  --seed S         seed of the generator (default 1)
  --cpu-prof DIR   write a V8 CPU profile of the main build to DIR (runs Astro's CLI with
                   node --cpu-prof instead of npm run build; slows the build a little)
  --verbose        echo the build logs to stderr
  -h, --help       this help

Runs: the main run at N policies, and a second run at N/10 policies (rounded, at least 1;
N=1000 gives 100) with the same versions, for the growth ratio (budget: at most 11× for 10×
the content). --policies 100 therefore builds 100 and 10 policies. N=1 makes one run only.
The ratio budget applies as such to 100 → 1000; other sizes report the same figure.
Builds run one after another, each cold, in a temporary folder under the system's temp dir,
removed at the end unless --keep.`;

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

/** The same check the build runs in astro:config:setup, timed in this process (first call, as in a build). */
async function inProcessCheck(contentDir: string): Promise<number> {
  const { loadHandbook } = (await import(pathToFileURL(join(REPO, 'src/lib/model.ts')).href)) as typeof import('../src/lib/model.ts');
  const started = performance.now();
  loadHandbook(contentDir, TODAY);
  return Math.round(performance.now() - started);
}

interface RunPlan {
  label: RunResult['label'];
  policies: number;
  deep: number;
}

async function measureRun(plan: RunPlan, options: Options, work: string): Promise<RunResult> {
  const name = `${plan.label}-${plan.policies}${plan.deep ? `-deep${plan.deep}` : ''}`;
  const contentDir = join(work, `content-${name}`);
  const root = join(work, `project-${name}`);

  progress(`${name}: generating ${plan.policies} policies × ${options.versions} versions${plan.deep ? ` + 1 × ${plan.deep}` : ''}`);
  let started = performance.now();
  const generated = generateHandbook(contentDir, { policies: plan.policies, versions: options.versions, deep: plan.deep, seed: options.seed, today: TODAY });
  const generateMs = Math.round(performance.now() - started);

  progress(`${name}: handbook check`);
  const check = cliCheck(contentDir);
  if (!check.ok) throw new Error(`The generated content in ${contentDir} fails handbook check:\n${check.output}`);
  const inProcessMs = await inProcessCheck(contentDir);

  progress(`${name}: npm run build (${generated.versionFiles} version files)`);
  prepareProject(REPO, root);
  const build = await runBuild({
    root,
    contentDir,
    today: TODAY,
    verbose: options.verbose,
    ...(options.cpuProf && plan.label === 'main' ? { cpuProfDir: resolve(options.cpuProf) } : {}),
  });
  if (build.exitCode !== 0) throw new Error(`The build of ${contentDir} failed (exit ${build.exitCode}); the end of its log:\n${logTail(build.logFile)}`);
  progress(`${name}: built in ${(build.wallMs / 1000).toFixed(1)} s; measuring the output and search`);

  const output = measureOutput(build.outDir);
  const deepDir = join(build.outDir, 'policies', DEEP_SLUG);
  const deepPolicyPages = plan.deep && existsSync(deepDir) ? readdirSync(deepDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length : undefined;
  const search = output.policyPageJs.page ? await timeSearch(build.outDir, output.policyPageJs.page) : { firstMs: null, laterMedianMs: null, results: [], terms: [], note: 'no policy page' };
  if (!options.keep) {
    rmSync(root, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }
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
    generateMs,
    check: { cliWallMs: check.wallMs, inProcessMs, ok: check.ok },
    build,
    msPerVersionFile: Math.round((build.wallMs / generated.versionFiles) * 100) / 100,
    output,
    search,
  };
}

/** The runs: N/10 first (it also warms the disk cache the way the main run will find it), then N, then N + deep. */
function plans(options: Options): RunPlan[] {
  const small = Math.max(1, Math.round(options.policies / 10));
  return [
    ...(options.policies > 1 ? [{ label: 'small' as const, policies: small, deep: 0 }] : []),
    { label: 'main' as const, policies: options.policies, deep: 0 },
    ...(options.deep > 0 ? [{ label: 'deep' as const, policies: options.policies, deep: options.deep }] : []),
  ];
}

async function bench(options: Options, work: string): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const runs: Record<RunResult['label'], RunResult | null> = { small: null, main: null, deep: null };
  for (const plan of plans(options)) runs[plan.label] = await measureRun(plan, options, work);
  progress('timing the redline of two 5,000-word versions');
  const redline = await timeRedline(options.seed);
  const main = runs.main!;
  const { small, deep } = runs;
  const partial: Omit<BenchResult, 'budgets'> = {
    tool: 'policy-handbook-bench',
    schemaVersion: 1,
    options: { policies: options.policies, versions: options.versions, deep: options.deep, seed: options.seed, today: TODAY },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryMiB: Math.round(totalmem() / 1024 / 1024), node: process.version, platform: process.platform },
    startedAt,
    totalMs: Math.round(performance.now() - started),
    runs: { main, small, deep },
    scaling: small
      ? {
          fromPolicies: small.policies,
          toPolicies: main.policies,
          buildWallRatio: Math.round((main.build.wallMs / small.build.wallMs) * 100) / 100,
          versionFilesRatio: Math.round((main.versionFiles / small.versionFiles) * 100) / 100,
        }
      : null,
    deep: deep ? { versions: options.deep, addedMs: deep.build.wallMs - main.build.wallMs, pages: deep.deepPolicyPages ?? null, pageLimit: 3 * options.deep + 3 } : null,
    redline,
    keptDir: options.keep ? work : null,
  };
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
