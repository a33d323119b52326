/**
 * The plain-Astro baseline: the same generated texts, one version of each policy (the version
 * in force), built by a minimal Astro + MDX + Pagefind site (scripts/bench/baseline/: Astro's
 * defaults, a content collection, one layout, one page per text and a home page; `npm run build`
 * is `astro build && pagefind --site dist`). The benchmark builds it in the same run as the
 * handbook, so the ratio of CPU time per file holds on a noisy machine.
 *
 * It uses only what the repository has installed (astro, @astrojs/mdx, pagefind), so it works
 * offline, and it builds in a private copy like the handbook (see build.ts).
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkNodeModules, runBuild, type BuildMeasurement } from './build.ts';

const SITE = fileURLToPath(new URL('./baseline/', import.meta.url));

/** A text of the baseline: the policy's slug and its version file, relative to the content folder. */
export interface BaselineText {
  slug: string;
  contentPath: string;
}

export interface BaselineRun {
  /** Texts built (one page each, plus the home page). */
  texts: number;
  build: BuildMeasurement;
  /** Pages Pagefind reports it indexed. */
  indexedPages: number | null;
}

/** The Astro site, then each text as `texts/<slug>.<ext>`, then node_modules linked. */
export function prepareBaseline(repo: string, root: string, contentDir: string, texts: readonly BaselineText[]): void {
  mkdirSync(join(root, 'texts'), { recursive: true });
  cpSync(SITE, root, { recursive: true });
  for (const text of texts) copyFileSync(join(contentDir, text.contentPath), join(root, 'texts', `${text.slug}.${text.contentPath.split('.').pop()}`));
  linkNodeModules(repo, root);
}

/** Builds the baseline with `npm run build` in `root` and measures it like the handbook's build. */
export async function buildBaseline(repo: string, root: string, contentDir: string, texts: readonly BaselineText[], options: { today: string; verbose: boolean }): Promise<BaselineRun> {
  prepareBaseline(repo, root, contentDir, texts);
  const build = await runBuild({ root, contentDir, ...options });
  const indexed = /Indexed (\d+) pages?/.exec(readFileSync(build.logFile, 'utf8'));
  return { texts: texts.length, build, indexedPages: indexed ? Number(indexed[1]) : null };
}
