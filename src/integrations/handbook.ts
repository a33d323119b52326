/**
 * The build's own steps around Astro's:
 * - before anything is parsed, check every content file and stop with all problems at once
 *   (Astro's loader stops at the first bad file);
 * - after the pages are written, index them with Pagefind.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { formatIssues } from '../lib/issues.ts';
import { loadHandbook } from '../lib/model.ts';
import type { CalendarDate } from '../lib/dates.ts';

/** Pagefind glob of every page that can carry `data-pagefind-body`. */
export const SEARCHABLE_PAGES = '{policies/*/index.html,policies/*/*.*/index.html,agreements/*/index.html}';

async function assertPagefind<T extends { errors: string[] }>(step: string, response: Promise<T>): Promise<T> {
  const result = await response;
  if (result.errors.length) throw new AstroError(`Pagefind failed to ${step}.`, result.errors.join('\n'));
  return result;
}

export function handbookIntegration(options: { contentDir: string; today: CalendarDate }): AstroIntegration {
  return {
    name: 'policy-handbook',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { handbook, issues } = loadHandbook(options.contentDir, options.today);
        if (!handbook) {
          throw new AstroError(
            `The content in ${options.contentDir} has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was built.`,
            formatIssues(issues),
          );
        }
        logger.info(`${handbook.policies.length} policies, ${handbook.agreements.length} agreements; today is ${options.today}.`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index } = await pagefind.createIndex({});
        if (!index) throw new AstroError('Pagefind could not create an index.');
        try {
          // Only the pages that carry data-pagefind-body: canonical policies, version permalinks
          // (their folder is the version, e.g. 2.1) and agreements. Reading history and compare
          // pages too would cost most of the indexing time for nothing.
          const added = await assertPagefind(
            'index the pages',
            index.addDirectory({ path: fileURLToPath(dir), glob: SEARCHABLE_PAGES }),
          );
          const outputPath = fileURLToPath(new URL('pagefind/', dir));
          await assertPagefind('write the index', index.writeFiles({ outputPath }));
          // Our search page uses the JS API: Pagefind's ready-made UIs (about 0.5 MB) are never loaded.
          for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
            for (const ext of ['js', 'css']) rmSync(`${outputPath}/${ui}.${ext}`, { force: true });
          }
          logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
