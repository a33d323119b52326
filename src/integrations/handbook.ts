/**
 * The build's own step before Astro's: check every content file and stop with all problems
 * at once (Astro's loader stops at the first bad file). The search index is built after Astro
 * exits, by scripts/search-index.ts, from the list of pages this writes at the end of the build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { AstroError } from 'astro/errors';
import { formatIssues } from '../lib/issues.ts';
import { loadHandbook, type Handbook } from '../lib/model.ts';
import { SEARCH_PAGES_FILE, searchPages } from '../lib/search-pages.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { readContent } from '../lib/content.ts';
import type { HandbookConfig } from '../lib/schema/handbook.ts';
import { devProblems } from './dev-problems.ts';
import { guardCompiledTexts } from '../data/text-errors.ts';
import { DevReading } from './dev-reading.ts';
import { devReading, rememberDevReading, rememberHandbook, rememberRenderSettings } from './shared-handbook.ts';

export function handbookIntegration(options: { contentDir: string; today: CalendarDate }): AstroIntegration {
  let loaded: Handbook | undefined;
  return {
    name: 'policy-handbook',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        // Not import.meta.env.DEV, which builds started from Vitest have had set (pages then re-read
        // the content mid-build, and a page's model objects no longer matched each other).
        const reading = command === 'dev' ? new DevReading(options.contentDir, options.today) : undefined;
        rememberDevReading(reading);
        const { handbook, issues } = reading ? reading.current() : loadHandbook(options.contentDir, options.today);
        // The dev server starts anyway and shows the problems where the editor looks.
        if (!handbook && command === 'dev') {
          updateConfig({ vite: { plugins: [brandModules(options.contentDir, readContent(options.contentDir).handbook ?? {})], server: { fs: { allow: [fileURLToPath(config.root), options.contentDir] } } } });
          return;
        }
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
        rememberHandbook(handbook);
        loaded = handbook;
        updateConfig({
          vite: {
            plugins: [brandModules(options.contentDir, handbook.config), guardCompiledTexts(options.contentDir)],
            // The dev server serves the logo from the content folder, which may lie outside the
            // engine (a firm's folder beside node_modules/). Listing it replaces Vite's default
            // (the engine's own folder), so that is listed too.
            server: { fs: { allow: [fileURLToPath(config.root), options.contentDir] } },
          },
        });
        logger.info(`${handbook.policies.length} policies, ${handbook.agreements.length} agreements; today is ${options.today}.`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const reading = devReading();
        if (reading) devProblems(server, logger, reading);
      },
      // The texts render from the model with the config's own Markdown processor and plugins.
      'astro:config:done': ({ config }) => {
        rememberRenderSettings({ markdown: config.markdown, image: config.image });
      },
      // The pages each search index holds, for scripts/search-index.ts (an explicit list, not a glob).
      'astro:build:done': ({ dir }) => {
        if (loaded) writeFileSync(join(fileURLToPath(dir), SEARCH_PAGES_FILE), JSON.stringify(searchPages(loaded)));
      },
    },
  };
}

const BRAND = 'virtual:handbook/brand';
const THEME = 'virtual:handbook/theme.css';

/**
 * The firm's logo and accent colour as modules the layout imports, so Vite treats them as it
 * treats the engine's own files: the logo (a file of the content folder) is copied into the
 * site's assets with a content hash (never inlined), and the accent lands in the bundled,
 * CSP-covered stylesheet, in `astro dev` as in a build.
 */
function brandModules(contentDir: string, config: Pick<HandbookConfig, 'logo' | 'accent'>): Plugin {
  return {
    name: 'policy-handbook:brand',
    resolveId(id) {
      return id === BRAND || id === THEME ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${BRAND}`) {
        return config.logo
          ? `export { default as logo } from ${JSON.stringify(`${join(contentDir, config.logo)}?no-inline`)};`
          : 'export const logo = undefined;';
      }
      // global.css reads --firm-accent in the light scheme; the dark scheme keeps its own.
      if (id === `\0${THEME}`) return config.accent ? `:root { --firm-accent: ${config.accent}; }\n` : '';
      return undefined;
    },
  };
}
