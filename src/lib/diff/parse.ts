/**
 * Version body → blocks of rendered text.
 *
 * The redline compares what readers see, not the source: emphasis, links and
 * line wrapping are gone; only the words, their punctuation and the block
 * structure remain.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { parseMdast } from '../body.ts';
import type { Block, BlockLink } from './types.ts';

type Jsx = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

// Parents whose children run together on one line; the children of any other
// parent are separate blocks, so their texts are joined with a space.
const PHRASING = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);

/** Blocks: inside a component, their texts are kept apart by a space; inline content is joined as written. */
const FLOW = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'thematicBreak', 'html', 'math', 'mdxJsxFlowElement']);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
// Tags and comments render no text; between blocks of HTML (`</p><p>`) a space keeps words apart.
const stripTags = (html: string, separator: string) => html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, separator);

/** `name a="b" c={d}`: how a component's name and props read in the redline. */
function jsxLabel(node: Jsx): string {
  const attributes = node.attributes.map((a) => {
    if (a.type === 'mdxJsxExpressionAttribute') return `{${a.value}}`;
    if (a.value === null || a.value === undefined) return a.name;
    return typeof a.value === 'string' ? `${a.name}="${a.value}"` : `${a.name}={${a.value.value}}`;
  });
  return [node.name ?? '', ...attributes].join(' ').trim();
}

/** A component block's text: name and props, then its text content, so a changed prop shows. */
function componentText(node: Jsx): string {
  const label = jsxLabel(node);
  // `<Callout>Read [this](/x/).</Callout>` on one line holds inline content: "Read this.", not "Read this .".
  const body = collapse(node.children.map(textOf).join(node.children.some((child) => FLOW.has(child.type)) ? ' ' : ''));
  return label && body ? `${label}: ${body}` : label || body;
}

/** Rendered text of a node (not yet collapsed). */
function textOf(node: Nodes): string {
  switch (node.type) {
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return stripTags(node.value, '');
    case 'mdxJsxFlowElement':
      return componentText(node);
    case 'mdxJsxTextElement': {
      // An inline component shows its text; one without text (<Fee tier="2" />)
      // renders from its props, so the props stand in for it.
      const text = node.children.map(textOf).join('');
      return text.trim() ? text : `<${jsxLabel(node)} />`;
    }
    case 'mdxTextExpression':
      return `{${node.value}}`;
    case 'mdxjsEsm':
    case 'definition':
    case 'footnoteReference':
      return '';
  }
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(textOf).join(PHRASING.has(node.type) ? '' : ' ');
  return '';
}

/** The one JSX element a paragraph consists of, if any: `<Callout>…</Callout>` written on one line. */
function soleElement(nodes: readonly Nodes[]): Jsx | undefined {
  const visible = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()));
  const only = visible[0];
  return visible.length === 1 && only?.type === 'mdxJsxTextElement' ? only : undefined;
}

/** Link addresses of reference-style links (`[text][ref]`), by their lower-cased label. */
type Definitions = Map<string, string>;

function collectDefinitions(nodes: readonly Nodes[], out: Definitions): Definitions {
  for (const node of nodes) {
    if (node.type === 'definition') out.set(node.identifier.toLowerCase(), node.url);
    else if ('children' in node) collectDefinitions(node.children as Nodes[], out);
  }
  return out;
}

/** The links among some nodes (not inside nested lists, which are blocks of their own). */
function linksOf(nodes: readonly Nodes[], definitions: Definitions, out: BlockLink[] = []): BlockLink[] {
  for (const node of nodes) {
    if (node.type === 'list') continue;
    const href = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier.toLowerCase()) : undefined;
    if (href !== undefined) out.push({ text: collapse(textOf(node)), href });
    else if ('children' in node) linksOf(node.children as Nodes[], definitions, out);
  }
  return out;
}

interface Context {
  section?: string;
  definitions: Definitions;
}

function walk(nodes: readonly RootContent[], out: Block[], context: Context, listDepth: number): void {
  const push = (block: Block, from?: readonly Nodes[]) => {
    if (context.section !== undefined) block.section = context.section;
    const links = from ? linksOf(from, context.definitions) : [];
    if (links.length) block.links = links;
    out.push(block);
  };
  const component = (node: Jsx) => push({ kind: 'component', text: componentText(node), ...(node.name ? { name: node.name } : {}) }, node.children);
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const text = collapse(textOf(node));
        context.section = text;
        push({ kind: 'heading', text, depth: node.depth }, node.children);
        break;
      }
      case 'paragraph': {
        const element = soleElement(node.children);
        if (element) component(element);
        else {
          const text = collapse(textOf(node));
          if (text) push({ kind: 'paragraph', text }, node.children);
        }
        break;
      }
      case 'list':
        for (const item of node.children) {
          const own = item.children.filter((child) => child.type !== 'list');
          push({
            kind: 'listItem',
            text: collapse(own.map(textOf).join(' ')),
            ordered: node.ordered === true,
            depth: listDepth + 1,
            ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
          }, own);
          walk(item.children.filter((child) => child.type === 'list'), out, context, listDepth + 1);
        }
        break;
      case 'table':
        node.children.forEach((row, index) => {
          const cells = row.children.map((cell) => collapse(textOf(cell)));
          push({ kind: 'tableRow', text: cells.join(' | '), cells, header: index === 0 }, row.children);
        });
        break;
      case 'code':
        // Code keeps its line breaks and indentation for display; the diff still ignores whitespace.
        push({ kind: 'code', text: node.value });
        break;
      case 'blockquote':
        push({ kind: 'quote', text: collapse(textOf(node)) }, node.children);
        break;
      case 'thematicBreak':
        push({ kind: 'rule', text: '' });
        break;
      case 'html': {
        // A block of only tags or comments (e.g. <br>) renders no text and is left out.
        const text = collapse(stripTags(node.value, ' '));
        if (text) push({ kind: 'html', text });
        break;
      }
      case 'mdxJsxFlowElement':
        component(node);
        break;
      case 'mdxFlowExpression':
        push({ kind: 'component', text: `{${node.value}}` });
        break;
      case 'footnoteDefinition':
        walk(node.children, out, context, 0);
        break;
      // Definitions, imports/exports and frontmatter render nothing.
    }
  }
}

/**
 * Parses a version body (frontmatter already removed) into blocks of rendered text.
 *
 * - `mdx` (default `true`): parse as MDX; JSX components become
 *   `component` blocks whose text is `Name prop="value": text content`. A
 *   paragraph that is only a component (`<Callout>…</Callout>` on one line)
 *   counts as a component block. A component inside running text contributes
 *   its text, or `<Name props />` when it has none; an expression reads `{code}`.
 *   `false` parses plain Markdown, where HTML tags render no text. Both with GFM.
 * - Every list item is its own block (without its nested list, whose items follow
 *   with a greater `depth`); every table row is a block with `cells`.
 * - Inline formatting is not in the text: `**must**` → `must` is no change, as
 *   the words read the same. Link addresses are kept apart in `links`, so a
 *   re-pointed link is a change though its words are not.
 *
 * @throws the parser's error when MDX is invalid (e.g. an unclosed tag).
 */
export function parseBlocks(source: string, options: { mdx?: boolean } = {}): Block[] {
  // Sätteri is the parser that renders the pages (Astro's default): the redline reads the text
  // the way the site does, and about 30 times faster than remark (0.15 ms against 4.6 ms for
  // 900 words), which is what lets every pair of versions have its compare page.
  const tree = parseMdast(source, options.mdx === false ? 'md' : 'mdx') as Root;
  const blocks: Block[] = [];
  walk(tree.children, blocks, { definitions: collectDefinitions(tree.children, new Map()) }, 0);
  return blocks;
}
