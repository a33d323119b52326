/**
 * The production build, all or nothing: `astro build` and the search index are written to a
 * fresh folder beside the output folder, which replaces the output only when both steps
 * succeeded. A failed build leaves the previous site untouched (never a half-written one, whose
 * `.prerender/` chunks could hold a draft's text) and removes what it wrote.
 *
 * `npm run build` runs this file; the CLI's `build` command and the tests call `buildSite`. Astro
 * runs in a process of its own (so a failure is an exit code, whatever it printed), and the Word
 * files are written by another beside it (scripts/word-files.ts), so that both cores work: Astro
 * renders its pages on one.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localToday } from '../src/lib/dates.ts';
import { contentDir } from '../src/lib/env.ts';
import { SEARCH_INDEXES } from '../src/lib/routes.ts';
import { SEARCH_PAGES_FILE } from '../src/lib/search-pages.ts';
import { engineRoot, engineScript } from './engine.ts';

export interface BuildOptions {
  /** The folder the finished site replaces (`dist/`). */
  outDir: string;
  /** Environment of the build (HANDBOOK_CONTENT, HANDBOOK_TODAY, HANDBOOK_BASE, HANDBOOK_SITE). */
  env?: NodeJS.ProcessEnv;
  /** Where the steps' output goes; `inherit` by default. */
  stdio?: 'inherit' | 'ignore';
}

/** Runs one step with the Node that runs this script (Node 22, as Astro needs); resolves to its exit code. */
function run(args: string[], options: BuildOptions): Promise<number> {
  return new Promise((done, fail) => {
    const given = options.env ?? process.env;
    // A production build whatever NODE_ENV the caller's shell has (Vite reads it to choose dev or
    // production); the content folder resolved where the caller is, as Astro runs in the engine's folder.
    const env = { ...given, NODE_ENV: 'production', HANDBOOK_CONTENT: contentDir(given) };
    const child = spawn(process.execPath, args, { cwd: engineRoot(), env, stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Astro's command-line entry, wherever npm installed Astro (here, or hoisted in a firm's project). */
function astroBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
}

/**
 * Builds the site into a new folder, then swaps it in for `outDir`.
 *
 * @returns the exit code of the step that failed (the previous `outDir` is then untouched), or 0
 */
export async function buildSite(options: BuildOptions): Promise<number> {
  const outDir = resolve(options.outDir);
  // Beside the output, on the same file system, so the swap is a rename.
  const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-building-`));
  // mkdtemp makes a private folder: a web server's worker must be able to read the site.
  chmodSync(staging, 0o755);
  const words = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-word-`));
  // One "today" for both processes, even across midnight.
  const env = { ...(options.env ?? process.env) };
  env['HANDBOOK_TODAY'] ||= localToday();
  try {
    const [built, written] = await Promise.all([
      run([astroBin(), 'build', '--outDir', staging], { ...options, env: { ...env, HANDBOOK_WORD_FILES: 'apart' } }),
      run([`--max-old-space-size=${wordFilesHeapMiB(contentDir(env))}`, engineScript('word-files'), words], { ...options, env }),
    ]);
    if (built !== 0) return built;
    if (written !== 0) return written;
    moveInto(words, staging);
    // Each search index in a process of its own: Pagefind indexes on one core.
    const indexed = await Promise.all(Object.keys(SEARCH_INDEXES).map((index) => run([engineScript('search-index'), staging, index], options)));
    const failed = indexed.find((code) => code !== 0);
    if (failed !== undefined) return failed;
    rmSync(join(staging, SEARCH_PAGES_FILE));
    swap(staging, outDir);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(words, { recursive: true, force: true });
  }
}

/**
 * The heap the Word files' process may grow to, in MiB. Its live data is the handbook (about 3×
 * the content's size), but V8 lets a busy heap grow far past that before it collects, and the
 * process runs while Astro is at its peak: uncapped, it reached 620 MB at 1,000 policies × 3
 * versions and the build's tree 1,865 MiB (the benchmark's budget is 1,843); capped at 512, 410 MB
 * and a little more time. The cap grows with the content, so a large handbook is never short.
 */
function wordFilesHeapMiB(content: string): number {
  const bytes = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? bytes(join(dir, e.name)) : e.isFile() ? statSync(join(dir, e.name)).size : 0), 0);
  return Math.max(512, Math.ceil((16 * (existsSync(content) ? bytes(content) : 0)) / 2 ** 20));
}

/** Moves every file under `from` to the same place under `to`. */
function moveInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      moveInto(source, target);
    } else renameSync(source, target);
  }
}

/** Puts `fresh` at `target`; the old `target`, if any, is removed once the new one is in place. */
function swap(fresh: string, target: string): void {
  if (!existsSync(target)) return renameSync(fresh, target);
  const old = `${fresh}-previous`;
  renameSync(target, old);
  try {
    renameSync(fresh, target);
  } catch (error) {
    renameSync(old, target);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

// `node scripts/build-site.ts [OUT]` (what `npm run build` runs); default dist/.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await buildSite({ outDir: process.argv[2] ?? 'dist' });
}
