/**
 * The build's own step before Astro's: check every content file and stop with all problems
 * at once (Astro's loader stops at the first bad file). The search index is built after Astro
 * exits, by scripts/search-index.ts, from the list of pages this writes at the end of the build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { formatIssues } from '../lib/issues.ts';
import { loadHandbook, type Handbook } from '../lib/model.ts';
import { SEARCH_PAGES_FILE, searchPages } from '../lib/search-pages.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { rememberHandbook } from './shared-handbook.ts';

export function handbookIntegration(options: { contentDir: string; today: CalendarDate }): AstroIntegration {
  let loaded: Handbook | undefined;
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
        rememberHandbook(handbook);
        loaded = handbook;
        logger.info(`${handbook.policies.length} policies, ${handbook.agreements.length} agreements; today is ${options.today}.`);
      },
      // The pages each search index holds, for scripts/search-index.ts (an explicit list, not a glob).
      'astro:build:done': ({ dir }) => {
        if (loaded) writeFileSync(join(fileURLToPath(dir), SEARCH_PAGES_FILE), JSON.stringify(searchPages(loaded)));
      },
    },
  };
}
