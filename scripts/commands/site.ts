/**
 * `build`, `dev` and `preview` for a folder that holds only a firm's content: Astro runs with the
 * engine's root and config (astro.config.mjs reads HANDBOOK_CONTENT), and writes to dist/ in the
 * working directory. The search index is built after Astro exits, in a process of its own, as
 * `npm run build` does (see scripts/search-index.ts for why), all in scripts/build-site.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import { contentDir } from '../../src/lib/env.ts';
import { engineRoot } from '../engine.ts';
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

/**
 * What stopped Astro, as its own CLI would say it and without a stack trace: the message, then the
 * hint (for our content check, every problem with its file, line and field).
 */
function reportAstroError(error: unknown): void {
  if (!(error instanceof Error)) return void console.error(String(error));
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : '';
  console.error([error.message, hint].filter(Boolean).join('\n'));
}

function noPositionals(positionals: string[]): void {
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
}

export const build: Command = {
  async run(positionals) {
    noPositionals(positionals);
    requireContent();
    // Built beside dist/ and swapped in: a failed build leaves the previous site as it was.
    const { buildSite } = await import('../build-site.ts');
    return buildSite({ outDir: outDir() });
  },
};

export const dev: Command = {
  options: { port: { type: 'string' } },
  async run(positionals, values) {
    noPositionals(positionals);
    requireContent();
    const inline = config(values);
    // Astro keeps a NODE_ENV it finds, and with "production" (often set in a firm's shell) the
    // server answered with pages that never showed an edit. Vite's own names, set by a test
    // runner or a shell, would stand in for the values Vite gives pages (error pages, 404s).
    process.env.NODE_ENV = 'development';
    for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
    const astro = await import('astro');
    let server: Awaited<ReturnType<typeof astro.dev>>;
    try {
      server = await astro.dev(inline);
    } catch (error) {
      reportAstroError(error);
      return 1;
    }
    return untilInterrupted(() => server.stop());
  },
};

export const preview: Command = {
  options: { port: { type: 'string' } },
  async run(positionals, values) {
    noPositionals(positionals);
    const inline = config(values);
    if (!existsSync(resolve(outDir(), 'index.html'))) throw new UsageError(`No built site in ${outDir()}: run \`build\` first.`);
    const astro = await import('astro');
    let server: Awaited<ReturnType<typeof astro.preview>>;
    try {
      server = await astro.preview(inline);
    } catch (error) {
      reportAstroError(error);
      return 1;
    }
    return untilInterrupted(() => server.stop());
  },
};
