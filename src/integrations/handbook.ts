/**
 * The build's own step before Astro's: check every content file and stop with all problems
 * at once (Astro's loader stops at the first bad file). The search index is built after Astro
 * exits, by scripts/search-index.ts.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { formatIssues } from '../lib/issues.ts';
import { loadHandbook } from '../lib/model.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { rememberHandbook } from './shared-handbook.ts';

export function handbookIntegration(options: { contentDir: string; today: CalendarDate }): AstroIntegration {
  return {
    name: 'policy-handbook',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { handbook, issues } = loadHandbook(options.contentDir, options.today);
        if (!handbook && command === 'build') {
          // Content problems are the editor's to fix, not the engine's: the list, no stack trace.
          logger.error(`The content in ${options.contentDir} has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was built.\n${formatIssues(issues)}`);
          process.exit(1);
        }
        if (!handbook) {
          throw new AstroError(
            `The content in ${options.contentDir} has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was built.`,
            formatIssues(issues),
          );
        }
        rememberHandbook(handbook, command);
        logger.info(`${handbook.policies.length} policies, ${handbook.agreements.length} agreements; today is ${options.today}.`);
      },
    },
  };
}
