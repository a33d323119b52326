/**
 * What a build wrote: pages by kind, sizes, the largest page, and the JavaScript a reader's
 * browser downloads on a policy page before search is opened.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { emptyTally, pageKind, type PageKind } from './pages.ts';

export interface ScriptCost {
  /** Output path of the file, or `inline #n` for a script written in the page. */
  source: string;
  bytes: number;
  gzipBytes: number;
}

export interface OutputFigures {
  files: number;
  bytes: number;
  htmlPages: number;
  htmlBytes: number;
  pages: Record<PageKind, number> & { total: number };
  /** The pagefind/ folder. */
  searchIndexBytes: number;
  searchIndexFiles: number;
  largestHtml: { path: string; bytes: number } | null;
  /** Canonical policy pages (/policies/<slug>/): the largest and the median. */
  policyPageHtml: { largestPath: string | null; largestBytes: number; medianBytes: number };
  /** Scripts on one canonical policy page, with their static imports; dynamic imports (search) are not loaded. */
  policyPageJs: { page: string | null; scripts: ScriptCost[]; bytes: number; gzipBytes: number };
}

interface FileEntry {
  path: string;
  bytes: number;
}

function walk(dir: string, root = dir, out: FileEntry[] = []): FileEntry[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) walk(abs, root, out);
    else if (entry.isFile()) out.push({ path: relative(root, abs).split(sep).join('/'), bytes: statSync(abs).size });
  }
  return out;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
// `import x from "…"`, `import "…"`, `export … from "…"`; not `import(…)`, which loads on demand.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+\.m?js)["']/g;

function attr(attrs: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** An address in the page to a file in the output folder, or undefined for another origin. */
function localFile(outDir: string, href: string, fromUrl: string): string | undefined {
  const url = new URL(href, fromUrl);
  if (url.origin !== 'http://site.invalid') return undefined;
  const path = join(outDir, decodeURIComponent(url.pathname));
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * The JavaScript a browser runs on `page` before any interaction: `<script>` elements (inline
 * and with src), `<link rel="modulepreload">`, and the modules they import statically, each
 * counted once, gzipped as a server would send it.
 */
export function pageJavaScript(outDir: string, page: string): ScriptCost[] {
  const html = readFileSync(join(outDir, page), 'utf8');
  const pageUrl = `http://site.invalid/${page.replace(/index\.html$/, '')}`;
  const costs: ScriptCost[] = [];
  const seen = new Set<string>();
  const queue: { file: string; url: string }[] = [];
  const count = (source: string, code: Buffer) => costs.push({ source, bytes: code.length, gzipBytes: gzipSync(code).length });
  const enqueue = (href: string, fromUrl: string) => {
    const file = localFile(outDir, href, fromUrl);
    if (!file) {
      costs.push({ source: `external ${href}`, bytes: 0, gzipBytes: 0 });
      return;
    }
    if (!seen.has(file)) {
      seen.add(file);
      queue.push({ file, url: new URL(href, fromUrl).href });
    }
  };
  const inline: { code: string; n: number }[] = [];
  let n = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1] ?? '';
    if (!JS_TYPES.has((attr(attrs, 'type') ?? '').toLowerCase())) continue;
    const src = attr(attrs, 'src');
    if (src) enqueue(src, pageUrl);
    else if (match[2]?.trim()) inline.push({ code: match[2], n: ++n });
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = match[1] ?? '';
    const href = attr(attrs, 'href');
    if (href && (attr(attrs, 'rel') ?? '').toLowerCase() === 'modulepreload') enqueue(href, pageUrl);
  }
  for (const { code, n: i } of inline) {
    count(`inline #${i}`, Buffer.from(code));
    for (const m of code.matchAll(STATIC_IMPORT)) enqueue(m[1]!, pageUrl);
  }
  for (let i = 0; i < queue.length; i++) {
    const { file, url } = queue[i]!;
    const code = readFileSync(file);
    count(relative(outDir, file).split(sep).join('/'), code);
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) enqueue(m[1]!, url);
  }
  return costs;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Measures a build's output folder. */
export function measureOutput(outDir: string): OutputFigures {
  const files = walk(outDir);
  const html = files.filter((f) => f.path.endsWith('.html'));
  const pages = { ...emptyTally(), total: html.length };
  for (const f of html) pages[pageKind(f.path)] += 1;
  const search = files.filter((f) => f.path.startsWith('pagefind/'));
  const largest = html.reduce<FileEntry | null>((max, f) => (!max || f.bytes > max.bytes ? f : max), null);
  const policyPages = html.filter((f) => pageKind(f.path) === 'policy').sort((a, b) => a.path.localeCompare(b.path));
  const largestPolicy = policyPages.reduce<FileEntry | null>((max, f) => (!max || f.bytes > max.bytes ? f : max), null);
  // Every canonical policy page has the same scripts; the first in address order stands for all.
  const page = policyPages[0]?.path ?? null;
  const scripts = page ? pageJavaScript(outDir, page) : [];
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    htmlPages: html.length,
    htmlBytes: html.reduce((n, f) => n + f.bytes, 0),
    pages,
    searchIndexBytes: search.reduce((n, f) => n + f.bytes, 0),
    searchIndexFiles: search.length,
    largestHtml: largest ? { path: largest.path, bytes: largest.bytes } : null,
    policyPageHtml: { largestPath: largestPolicy?.path ?? null, largestBytes: largestPolicy?.bytes ?? 0, medianBytes: median(policyPages.map((f) => f.bytes)) },
    policyPageJs: {
      page,
      scripts,
      bytes: scripts.reduce((s, c) => s + c.bytes, 0),
      gzipBytes: scripts.reduce((s, c) => s + c.gzipBytes, 0),
    },
  };
}
