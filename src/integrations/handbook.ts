/**
 * The build's own step before Astro's: check every content file and stop with all problems
 * at once (Astro's loader stops at the first bad file). It gives Astro every page of the route
 * table (src/lib/routes.ts), each from its entrypoint in src/routes/. The search index is built
 * after Astro exits, by scripts/search-index.ts, from the list of pages this writes at the end
 * of the build.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { AstroError } from 'astro/errors';
import { WORD_FILE_KINDS } from '../lib/docx/site.ts';
import { formatIssues } from '../lib/issues.ts';
import { loadHandbook, type Handbook } from '../lib/model.ts';
import { SEARCH_PAGES_FILE, searchPages } from '../lib/search-pages.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { readSettings } from '../lib/content.ts';
import { routes, type PageKind } from '../lib/routes.ts';
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
      'astro:config:setup': ({ command, config, logger, updateConfig, injectRoute }) => {
        // The production build writes the Word files in a process of its own (scripts/build-site.ts).
        const wordFilesApart = command === 'build' && process.env['HANDBOOK_WORD_FILES'] === 'apart';
        for (const route of injectedRoutes(wordFilesApart ? WORD_FILE_KINDS : [])) injectRoute(route);
        // Not import.meta.env.DEV, which builds started from Vitest have had set (pages then re-read
        // the content mid-build, and a page's model objects no longer matched each other).
        const reading = command === 'dev' ? new DevReading(options.contentDir, options.today) : undefined;
        rememberDevReading(reading);
        const { handbook, issues } = reading ? reading.current() : loadHandbook(options.contentDir, options.today);
        // The dev server serves the logo from the content folder, which may lie outside the
        // engine (a firm's folder beside node_modules/). Listing it replaces Vite's default
        // (the engine's own folder), so that is listed too.
        const vite = (branding: Pick<HandbookConfig, 'logo' | 'accent'>, ...plugins: Plugin[]) => ({
          plugins: [brandModules(options.contentDir, branding), baseModule(config.base), ...plugins],
          server: { fs: { allow: [fileURLToPath(config.root), options.contentDir] } },
        });
        // The dev server starts anyway and shows the problems where the editor looks.
        if (!handbook && command === 'dev') {
          updateConfig({ vite: vite(readSettings(options.contentDir) ?? {}) });
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
        updateConfig({ vite: vite(handbook.config, guardCompiledTexts(options.contentDir)) });
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

/** The folder of the route entrypoints: `<kind>.astro` for a page, `<kind>.ts` for an endpoint. */
const ENTRYPOINTS = new URL('../routes/', import.meta.url);

/** The file that renders a page kind (a missing one is the engine's bug, so it throws). */
function routeEntrypoint(kind: PageKind): string {
  const found = ['astro', 'ts'].map((ext) => fileURLToPath(new URL(`${kind}.${ext}`, ENTRYPOINTS))).filter((file) => existsSync(file));
  if (found.length !== 1) throw new Error(`The route "${kind}" needs one entrypoint in src/routes/ (${kind}.astro or ${kind}.ts); found ${found.length}.`);
  return found[0]!;
}

/** Every route of the route table but those left `out`, as Astro's `injectRoute` takes it. */
export function injectedRoutes(out: readonly PageKind[] = []): { pattern: string; entrypoint: string }[] {
  return (Object.keys(routes) as PageKind[]).filter((kind) => !out.includes(kind)).map((kind) => {
    const route: { pattern: string; astroPattern?: string } = routes[kind];
    return { pattern: route.astroPattern ?? route.pattern, entrypoint: routeEntrypoint(kind) };
  });
}

const BASE = 'virtual:handbook/base';

/** The base path as the config resolved it, for the pages' links (src/data/handbook.ts `url`). */
function baseModule(base: string): Plugin {
  return {
    name: 'policy-handbook:base',
    resolveId: (id) => (id === BASE ? `\0${BASE}` : undefined),
    load: (id) => (id === `\0${BASE}` ? `export const base = ${JSON.stringify(base)};` : undefined),
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
