/**
 * Where the engine lives: this repository, or the installed package (node_modules/policy-handbook)
 * in a firm's project. The CLI runs Astro with the engine as its root and the firm's folder as
 * content and output, so nothing of the engine is copied into the firm's folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding astro.config.mjs, found upwards from this module (scripts/ here, cli/ once packed). */
export function engineRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'astro.config.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No astro.config.mjs above ${fileURLToPath(import.meta.url)}: the package is incomplete.`);
    dir = up;
  }
  return dir;
}

/**
 * A script of scripts/ to run with Node: its TypeScript source in this repository, the JavaScript
 * that `npm pack` compiled into cli/ in an installed package (Node does not strip types under
 * node_modules).
 */
export function engineScript(name: string): string {
  return import.meta.url.endsWith('.ts') ? join(engineRoot(), 'scripts', `${name}.ts`) : join(engineRoot(), 'cli', `${name}.js`);
}
