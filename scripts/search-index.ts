/**
 * Builds the search index of a built site with Pagefind: `node scripts/search-index.ts [DIR]`
 * (default dist/). `npm run build` runs it right after `astro build`.
 *
 * It runs as its own process, after Astro has exited, rather than in Astro's build:done hook:
 * there, Pagefind's memory came on top of everything Astro still held, and a 1,000-policy
 * handbook peaked at 3.4 GB instead of 2.4 GB (the benchmark issue's budget is 2.5 GB).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Two indexes of the pages that carry `data-pagefind-body` (history and compare pages are never
 * read): what is in force (canonical policy pages and agreements) in `pagefind/`, which every
 * search loads; superseded and upcoming versions (permalinks, whose folder is the version, e.g.
 * 2.1) in `pagefind-older/`, which the search page merges in only when the reader asks for older
 * versions. At 1,000 policies × 3 versions that keeps the usual search to a third of the pages.
 */
export const INDEXES = [
  { glob: '{policies/*/index.html,agreements/*/index.html}', folder: 'pagefind', merged: false },
  { glob: 'policies/*/*.*/index.html', folder: 'pagefind-older', merged: true },
] as const;

/** A merged index is searched by the primary bundle's code: its own copy is never loaded. */
const RUNTIME = /^(pagefind(-highlight|-worker)?\.js|wasm\..*\.pagefind)$/;

/** Pagefind's ready-made UIs (about 0.5 MB): our search page uses the JS API and never loads them. */
const UNUSED = ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui'].flatMap((ui) => [`${ui}.js`, `${ui}.css`]);

async function step<T extends { errors: string[] }>(what: string, response: Promise<T>): Promise<T> {
  const result = await response;
  if (result.errors.length) throw new Error(`Pagefind failed to ${what}:\n${result.errors.join('\n')}`);
  return result;
}

async function main(site: string): Promise<number> {
  if (!existsSync(join(site, 'index.html'))) {
    console.error(`No built site in ${site}: run \`npm run build\` (or \`astro build\`) first.`);
    return 1;
  }
  const started = performance.now();
  let pages = 0;
  try {
    for (const { glob, folder, merged } of INDEXES) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not create an index:\n${errors.join('\n')}`);
      const added = await step(`index ${glob}`, index.addDirectory({ path: site, glob }));
      const outputPath = join(site, folder);
      rmSync(outputPath, { recursive: true, force: true });
      await step(`write ${folder}/`, index.writeFiles({ outputPath }));
      await index.deleteIndex();
      for (const file of UNUSED) rmSync(join(outputPath, file), { force: true });
      if (merged) for (const file of readdirSync(outputPath).filter((f) => RUNTIME.test(f))) rmSync(join(outputPath, file));
      pages += added.page_count;
    }
  } finally {
    await pagefind.close();
  }
  console.log(`[search] Pagefind indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
  return 0;
}

process.exitCode = await main(resolve(process.argv[2] ?? 'dist'));
