// @ts-check
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { handbookHastPlugins } from './src/integrations/hast-handbook.ts';
import { handbookIntegration } from './src/integrations/handbook.ts';
import { MARKDOWN_FEATURES } from './src/lib/headings.ts';
import { basePath, contentDir, EnvError, siteUrl, today } from './src/lib/env.ts';
import { readSiteOptions } from './src/lib/site-options.ts';

/** The settings from the environment; a bad variable is named, with what was expected, and exits 2 (not a stack trace). */
function settings() {
  try {
    const dir = contentDir();
    const options = readSiteOptions(dir);
    return { dir, today: today(), base: basePath(options.base), site: siteUrl(options.url) };
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
const { dir, base, site, today: fixedToday } = settings();
// The handbook is confidential and its builds make no request: no usage report to Astro (sent
// after this file is read, so it sees these), no check of npm for a newer Astro in the dev server.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
// Pin the folder and "today" for the whole build, so every page agrees even across midnight.
process.env.HANDBOOK_CONTENT = dir;
process.env.HANDBOOK_TODAY = fixedToday;

export default defineConfig({
  base,
  // A cache for each content folder. Astro's content cache keeps a compiled text's old path when
  // its words are unchanged, so a folder moved or copied elsewhere failed to build ("failed to
  // resolve import astro:content-layer-deferred-module"); builds of two folders at once shared it.
  cacheDir: `./node_modules/.astro/content-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}/`,
  ...(site ? { site } : {}),
  trailingSlash: 'always',
  // Two pages at a time: the render loop otherwise idles while each page is written. Measured
  // at 1,000 policies: 56 s → 49 s, and a 100-version policy's 4,950 compare pages 18 s → 12 s;
  // more (4) cost 0.5 GB more memory for little more speed.
  build: { format: 'directory', concurrency: 2 },
  // The handbook is confidential: nothing calls home, and pages carry their own policy.
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [handbookIntegration({ contentDir: dir, today: process.env.HANDBOOK_TODAY }), mdx()],
  markdown: {
    processor: satteri({ hastPlugins: handbookHastPlugins({ base, contentDir: dir }), features: { ...MARKDOWN_FEATURES } }),
    // Shiki colours code with inline styles, which the page's Content-Security-Policy blocks (and
    // Astro warns about on every build): code blocks are plainly styled by global.css instead.
    syntaxHighlight: false,
  },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // Pagefind compiles its search engine from WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX module logs this harmless warning; at 1,000 pages it is a megabyte of log.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
