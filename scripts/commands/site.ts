/**
 * `build`, `dev` and `preview` for a folder that holds only a firm's content: Astro runs with the
 * engine's root and config (astro.config.mjs reads HANDBOOK_CONTENT), and writes to dist/ in the
 * working directory. The search index is built after Astro exits, in a process of its own, as
 * `npm run build` does (see scripts/search-index.ts for why).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import { contentDir } from '../../src/lib/env.ts';
import { engineRoot, engineScript } from '../engine.ts';
import { UsageError, type Command } from './command.ts';

/** The folder the site is written to and served from. */
const outDir = () => resolve('dist');

function config(values: Record<string, string | boolean | undefined>): AstroInlineConfig {
  const port = values['port'] === undefined ? undefined : Number(values['port']);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError(`--port takes a port number from 1 to 65535, received "${values['port']}".`);
  }
  return { root: engineRoot(), outDir: outDir(), ...(port ? { server: { port } } : {}) };
}

/** Stops at once, with a clear message, when there is no content folder where the user is. */
function requireContent(): void {
  const dir = contentDir();
  if (!existsSync(dir)) {
    throw new UsageError(`There is no content folder at ${dir}: run this where content/ is, or give --content DIR.`);
  }
}

/** Until Ctrl-C (or SIGTERM): then `stop` is awaited and the command ends with 0. */
function untilInterrupted(stop: () => Promise<void>): Promise<number> {
  return new Promise((done) => {
    let stopping = false;
    // `on`, not `once`: a second Ctrl-C (or the launcher passing one on) must not kill the stop.
    const end = () => {
      if (stopping) return;
      stopping = true;
      void stop().then(() => done(0));
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
}

function noPositionals(positionals: string[]): void {
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
}

export const build: Command = {
  async run(positionals) {
    noPositionals(positionals);
    requireContent();
    const astro = await import('astro');
    try {
      await astro.build(config({}));
    } catch {
      // Astro has printed the problem (our content check's list, or its own message).
      return 1;
    }
    const indexed = spawnSync(process.execPath, [engineScript('search-index'), outDir()], { stdio: 'inherit' });
    return indexed.status ?? 1;
  },
};

export const dev: Command = {
  options: { port: { type: 'string' } },
  async run(positionals, values) {
    noPositionals(positionals);
    requireContent();
    const astro = await import('astro');
    const server = await astro.dev(config(values));
    return untilInterrupted(() => server.stop());
  },
};

export const preview: Command = {
  options: { port: { type: 'string' } },
  async run(positionals, values) {
    noPositionals(positionals);
    if (!existsSync(resolve(outDir(), 'index.html'))) throw new UsageError(`No built site in ${outDir()}: run \`build\` first.`);
    const astro = await import('astro');
    const server = await astro.preview(config(values));
    return untilInterrupted(() => server.stop());
  },
};
