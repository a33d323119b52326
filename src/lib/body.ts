/**
 * One pass over a version's or an agreement's text with Sätteri, the parser that renders it:
 * the links it makes and the MDX components it uses, with their lines.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface FoundLink {
  href: string;
  /** 1-based line, counted from the body's first line. */
  line: number;
}

export interface ComponentUse {
  name: string;
  line: number;
  /** Attributes written as plain strings (`name="clientName"`); expressions are left out. */
  attributes: Record<string, string>;
}

export interface BodyScan {
  links: FoundLink[];
  components: ComponentUse[];
  /** Names bound by the file's own `import` statements. */
  imported: Set<string>;
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
  children?: Node[];
}

const HTML_HREF = /\bhref=["']([^"']+)["']/g;
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
  const scan: BodyScan = { links: [], components: [], imported: new Set(), needsCompiler: [] };
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    const why = compilerReason(node);
    if (why) scan.needsCompiler.push(`${why} on line ${line}`);
    if ((node.type === 'link' || node.type === 'definition') && node.url) scan.links.push({ href: node.url, line });
    if (node.type === 'html' && node.value) for (const m of node.value.matchAll(HTML_HREF)) scan.links.push({ href: m[1]!, line });
    if (node.type === 'mdxjsEsm' && node.value) importedNames(node.value, scan.imported);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes: Record<string, string> = {};
      for (const a of node.attributes ?? []) if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') attributes[a.name] = a.value;
      scan.components.push({ name: node.name, line, attributes });
    }
    node.children?.forEach(visit);
  };
  const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
  visit(parse(body, { features: { gfm: true } }) as unknown as Node);
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
