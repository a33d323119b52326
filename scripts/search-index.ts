/**
 * Builds the search indexes of a built site with Pagefind: `node scripts/search-index.ts [DIR]
 * [current|older]` (default dist/, both indexes). `npm run build` runs it right after `astro
 * build`, once for each index at the same time: Pagefind indexes on one core, so each index gets
 * a process (and a Pagefind) of its own.
 *
 * It runs as its own process, after Astro has exited, rather than in Astro's build:done hook:
 * there, Pagefind's memory came on top of everything Astro still held, and a 1,000-policy
 * handbook peaked at 3.4 GB instead of 2.4 GB (the benchmark issue's budget is 2.5 GB).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { builtFile, SEARCH_INDEXES } from '../src/lib/routes.ts';
import { SEARCH_PAGES_FILE, type SearchPages } from '../src/lib/search-pages.ts';

/**
 * Two indexes, of the pages the build lists in search-pages.json (src/lib/search-pages.ts; history
 * and compare pages are never read): what is in force (canonical policy pages and agreements) in
 * `pagefind/`, which every search loads; superseded and upcoming versions in `pagefind-older/`,
 * which the search page merges in only when the reader asks for older versions. At 1,000
 * policies × 3 versions that keeps the usual search to a third of the pages.
 */
export const INDEXES = [
  { pages: 'current', folder: SEARCH_INDEXES.current.slice(1), merged: false },
  { pages: 'older', folder: SEARCH_INDEXES.older.slice(1), merged: true },
] as const;

const BATCH = 32;

/** A merged index is searched by the primary bundle's code: its own copy is never loaded. */
const RUNTIME = /^(pagefind(-highlight|-worker)?\.js|wasm\..*\.pagefind)$/;

/** Pagefind's ready-made UIs (about 0.5 MB): our search page uses the JS API and never loads them. */
const UNUSED = ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui'].flatMap((ui) => [`${ui}.js`, `${ui}.css`]);

async function step<T extends { errors: string[] }>(what: string, response: Promise<T>): Promise<T> {
  const result = await response;
  if (result.errors.length) throw new Error(`Pagefind failed to ${what}:\n${result.errors.join('\n')}`);
  return result;
}

async function main(site: string, only: readonly string[]): Promise<number> {
  const unknown = only.filter((name) => !INDEXES.some((i) => i.pages === name));
  if (unknown.length) {
    console.error(`No index "${unknown[0]}": expected ${INDEXES.map((i) => i.pages).join(' or ')}.`);
    return 2;
  }
  const indexes = only.length ? INDEXES.filter((i) => only.includes(i.pages)) : INDEXES;
  if (!existsSync(join(site, 'index.html'))) {
    console.error(`No built site in ${site}: run \`npm run build\` (or \`astro build\`) first.`);
    return 1;
  }
  const manifest = join(site, SEARCH_PAGES_FILE);
  if (!existsSync(manifest)) {
    console.error(`No ${SEARCH_PAGES_FILE} in ${site}: it is written by \`astro build\` with this project's integration; build again.`);
    return 1;
  }
  const lists = JSON.parse(readFileSync(manifest, 'utf8')) as SearchPages;
  const started = performance.now();
  let pages = 0;
  try {
    for (const { pages: list, folder, merged } of indexes) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not create an index:\n${errors.join('\n')}`);
      // A few files in flight at a time: Pagefind's process works while the next ones are read.
      for (let i = 0; i < lists[list].length; i += BATCH) {
        await Promise.all(lists[list].slice(i, i + BATCH).map((path) => {
          // `/policies/x/` is `policies/x/index.html`; Pagefind gives it back the address `/policies/x/`.
          const sourcePath = builtFile(path);
          return step(`index ${sourcePath}`, index.addHTMLFile({ sourcePath, content: readFileSync(join(site, sourcePath), 'utf8') }));
        }));
      }
      const outputPath = join(site, folder);
      rmSync(outputPath, { recursive: true, force: true });
      await step(`write ${folder}`, index.writeFiles({ outputPath }));
      await index.deleteIndex();
      for (const file of UNUSED) rmSync(join(outputPath, file), { force: true });
      if (merged) for (const file of readdirSync(outputPath).filter((f) => RUNTIME.test(f))) rmSync(join(outputPath, file));
      pages += lists[list].length;
    }
  } finally {
    await pagefind.close();
  }
  // The list is the build's, not the site's: gone once every index is written.
  if (indexes.length === INDEXES.length) rmSync(manifest);
  console.log(`[search] Pagefind indexed ${pages} pages into ${indexes.map((i) => i.folder).join(' and ')} in ${Math.round(performance.now() - started)} ms.`);
  return 0;
}

process.exitCode = await main(resolve(process.argv[2] ?? 'dist'), process.argv.slice(3));
