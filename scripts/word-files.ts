/**
 * Writes the site's Word files ("Download as Word": every version, every static redline) into a
 * folder, laid out as in the built site: `node scripts/word-files.ts DIR`, with the build's
 * HANDBOOK_CONTENT and HANDBOOK_TODAY.
 *
 * The production build (scripts/build-site.ts) runs it beside `astro build`, which then leaves
 * these routes out: Astro renders pages on one core, and the Word files (a fifth of the build's
 * work at 1,000 policies) are made on the other. The files come from the route table's pages and
 * src/lib/docx/files.ts, as the dev server's routes serve them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { wordFile, type WordFileProps } from '../src/lib/docx/files.ts';
import { WORD_FILE_KINDS } from '../src/lib/docx/site.ts';
import type { CalendarDate } from '../src/lib/dates.ts';
import { contentDir, EnvError, today } from '../src/lib/env.ts';
import { loadHandbook } from '../src/lib/model.ts';
import { builtFile, routes } from '../src/lib/routes.ts';

function main(outDir: string | undefined): number {
  if (!outDir) {
    console.error('Usage: node scripts/word-files.ts DIR (the folder to write the Word files into).');
    return 2;
  }
  const started = performance.now();
  let day: CalendarDate;
  try {
    day = today();
  } catch (error) {
    // `astro build`, run beside this step, says what is wrong with the variable; this step only stops.
    if (error instanceof EnvError) return 2;
    throw error;
  }
  const { handbook } = loadHandbook(contentDir(), day);
  // `astro build` lists the content's problems; this step only stops.
  if (!handbook) return 1;
  const folders = new Set<string>();
  let files = 0;
  for (const kind of WORD_FILE_KINDS) {
    const route = routes[kind];
    for (const { params, props } of route.pages(handbook)) {
      const file = join(outDir, builtFile(route.path(params as never)));
      const folder = dirname(file);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writeFileSync(file, wordFile(props as WordFileProps, handbook));
      files++;
    }
  }
  console.log(`[word] Wrote ${files} Word files in ${Math.round(performance.now() - started)} ms.`);
  return 0;
}

process.exitCode = main(process.argv[2] ? resolve(process.argv[2]) : undefined);
