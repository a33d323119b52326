/**
 * A version body (Markdown or MDX) → Word paragraphs and tables, for `handbook export` and the
 * site's "Download as Word".
 *
 * The body is parsed by Sätteri, the parser that renders the pages and feeds the redline, so the
 * Word document holds the same blocks and words as the page: headings as Word heading styles
 * (`##` → Heading 1, since the policy title is the document's Title), lists as Word numbered
 * and bulleted lists (nested), tables as Word tables, footnotes as Word footnotes, bold, italic,
 * strikethrough and links as themselves.
 */
import { ExternalHyperlink, FootnoteReferenceRun, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, type ParagraphChild } from 'docx';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { parseMdast } from '../body.ts';
import type { EmbeddedImage } from './images.ts';
import { BULLETS, headingStyle, NUMBERED } from './styles.ts';

/** What the blocks of one document share: footnote numbers and numbered-list instances. */
export interface BodyContext {
  /** Footnote id (as written, `[^limitation]`) → Word footnote number. */
  footnoteIds: Map<string, number>;
  /** Word footnotes by number, for the Document's `footnotes` option. */
  footnotes: Record<number, { children: Paragraph[] }>;
  /** Numbered lists restart: each top-level ordered list is its own instance. */
  nextListInstance: number;
  /** Reads an image the body links to (see ./images.ts); without it, images are their alt text. */
  image?: (url: string) => EmbeddedImage | undefined;
}

export function newContext(image?: BodyContext['image']): BodyContext {
  return { footnoteIds: new Map(), footnotes: {}, nextListInstance: 1, ...(image ? { image } : {}) };
}

interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}


const collapse = (text: string) => text.replace(/\s+/g, ' ');
const stripTags = (html: string) => html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '');

function textRun(text: string, f: Format): TextRun {
  return new TextRun({
    text,
    ...(f.bold ? { bold: true } : {}),
    ...(f.italics ? { italics: true } : {}),
    ...(f.strike ? { strike: true } : {}),
    ...(f.code ? { font: 'Courier New' } : {}),
    ...(f.link ? { style: 'Hyperlink' } : {}),
  });
}

/** Inline content → Word runs. Soft line breaks read as spaces, as on the page. */
export function runs(nodes: readonly PhrasingContent[] | readonly Nodes[], f: Format, ctx: BodyContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes as readonly Nodes[]) {
    switch (node.type) {
      case 'text':
        if (node.value) out.push(textRun(collapse(node.value), f));
        break;
      case 'strong':
        out.push(...runs(node.children, { ...f, bold: true }, ctx));
        break;
      case 'emphasis':
        out.push(...runs(node.children, { ...f, italics: true }, ctx));
        break;
      case 'delete':
        out.push(...runs(node.children, { ...f, strike: true }, ctx));
        break;
      case 'inlineCode':
        out.push(textRun(node.value, { ...f, code: true }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link':
        out.push(new ExternalHyperlink({ link: node.url, children: runs(node.children, { ...f, link: true }, ctx) as TextRun[] }));
        break;
      case 'image': {
        // An image beside the version is embedded; any other keeps its alternative text.
        const found = ctx.image?.(node.url);
        if (found) {
          const alt = node.alt ?? '';
          out.push(new ImageRun({ type: found.type, data: found.data, transformation: { width: found.width, height: found.height }, altText: { name: alt, title: alt, description: alt } }));
        } else if (node.alt) out.push(textRun(node.alt, f));
        break;
      }
      case 'footnoteReference': {
        const number = ctx.footnoteIds.get(node.identifier);
        if (number) out.push(new FootnoteReferenceRun(number));
        break;
      }
      case 'html':
        if (stripTags(node.value)) out.push(textRun(collapse(stripTags(node.value)), f));
        break;
      case 'mdxJsxTextElement': {
        const inner = runs(node.children as PhrasingContent[], f, ctx);
        out.push(...(inner.length ? inner : [textRun(`<${node.name ?? ''} />`, f)]));
        break;
      }
      case 'mdxTextExpression':
        out.push(textRun(`{${node.value}}`, f));
        break;
      default:
        if ('children' in node) out.push(...runs(node.children as Nodes[], f, ctx));
        else if ('value' in node && typeof node.value === 'string') out.push(textRun(collapse(node.value), f));
    }
  }
  return out;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function table(node: Extract<RootContent, { type: 'table' }>, ctx: BodyContext): Table {
  const columns = Math.max(...node.children.map((row) => row.children.length), 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: node.children.map(
      (row, index) =>
        new TableRow({
          ...(index === 0 ? { tableHeader: true } : {}),
          children: Array.from({ length: columns }, (_, k) => {
            const cell = row.children[k];
            return new TableCell({ children: [new Paragraph({ children: cell ? runs(cell.children, { bold: index === 0 }, ctx) : [] })] });
          }),
        }),
    ),
  });
}

type Block = Paragraph | Table;

/** The tables in a block of HTML, with their merged cells (colspan, rowspan) merged in Word too. */
function htmlTables(html: string): Table[] {
  const tables: Element[] = [];
  const find = (node: Element | ReturnType<typeof fromHtml>) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') tables.push(child);
      else find(child);
    }
  };
  find(fromHtml(html, { fragment: true }));
  return tables.map((table) => {
    const rows: Element[] = [];
    const walk = (node: Element) => {
      for (const child of node.children) if (child.type === 'element') (child.tagName === 'tr' ? rows.push(child) : child.tagName !== 'table' && walk(child));
    };
    walk(table);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: rows.map(
        (row) =>
          new TableRow({
            children: row.children
              .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
              .map((c) => {
                const span = (name: string) => Math.max(1, Number(c.properties[name] ?? 1) || 1);
                const paragraphs = c.children.filter((p): p is Element => p.type === 'element' && p.tagName === 'p');
                const texts = (paragraphs.length ? paragraphs : [c]).map((p) => collapse(toText(p)).trim());
                return new TableCell({
                  ...(span('colSpan') > 1 ? { columnSpan: span('colSpan') } : {}),
                  ...(span('rowSpan') > 1 ? { rowSpan: span('rowSpan') } : {}),
                  children: texts.map((text) => new Paragraph({ children: text ? [new TextRun({ text, ...(c.tagName === 'th' ? { bold: true } : {}) })] : [] })),
                });
              }),
          }),
      ),
    });
  });
}

/** Blocks of a list: each item's first paragraph carries the number or bullet at its level. */
function list(node: Extract<RootContent, { type: 'list' }>, level: number, instance: number, ctx: BodyContext, out: Block[]): void {
  const ordered = node.ordered === true;
  // A nested numbered list numbers afresh under each item; so does every top-level list.
  const own = ordered ? ctx.nextListInstance++ : 0;
  for (const item of node.children) {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        list(child, level + 1, instance, ctx, out);
        continue;
      }
      const children = child.type === 'paragraph' ? runs(child.children, {}, ctx) : runs([child], {}, ctx);
      if (first && typeof item.checked === 'boolean') children.unshift(new TextRun(item.checked ? '☑ ' : '☐ '));
      out.push(
        new Paragraph({
          children,
          ...(first
            ? { numbering: { reference: ordered ? NUMBERED : BULLETS, level: Math.min(level, 8), ...(ordered ? { instance: own } : {}) } }
            : { indent: { left: 720 * (level + 1) } }),
        }),
      );
      first = false;
    }
  }
}

function blocks(nodes: readonly RootContent[], ctx: BodyContext, out: Block[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        out.push(new Paragraph({ heading: headingStyle(node.depth), children: runs(node.children, {}, ctx) }));
        break;
      case 'paragraph':
        out.push(new Paragraph({ children: runs(node.children, {}, ctx) }));
        break;
      case 'list':
        list(node, 0, 0, ctx, out);
        break;
      case 'table':
        out.push(table(node, ctx));
        break;
      case 'code':
        out.push(new Paragraph({ style: 'Code', children: node.value.split('\n').flatMap((line, i) => (i ? [new TextRun({ text: line, break: 1 })] : [new TextRun(line)])) }));
        break;
      case 'blockquote': {
        // Each paragraph in Word's Quote style; import reads consecutive ones back as one quote.
        for (const child of node.children) if (child.type === 'paragraph') out.push(new Paragraph({ style: 'Quote', children: runs(child.children, {}, ctx) }));
        break;
      }
      case 'thematicBreak':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
        break;
      case 'html': {
        // A table kept as HTML (merged cells, as import writes them) is a Word table again.
        const tables = /<table[\s>]/i.test(node.value) ? htmlTables(node.value) : [];
        if (tables.length) out.push(...tables);
        else {
          const text = collapse(node.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ')).trim();
          if (text) out.push(new Paragraph({ children: [new TextRun(text)] }));
        }
        break;
      }
      case 'mdxJsxFlowElement': {
        // A component's text, as the redline reads it; its own look is the site's.
        const inner: Block[] = [];
        blocks(node.children as RootContent[], ctx, inner);
        out.push(...inner);
        break;
      }
      // Footnote definitions become Word footnotes (see collectFootnotes); definitions,
      // imports/exports and expressions render nothing.
    }
  }
}

/** Numbers the footnotes in order of definition and writes them as Word footnotes. */
function collectFootnotes(tree: Root, ctx: BodyContext): void {
  const definitions = tree.children.filter((n): n is Extract<RootContent, { type: 'footnoteDefinition' }> => n.type === 'footnoteDefinition');
  for (const d of definitions) if (!ctx.footnoteIds.has(d.identifier)) ctx.footnoteIds.set(d.identifier, ctx.footnoteIds.size + 1);
  for (const d of definitions) {
    const inner: Block[] = [];
    blocks(d.children, ctx, inner);
    ctx.footnotes[ctx.footnoteIds.get(d.identifier) ?? 0] = { children: inner.filter((b): b is Paragraph => b instanceof Paragraph) };
  }
}

/** A version body as Word blocks; footnotes and list numbering go into `ctx`. */
export function bodyToDocx(body: string, format: 'md' | 'mdx', ctx: BodyContext): Block[] {
  const tree = parseMdast(body, format) as Root;
  collectFootnotes(tree, ctx);
  const out: Block[] = [];
  blocks(tree.children, ctx, out);
  return out;
}
