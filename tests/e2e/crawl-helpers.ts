/**
 * Helpers for the deployment tests: walk the built site, read its files (Pagefind's are
 * gzipped), pull the addresses out of a page and run the Nu HTML Checker. Serving a folder the
 * way the simplest static host would is scripts/local-site.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function builtFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The address path (below the base) that serves a built HTML file: `a/b/index.html` → `a/b/`. */
export function pathOfHtmlFile(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * A built file's content as text. Pagefind writes its index, fragments and WebAssembly gzipped,
 * so a plain grep would miss a word inside them: gzipped files are unpacked first.
 */
export function readBuiltText(path: string): string {
  const bytes = readFileSync(path);
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** An address written in an attribute of a page, with the tag and attribute it came from. */
export interface Reference {
  tag: string;
  attribute: string;
  value: string;
}

/** A start tag of a page: its name and attributes (names lower-cased, values decoded). */
export interface StartTag {
  tag: string;
  attributes: Map<string, string>;
}

// A start tag, allowing ">" inside quoted attribute values.
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data'];

/** Decodes the few character references an address or a meta value can carry. */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[name] ?? '');
}

/**
 * The start tags of a page, in order. Script, style and comment bodies are skipped: text
 * there is not markup. Enough for the site's own (well-formed, checker-valid) output.
 */
export function startTags(html: string): StartTag[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style|textarea)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  return [...markup.matchAll(START_TAG)].map(([, tag = '', attributes = '']) => ({
    tag: tag.toLowerCase(),
    attributes: new Map([...attributes.matchAll(ATTRIBUTE)].map(([, name = '', double, single, bare]) => [name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? '')])),
  }));
}

/** Every address in the attributes of a page's tags (href, src, action, srcset…), in order. */
export function referencesIn(html: string): Reference[] {
  return startTags(html).flatMap(({ tag, attributes }) =>
    URL_ATTRIBUTES.flatMap((attribute) => {
      const value = attributes.get(attribute);
      if (!value) return [];
      const values = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      return values.filter(Boolean).map((v) => ({ tag, attribute, value: v }));
    }),
  );
}

/** The `content` of the page's `<meta name="…">` (or `http-equiv`), if present. */
export function metaContent(html: string, attribute: 'name' | 'http-equiv', key: string): string | undefined {
  const meta = startTags(html).find((t) => t.tag === 'meta' && t.attributes.get(attribute)?.toLowerCase() === key && t.attributes.has('content'));
  return meta?.attributes.get('content');
}

/** One problem the Nu HTML Checker reports. */
export interface CheckerMessage {
  file: string;
  line?: number;
  message: string;
  extract?: string;
}

/**
 * Runs the Nu HTML Checker once over every HTML file in `dir` (one JVM for the whole site)
 * and returns its errors; warnings are not asked for.
 */
export function checkHtml(dir: string): CheckerMessage[] {
  const jar = resolve(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (run.error) throw run.error;
  // vnu prints its report on stderr and exits 1 when there are errors.
  let report: { messages?: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
  try {
    report = JSON.parse(run.stderr) as typeof report;
  } catch {
    throw new Error(`The Nu HTML Checker did not report JSON (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return (report.messages ?? [])
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url?.startsWith('file:') ? relative(dir, fileURLToPath(m.url)) : (m.url ?? dir),
      ...(m.lastLine !== undefined ? { line: m.lastLine } : {}),
      message: m.message,
      ...(m.extract ? { extract: m.extract.trim() } : {}),
    }));
}
