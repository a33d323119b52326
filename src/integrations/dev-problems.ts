/**
 * Content problems in `astro dev`, where the editor looks: the browser shows Astro's error
 * overlay titled as a content problem, naming the content file and line ("Open in editor"
 * opens it), with every problem once; the terminal prints the list once per change, without a
 * stack trace. Pages are not rendered while the content has problems, so Astro has no error of
 * its own to add. The same watcher keeps the pages' reading of the content current.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatIssue, formatIssues, type ContentIssue } from '../lib/issues.ts';
import type { DevReading } from './dev-reading.ts';

/** Whether `path` is `dir` or inside it. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return !rel.startsWith('..') && !isAbsolute(rel);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first problem's file as Astro's overlay shows it: a few lines around the line, marked. */
function codeAround(file: string, line: number | undefined): string | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = source.split(/\r?\n/);
  const rows = lines.map((text, i) => `<span class="line${i + 1 === line ? ' error-line' : ''}">${escapeHtml(text)}</span>`);
  return `<pre class="astro-code" tabindex="0"><code>${rows.join('\n')}</code></pre>`;
}

/**
 * The payload Vite's websocket carries to Astro's error overlay.
 *
 * @param issues at least one problem
 */
export function overlayPayload(issues: readonly ContentIssue[], contentDir: string): { type: 'error'; __isEnhancedAstroErrorPayload: true; err: Record<string, unknown> } {
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const first = sorted[0]!;
  const file = isAbsolute(first.file) ? first.file : resolve(first.file);
  const count = issues.length === 1 ? 'a content problem' : `${issues.length} content problems`;
  return {
    type: 'error',
    // Astro would otherwise rework the payload (escaping the HTML message a second time).
    __isEnhancedAstroErrorPayload: true,
    err: {
      type: 'AstroError',
      name: 'Content problem',
      title: `The handbook has ${count}: ${relative(contentDir, file)}${first.line ? `, line ${first.line}` : ''}`,
      message: sorted.map((issue) => escapeHtml(formatIssue(issue))).join('<br>'),
      hint: 'Fix the content file and save: the page reloads. `npm run handbook -- check` prints the same list.',
      loc: { file, ...(first.line ? { line: first.line } : {}) },
      highlightedCode: codeAround(file, first.line),
      stack: '',
    },
  };
}

/** Requests Vite answers from its own files (not pages): its client, modules, optimised deps, assets. */
const VITE_PATH = /^\/(?:@|__|node_modules\/|src\/|_astro\/)|\.(?:m?[jt]sx?|css|map|svg|png|jpe?g|webp|ico|woff2?)(?:\?|$)/;

/**
 * The list last printed, kept on the process: Astro re-imports the config (and this module)
 * when it restarts the dev server, and the list must not print again for that.
 */
const PRINTED = Symbol.for('policy-handbook.dev-problems.printed');
const store = globalThis as { [PRINTED]?: string };

/** Astro's own signal that content changed: each server-side environment clears its cache of `getStaticPaths` results. */
function clearRouteCaches(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
  }
}

/**
 * Watches the content folder: each change drops the changed file's reading (the next page reads
 * it again, src/integrations/dev-reading.ts) and Astro's cached page lists and props, then open
 * pages reload. While the content has problems, answers page requests with the overlay and
 * prints the list once per change.
 */
export function devProblems(server: ViteDevServer, logger: AstroIntegrationLogger, reading: DevReading): void {
  let issues: ContentIssue[] = [];
  const recheck = () => {
    issues = reading.current().issues;
    const list = issues.length ? formatIssues(issues) : '';
    const printed = store[PRINTED] ?? '';
    if (list === printed) return;
    if (list) logger.error(`The content has problems; pages show them until they are fixed:\n${list}`);
    else if (printed) logger.info('The content problems are fixed.');
    store[PRINTED] = list;
  };
  recheck();
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  server.watcher.add(reading.dir);
  server.watcher.on('all', (_event, path) => {
    if (!isInside(reading.dir, path)) return;
    // At once, so that a page asked for before the change has settled reads it.
    reading.changed(path);
    clearRouteCaches(server);
    changed.add(relative(reading.dir, path) || '.');
    // One save can be several events: check once they have settled.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const had = (store[PRINTED] ?? '') !== '';
      recheck();
      // Open pages: the new list in the overlay, or the page as it is now.
      if (issues.length) server.ws.send(overlayPayload(issues, reading.dir) as never);
      else {
        if (!had) logger.info(`${[...changed].sort().join(', ')} changed: pages show it now.`);
        server.ws.send({ type: 'full-reload' });
      }
      changed.clear();
    }, 200);
  });
  server.middlewares.use((request, response, next) => {
    // Vite's own files (its client, modules, assets) still load, so the overlay can show.
    if (!issues.length || VITE_PATH.test(request.url ?? '/')) return next();
    if (!request.headers.accept?.includes('text/html')) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The handbook content has problems: see the terminal.');
      return;
    }
    // A bare page that opens Astro's overlay (Vite's client exports it, patched by Astro) with
    // the problems: carried in the page, so none is lost if the websocket connects late.
    const err = JSON.stringify(overlayPayload(issues, reading.dir).err).replace(/</g, '\\u003c');
    response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Content problem</title><script type="application/json" id="content-problem">${err}</script><script type="module">import { ErrorOverlay } from '/@vite/client'; document.body.append(new ErrorOverlay(JSON.parse(document.getElementById('content-problem').textContent)));</script></html>`);
  });
}
