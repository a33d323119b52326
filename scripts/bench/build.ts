/**
 * Runs the real production build (`npm run build`) on a generated content folder and measures
 * it from outside: wall time, peak memory of the whole process tree, and the time of each
 * stage, read from when Astro's own log lines arrive.
 *
 * The build runs in a private copy of the project (src/, public/, config; node_modules linked),
 * because Astro writes build state into the project (.astro/, node_modules/.astro/ and, for an
 * output folder outside the working directory, .astro/.prerender/). Building in the repository
 * would race with anyone else building there, and a warm content cache from a previous run
 * would flatter the figures. Each run starts cold.
 */
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { emptyTally, pageKind, type PageKind } from './pages.ts';

/** Files and folders of the repository `npm run build` needs (the site, its config, the search indexer). */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts/build-site.ts', 'scripts/engine.ts', 'scripts/search-index.ts', 'scripts/word-files.ts'];
/** Caches inside node_modules that belong to one build and must not be shared. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache']);

/**
 * Makes a private copy of the project in `root`: real copies of the sources and config,
 * node_modules as a folder of links (so Astro's cache dir, node_modules/.astro, is private).
 */
export function prepareProject(repo: string, root: string): void {
  mkdirSync(root, { recursive: true });
  for (const name of PROJECT_FILES) {
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(root, name), { recursive: true });
  }
  linkNodeModules(repo, root);
}

/** `root/node_modules` as a folder of links to the repository's packages, without their build caches. */
export function linkNodeModules(repo: string, root: string): void {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(join(repo, 'node_modules'))) {
    if (!PRIVATE_CACHES.has(entry)) symlinkSync(join(repo, 'node_modules', entry), join(root, 'node_modules', entry));
  }
}

export interface BuildStages {
  /** From spawn until the handbook integration logs its policy count: npm, Node and Astro start-up, config, our content check. */
  startupAndCheckMs: number | null;
  /** Astro's content layer: glob loaders read, parse and validate every file. */
  contentSyncMs: number | null;
  /** Type generation and build set-up around the content sync. */
  astroSetupMs: number | null;
  /** Vite/Rolldown bundling: every page module and every MDX file compiled. */
  bundleMs: number | null;
  /** "generating static routes": every page rendered and written. */
  renderMs: number | null;
  /**
   * The Word files, written by their own process while Astro builds (scripts/word-files.ts), as
   * that process reports it: not a stage of the wall time, as it overlaps the ones above.
   */
  wordFilesMs: number | null;
  /** Pagefind indexing the output, from when Astro and the Word files are both done. */
  searchIndexMs: number | null;
  /** Between rendering and the hook, and after the hook until the process exits. */
  finishMs: number | null;
}

export interface RouteTiming {
  route: string;
  ms: number;
}

export interface BuildMeasurement {
  command: string;
  exitCode: number;
  wallMs: number;
  /** CPU time of the whole tree (from /usr/bin/time); null without it. */
  cpuUserMs: number | null;
  cpuSystemMs: number | null;
  /** The larger of the two figures below: the budget figure. */
  peakMemoryMiB: number;
  /** Largest resident set of any one process in the tree (/usr/bin/time's maximum RSS); null without it. */
  peakProcessMiB: number | null;
  /** Largest sum of resident sets over the whole tree, sampled every 100 ms from /proc. */
  peakTreeSampledMiB: number | null;
  stages: BuildStages;
  /** Per-page render time as Astro logs it ("(+12ms)"), summed by kind of page. */
  renderMsByKind: Record<PageKind, number>;
  slowestRoutes: RouteTiming[];
  pagefind: { pages: number | null; reportedMs: number | null };
  /** The machine's 1-minute load average as the build started: other work skews every figure above. */
  loadAverageAtStart: number;
  outDir: string;
  logFile: string;
}

interface Line {
  t: number;
  text: string;
}

// Astro colours its log unless told not to; strip whatever remains.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Finds each marker in order, each after the previous one found, and returns the time of the line. */
function markerTimes(lines: readonly Line[]): Record<string, number | null> {
  const markers: [string, (text: string) => boolean][] = [
    ['configured', (s) => /\[policy-handbook\] \d+ polic/.test(s)],
    ['syncStart', (s) => s.includes('[content] Syncing content')],
    ['syncEnd', (s) => s.includes('[content] Synced content')],
    ['bundleStart', (s) => s.includes('[build] Building static entrypoints')],
    ['renderStart', (s) => s.includes('generating static routes')],
    ['renderEnd', (s) => s.includes('✓ Completed in') && !s.includes('[build]')],
    ['buildDone', (s) => s.includes('[build] ✓ Completed in')],
  ];
  const found: Record<string, number | null> = {};
  let from = 0;
  for (const [name, test] of markers) {
    const i = lines.findIndex((line, j) => j >= from && test(line.text));
    found[name] = i === -1 ? null : lines[i]!.t;
    if (i !== -1) from = i + 1;
  }
  return found;
}

const span = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null ? null : Math.round(b - a);
const sum = (...parts: (number | null)[]): number | null => (parts.some((p) => p === null) ? null : parts.reduce<number>((x, y) => x + y!, 0));

function stagesOf(lines: readonly Line[], wallMs: number): BuildStages {
  const m = markerTimes(lines);
  // Written by a process beside Astro's, whenever it is done: not one of the ordered markers.
  const wordFiles = lines.find((line) => /\[word\] Wrote \d+ Word files in \d+ ms/.test(line.text));
  // The last index written: the build runs one indexing process per index, at the same time.
  const indexed = lines.findLast((line) => /Pagefind indexed \d+ pages/.test(line.text))?.t ?? null;
  return {
    startupAndCheckMs: span(0, m['configured']),
    contentSyncMs: span(m['syncStart'], m['syncEnd']),
    astroSetupMs: sum(span(m['configured'], m['syncStart']), span(m['syncEnd'], m['bundleStart'])),
    bundleMs: span(m['bundleStart'], m['renderStart']),
    renderMs: span(m['renderStart'], m['renderEnd']),
    wordFilesMs: wordFiles ? Number(wordFiles.text.match(/in (\d+) ms/)?.[1]) : null,
    searchIndexMs: span(Math.max(m['buildDone'] ?? 0, wordFiles?.t ?? 0) || null, indexed),
    finishMs: sum(span(m['renderEnd'], m['buildDone']), span(indexed, wallMs)),
  };
}

function routeTimings(lines: readonly Line[]): { byKind: Record<PageKind, number>; slowest: RouteTiming[] } {
  const byKind = emptyTally();
  const routes: RouteTiming[] = [];
  for (const { text } of lines) {
    const match = /[├└]─ (\/\S*) \(\+(\d+)ms\)/.exec(text);
    if (!match) continue;
    const route = match[1]!;
    const ms = Number(match[2]);
    byKind[pageKind(route)] += ms;
    routes.push({ route, ms });
  }
  return { byKind, slowest: routes.sort((a, b) => b.ms - a.ms).slice(0, 5) };
}

/** Every process whose ancestry leads to `root`, from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: the parent pid follows the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

function residentKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the tree's total resident memory until stopped; returns the peak in KiB. */
function sampleTreeMemory(root: number): { stop(): number | null } {
  if (!existsSync('/proc/self/status')) return { stop: () => null };
  let peak = 0;
  const tick = () => {
    const total = processTree(root).reduce((n, pid) => n + residentKiB(pid), 0);
    if (total > peak) peak = total;
  };
  const timer = setInterval(tick, 100);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

function parseTimeReport(path: string): { maxRssKiB: number | null; userMs: number | null; systemMs: number | null } {
  if (!existsSync(path)) return { maxRssKiB: null, userMs: null, systemMs: null };
  const text = readFileSync(path, 'utf8');
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const system = num(/System time \(seconds\): ([\d.]+)/);
  return {
    maxRssKiB: num(/Maximum resident set size \(kbytes\): (\d+)/),
    userMs: user === null ? null : Math.round(user * 1000),
    systemMs: system === null ? null : Math.round(system * 1000),
  };
}

const TIME = '/usr/bin/time';

export interface BuildOptions {
  /** The private project folder (see prepareProject). */
  root: string;
  contentDir: string;
  today: string;
  /**
   * Write V8 CPU profiles here: NODE_OPTIONS gives every Node process of the build (npm, the
   * build script, Astro, the search indexer) `--cpu-prof`, one profile each.
   */
  cpuProfDir?: string;
  /** Echo the build's log to stderr as it runs. */
  verbose?: boolean;
}

/**
 * Runs `npm run build` in the private project with HANDBOOK_CONTENT and HANDBOOK_TODAY set,
 * writing the site to `<root>/dist`, and measures it.
 */
export async function runBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const logFile = join(options.root, 'build.log');
  const timeFile = join(options.root, 'time.txt');
  const useTime = existsSync(TIME);
  const command = ['npm', 'run', 'build'];
  // No telemetry: the benchmark runs offline and measures the build, not a request to Astro's server.
  const env: NodeJS.ProcessEnv = { ...process.env, HANDBOOK_CONTENT: options.contentDir, HANDBOOK_TODAY: options.today, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  if (options.cpuProfDir) env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --cpu-prof --cpu-prof-dir=${options.cpuProfDir}`.trim();
  // The synthetic handbook is built at "/" whatever the caller's environment says.
  delete env['HANDBOOK_BASE'];
  delete env['HANDBOOK_SITE'];

  const log = createWriteStream(logFile);
  const lines: Line[] = [];
  const loadAverageAtStart = Math.round(loadavg()[0]! * 100) / 100;
  const started = performance.now();
  const child = useTime
    ? spawn(TIME, ['-v', '-o', timeFile, ...command], { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command[0]!, command.slice(1), { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = sampleTreeMemory(child.pid!);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const t = performance.now() - started;
      log.write(chunk);
      if (options.verbose) process.stderr.write(chunk);
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const part of parts) lines.push({ t, text: part.replace(ANSI, '') });
    });
  }
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const wallMs = Math.round(performance.now() - started);
  const treePeak = memory.stop();
  await new Promise((resolve) => log.end(resolve));

  const time = useTime ? parseTimeReport(timeFile) : { maxRssKiB: null, userMs: null, systemMs: null };
  const mib = (kib: number | null) => (kib === null || kib === 0 ? null : Math.round(kib / 1024));
  // One line per indexing process (the build runs one per index, at the same time).
  const indexed = lines.map((l) => /Pagefind indexed (\d+) pages.* in (\d+) ms/.exec(l.text)).filter((m) => m !== null);
  const routes = routeTimings(lines);
  return {
    command: `${options.cpuProfDir ? `NODE_OPTIONS='${env['NODE_OPTIONS']}' ` : ''}${useTime ? `${TIME} -v ` : ''}${command.join(' ')}`,
    exitCode,
    wallMs,
    cpuUserMs: time.userMs,
    cpuSystemMs: time.systemMs,
    peakMemoryMiB: Math.max(mib(time.maxRssKiB) ?? 0, mib(treePeak) ?? 0),
    peakProcessMiB: mib(time.maxRssKiB),
    peakTreeSampledMiB: mib(treePeak),
    stages: stagesOf(lines, wallMs),
    renderMsByKind: routes.byKind,
    slowestRoutes: routes.slowest,
    pagefind: { pages: indexed.length ? indexed.reduce((n, m) => n + Number(m[1]), 0) : null, reportedMs: indexed.length ? Math.max(...indexed.map((m) => Number(m[2]))) : null },
    loadAverageAtStart,
    outDir: join(options.root, 'dist'),
    logFile,
  };
}

/** The last lines of a build log, for the error message when a build fails. */
export function logTail(logFile: string, count = 30): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-count).join('\n') : '';
}
