/**
 * Compiles the CLI (scripts/handbook.ts, the build's search index and Word files steps, and the
 * src/lib they import) to JavaScript in cli/, for the packed package: `npm pack` runs it
 * (`prepack`). Node strips TypeScript types only outside node_modules, so an installed package
 * cannot run the .ts sources; Astro compiles src/ itself. Each command's module stays its own
 * chunk, loaded only when that command runs.
 *
 * The small pure-JavaScript libraries (yaml, zod, date-fns, diff) are bundled in: loading them as
 * hundreds of separate modules cost more than the work `check` does (measured: CPU 0.53 s → see
 * the README's figures). Astro, Pagefind, satteri (native code) and Playwright stay imports of
 * the package's dependencies.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'cli';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { handbook: 'scripts/handbook.ts', 'search-index': 'scripts/search-index.ts', 'word-files': 'scripts/word-files.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  external: ['astro', 'pagefind', 'satteri', 'playwright-core'],
  // astro/zod is zod itself, re-exported; bundling it needs no part of Astro.
  alias: { 'astro/zod': 'zod' },
  chunkNames: 'chunks/[name]-[hash]',
  // yaml is CommonJS and requires Node's modules: give the ES modules a `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Less text for V8 to parse at each start; names kept, for readable errors.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
console.log(`Compiled the CLI into ${outdir}/.`);
