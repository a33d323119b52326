/**
 * Compiles the CLI (scripts/handbook.ts, the search indexer and the src/lib they import) to
 * JavaScript in cli/, for the packed package: `npm pack` runs it (`prepack`). Node strips
 * TypeScript types only outside node_modules, so an installed package cannot run the .ts sources;
 * Astro compiles src/ itself. npm packages stay imports (they are the package's dependencies), and
 * each command's module stays its own chunk, loaded only when that command runs.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'cli';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { handbook: 'scripts/handbook.ts', 'search-index': 'scripts/search-index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
console.log(`Compiled the CLI into ${outdir}/.`);
