/**
 * One pass over a version's or an agreement's text with Sätteri, the parser that renders it:
 * the links it makes and the MDX components it uses, with their lines.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES, type HeadingUse } from './headings.ts';

/** A text's syntax tree as the site reads it: Sätteri with the site's Markdown features, MDX unless the file is `.md`. */
export function parseMdast(body: string, format: 'md' | 'mdx'): unknown {
  return (format === 'md' ? markdownToMdast : mdxToMdast)(body, { features: MARKDOWN_FEATURES });
}

export interface FoundLink {
  href: string;
  /** 1-based line, counted from the body's first line. */
  line: number;
  /** Written as a JSX element in MDX: compiled to code, so the build cannot add the base path. */
  jsx?: true;
}

export interface ComponentUse {
  name: string;
  line: number;
  /** Attributes written as plain strings (`name="clientName"`); expressions are left out. */
  attributes: Record<string, string>;
}

/** An HTML element written in the text (raw HTML, or lower-case JSX in MDX), with its attributes. */
export interface ElementUse {
  name: string;
  line: number;
  /** Attribute names as written, with their value when it is plain text. */
  attributes: { name: string; value?: string }[];
}

/** Code in MDX text: an `import`/`export`, a `{…}` expression, or an attribute computed by one. */
export interface CodeUse {
  kind: 'import or export' | 'expression';
  line: number;
  text: string;
}

export interface BodyScan {
  links: FoundLink[];
  components: ComponentUse[];
  /** Names bound by the file's own `import` statements. */
  imported: Set<string>;
  elements: ElementUse[];
  code: CodeUse[];
  /** Image sources (`![…](src)`), which may be `data:` images but never scripts. */
  images: FoundLink[];
  /** Every heading in order, with the attributes written after it (`{#id aliases="…"}`): its id, and the id check. */
  headings: HeadingUse[];
  /**
   * What only Astro's MDX compiler renders as today: `import`/`export` statements, `{expressions}`
   * and images beside the text (Astro optimises them). Empty for almost every version, which then
   * renders straight from the model (src/data/render.ts).
   */
  needsCompiler: string[];
}

interface Node {
  type: string;
  url?: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  data?: { hProperties?: Record<string, unknown> };
  children?: Node[];
}

/** An opening tag in raw HTML, and one attribute in it. */
const HTML_TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const HTML_ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** An expression that is only a comment (`{/* note *\/}`) runs nothing. */
const ONLY_COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

/** A node's text as a reader sees it (what the heading's id is made from). */
function plainText(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(plainText).join('');
}

function htmlElements(html: string, line: number, into: ElementUse[]): void {
  for (const tag of html.matchAll(HTML_TAG)) {
    const attributes = [...(tag[2] ?? '').matchAll(HTML_ATTRIBUTE)].map((a) => {
      const value = a[2] ?? a[3] ?? a[4];
      return value === undefined ? { name: a[1]! } : { name: a[1]!, value };
    });
    into.push({ name: tag[1]!.toLowerCase(), line: line + (html.slice(0, tag.index).match(/\n/g)?.length ?? 0), attributes });
  }
}
const IMPORT = /^\s*import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?/gm;

function importedNames(esm: string, into: Set<string>): void {
  for (const m of esm.matchAll(IMPORT)) {
    if (m[1]) into.add(m[1]);
    if (m[3]) into.add(m[3]);
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.split(/\s+as\s+/).pop()?.trim();
      if (name) into.add(name);
    }
  }
}

/**
 * Scans a body: links, link reference definitions and `href`s in raw HTML (never a footnote or
 * code that merely looks like a link), and in MDX the components used and imported.
 *
 * @throws the parser's error ("2:10: Unexpected …") when the MDX cannot be parsed
 */
export function scanBody(body: string, format: 'md' | 'mdx'): BodyScan {
  const scan: BodyScan = { links: [], components: [], imported: new Set(), elements: [], code: [], images: [], headings: [], needsCompiler: [] };
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    const why = compilerReason(node);
    if (why) scan.needsCompiler.push(`${why} on line ${line}`);
    if ((node.type === 'link' || node.type === 'definition') && node.url) scan.links.push({ href: node.url, line });
    if (node.type === 'image' && node.url) scan.images.push({ href: node.url, line });
    if (node.type === 'heading') {
      const attributes = Object.fromEntries(Object.entries(node.data?.hProperties ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)]));
      scan.headings.push({ text: plainText(node).trim(), line, attributes });
    }
    if (node.type === 'html' && node.value) {
      const found: ElementUse[] = [];
      htmlElements(node.value, line, found);
      scan.elements.push(...found);
      for (const element of found) for (const a of element.attributes) if (a.name.toLowerCase() === 'href' && a.value) scan.links.push({ href: a.value, line: element.line });
    }
    if (node.type === 'mdxjsEsm' && node.value) {
      importedNames(node.value, scan.imported);
      scan.code.push({ kind: 'import or export', line, text: node.value });
    }
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !ONLY_COMMENT.test(node.value ?? '')) {
      scan.code.push({ kind: 'expression', line, text: `{${node.value ?? ''}}` });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes: Record<string, string> = {};
      const all: ElementUse['attributes'] = [];
      for (const a of node.attributes ?? []) {
        if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') attributes[a.name] = a.value;
        if (a.type === 'mdxJsxAttribute' && a.name) all.push(typeof a.value === 'string' ? { name: a.name, value: a.value } : { name: a.name });
        const expression = a.type === 'mdxJsxExpressionAttribute' ? `{${String(a.value)}}` : a.value && typeof a.value === 'object' ? `${a.name}={${String((a.value as { value?: unknown }).value)}}` : undefined;
        if (expression) scan.code.push({ kind: 'expression', line, text: expression });
      }
      scan.components.push({ name: node.name, line, attributes });
      if (!isComponentName(node.name)) {
        scan.elements.push({ name: node.name.toLowerCase(), line, attributes: all });
        // A link written in JSX is a link like any other: checked, and its target must exist.
        if (attributes['href']) scan.links.push({ href: attributes['href'], line, jsx: true });
      }
    }
    node.children?.forEach(visit);
  };
  visit(parseMdast(body, format) as Node);
  return scan;
}

/** A local image, as Astro tells them apart (it imports and optimises those). */
function isLocalImage(url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // left as written
  }
  return !URL.canParse(decoded) && !decoded.startsWith('/');
}

function compilerReason(node: Node): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return 'an import or export';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'an expression';
    case 'image':
      return node.url && isLocalImage(node.url) ? `the image ${node.url}` : undefined;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'script' || node.name === 'style') return `a <${node.name}> element`;
      return node.attributes?.some((a) => a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string'))
        ? 'an expression in an attribute'
        : undefined;
    default:
      return undefined;
  }
}

/** A component name, as opposed to an HTML element written in JSX (`<br />`, `<abbr>`). */
export function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes('.');
}

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, withoutPositions(value)]));
}

/**
 * Whether an MDX text must stay MDX: it uses components, imports or expressions, or reads
 * differently as plain Markdown (MDX has no indented code or HTML comments, for one). Texts that
 * parse to the same tree either way can be `.md`, which builds faster.
 */
export function needsMdx(body: string): boolean {
  let asMdx: unknown;
  try {
    asMdx = parseMdast(body, 'mdx');
  } catch {
    return false; // not valid MDX at all: Markdown is what it can be
  }
  return JSON.stringify(withoutPositions(asMdx)) !== JSON.stringify(withoutPositions(parseMdast(body, 'md')));
}
