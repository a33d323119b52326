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
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { parseMdast } from '../body.ts';
import type { EmbeddedImage } from './images.ts';
import { BULLETS, headingStyle, NUMBERED } from './styles.ts';
import { embed, footnoteReference, hyperlink, lineBreak, paragraph, picture, table as wordTable, textRun, type Media, type Numbering, type Relationships, type Row, type RunFormat } from './wordml.ts';

/** What the blocks of one document share: footnote numbers, list instances, links and images. */
export interface BodyContext {
  /** Footnote id (as written, `[^limitation]`) → Word footnote number. */
  footnoteIds: Map<string, number>;
  /** Word footnotes by number: each one's paragraphs. */
  footnotes: Map<number, string[]>;
  /** Numbered lists restart: each top-level ordered list is its own instance. */
  nextListInstance: number;
  numbering: Numbering;
  /** The relationships of the part being written (the document, or its footnotes). */
  rels: Relationships;
  /** The images embedded so far, in word/media/. */
  media: Media[];
  /** Pictures shown so far (each has its own id, even of the same image). */
  pictures: number;
  /** Reads an image the body links to (see ./images.ts); without it, images are their alt text. */
  image?: (url: string) => EmbeddedImage | undefined;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');
const stripTags = (html: string) => html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '');

/** Inline content → Word runs. Soft line breaks read as spaces, as on the page. */
function runs(nodes: readonly PhrasingContent[] | readonly Nodes[], f: RunFormat, ctx: BodyContext): string {
  let out = '';
  for (const node of nodes as readonly Nodes[]) {
    switch (node.type) {
      case 'text':
        if (node.value) out += textRun(collapse(node.value), f);
        break;
      case 'strong':
        out += runs(node.children, { ...f, bold: true }, ctx);
        break;
      case 'emphasis':
        out += runs(node.children, { ...f, italics: true }, ctx);
        break;
      case 'delete':
        out += runs(node.children, { ...f, strike: true }, ctx);
        break;
      case 'inlineCode':
        out += textRun(node.value, { ...f, code: true });
        break;
      case 'break':
        out += lineBreak;
        break;
      case 'link':
        out += hyperlink(node.url, runs(node.children, { ...f, style: 'Hyperlink' }, ctx), ctx.rels);
        break;
      case 'image': {
        // An image beside the version is embedded; any other keeps its alternative text.
        const found = ctx.image?.(node.url);
        if (found) out += picture(embed(found.data, found.type, ctx.media, ctx.rels), ++ctx.pictures, found.width, found.height, node.alt ?? '');
        else if (node.alt) out += textRun(node.alt, f);
        break;
      }
      case 'footnoteReference': {
        const number = ctx.footnoteIds.get(node.identifier);
        if (number) out += footnoteReference(number);
        break;
      }
      case 'html':
        if (stripTags(node.value)) out += textRun(collapse(stripTags(node.value)), f);
        break;
      case 'mdxJsxTextElement': {
        const inner = runs(node.children as PhrasingContent[], f, ctx);
        out += inner || textRun(`<${node.name ?? ''} />`, f);
        break;
      }
      case 'mdxTextExpression':
        out += textRun(`{${node.value}}`, f);
        break;
      default:
        if ('children' in node) out += runs(node.children as Nodes[], f, ctx);
        else if ('value' in node && typeof node.value === 'string') out += textRun(collapse(node.value), f);
    }
  }
  return out;
}

function table(node: Extract<RootContent, { type: 'table' }>, ctx: BodyContext): string {
  const columns = Math.max(...node.children.map((row) => row.children.length), 1);
  return wordTable(
    node.children.map(
      (row, index): Row => ({
        ...(index === 0 ? { header: true } : {}),
        cells: Array.from({ length: columns }, (_, k) => {
          const cell = row.children[k];
          return { paragraphs: [paragraph(cell ? runs(cell.children, { bold: index === 0 }, ctx) : '')] };
        }),
      }),
    ),
  );
}

/** The tables in a block of HTML, with their merged cells (colspan, rowspan) merged in Word too. */
function htmlTables(html: string): string[] {
  const tables: Element[] = [];
  const find = (node: Element | ReturnType<typeof fromHtml>) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') tables.push(child);
      else find(child);
    }
  };
  find(fromHtml(html, { fragment: true }));
  return tables.map((t) => {
    const rows: Element[] = [];
    const walk = (node: Element) => {
      for (const child of node.children) if (child.type === 'element') (child.tagName === 'tr' ? rows.push(child) : child.tagName !== 'table' && walk(child));
    };
    walk(t);
    return wordTable(
      rows.map(
        (row): Row => ({
          cells: row.children
            .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
            .map((c) => {
              const span = (name: string) => Math.max(1, Number(c.properties[name] ?? 1) || 1);
              const paragraphs = c.children.filter((p): p is Element => p.type === 'element' && p.tagName === 'p');
              const texts = (paragraphs.length ? paragraphs : [c]).map((p) => collapse(toText(p)).trim());
              return {
                ...(span('colSpan') > 1 ? { columnSpan: span('colSpan') } : {}),
                ...(span('rowSpan') > 1 ? { rowSpan: span('rowSpan') } : {}),
                paragraphs: texts.map((text) => paragraph(text ? textRun(text, c.tagName === 'th' ? { bold: true } : {}) : '')),
              };
            }),
        }),
      ),
    );
  });
}

/** Blocks of a list: each item's first paragraph carries the number or bullet at its level. */
function list(node: Extract<RootContent, { type: 'list' }>, level: number, ctx: BodyContext, out: string[]): void {
  const ordered = node.ordered === true;
  // A nested numbered list numbers afresh under each item; so does every top-level list.
  const own = ordered ? ctx.nextListInstance++ : 0;
  for (const item of node.children) {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        list(child, level + 1, ctx, out);
        continue;
      }
      let content = child.type === 'paragraph' ? runs(child.children, {}, ctx) : runs([child], {}, ctx);
      if (first && typeof item.checked === 'boolean') content = textRun(item.checked ? '☑ ' : '☐ ') + content;
      out.push(paragraph(content, first ? { list: { numId: ctx.numbering.id(ordered ? NUMBERED : BULLETS, ordered ? own : 0), level: Math.min(level, 8) } } : { indent: 720 * (level + 1) }));
      first = false;
    }
  }
}

/** Word blocks, as XML: paragraphs and tables. */
function blocks(nodes: readonly RootContent[], ctx: BodyContext, out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        out.push(paragraph(runs(node.children, {}, ctx), { style: headingStyle(node.depth) }));
        break;
      case 'paragraph':
        out.push(paragraph(runs(node.children, {}, ctx)));
        break;
      case 'list':
        list(node, 0, ctx, out);
        break;
      case 'table':
        out.push(table(node, ctx));
        break;
      case 'code':
        out.push(paragraph(node.value.split('\n').map((line, i) => textRun(line, {}, i > 0)).join(''), { style: 'Code' }));
        break;
      case 'blockquote': {
        // Each paragraph in Word's Quote style; import reads consecutive ones back as one quote.
        for (const child of node.children) if (child.type === 'paragraph') out.push(paragraph(runs(child.children, {}, ctx), { style: 'Quote' }));
        break;
      }
      case 'thematicBreak':
        out.push(paragraph('', { rule: true }));
        break;
      case 'html': {
        // A table kept as HTML (merged cells, as import writes them) is a Word table again.
        const tables = /<table[\s>]/i.test(node.value) ? htmlTables(node.value) : [];
        if (tables.length) out.push(...tables);
        else {
          const text = collapse(node.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ')).trim();
          if (text) out.push(paragraph(textRun(text)));
        }
        break;
      }
      case 'mdxJsxFlowElement':
        // A component's text, as the redline reads it; its own look is the site's.
        blocks(node.children as RootContent[], ctx, out);
        break;
      // Footnote definitions become Word footnotes (see bodyToWord); imports/exports and
      // expressions render nothing.
    }
  }
}

/** The first run of a footnote: its number, in the footnote's first paragraph. */
const FOOTNOTE_MARK = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>';

/**
 * A version body as Word blocks (XML). Footnotes are numbered in order of definition and written
 * into `ctx.footnotes` (their links into `footnoteRels`, the footnotes' own relationships), after
 * the body, as Word writes its parts.
 */
export function bodyToWord(body: string, format: 'md' | 'mdx', ctx: BodyContext, footnoteRels: Relationships): string {
  const tree = parseMdast(body, format) as Root;
  const definitions = tree.children.filter((n): n is Extract<RootContent, { type: 'footnoteDefinition' }> => n.type === 'footnoteDefinition');
  for (const d of definitions) if (!ctx.footnoteIds.has(d.identifier)) ctx.footnoteIds.set(d.identifier, ctx.footnoteIds.size + 1);
  const out: string[] = [];
  blocks(tree.children, ctx, out);
  const notes = { ...ctx, rels: footnoteRels };
  const written = new Map<number, string[]>();
  for (const d of definitions) {
    const inner: string[] = [];
    blocks(d.children, notes, inner);
    // Word footnotes hold paragraphs; the first one starts with the footnote's number.
    const paragraphs = inner.filter((b) => b.startsWith('<w:p'));
    const first = paragraphs[0];
    if (first) paragraphs[0] = first === '<w:p/>' ? `<w:p>${FOOTNOTE_MARK}</w:p>` : first.replace(/^<w:p>(<w:pPr>.*?<\/w:pPr>)?/, (_, props: string | undefined) => `<w:p>${props ?? ''}${FOOTNOTE_MARK}`);
    written.set(ctx.footnoteIds.get(d.identifier) ?? 0, paragraphs);
  }
  ctx.nextListInstance = notes.nextListInstance;
  ctx.pictures = notes.pictures;
  for (const id of [...written.keys()].sort((a, b) => a - b)) ctx.footnotes.set(id, written.get(id)!);
  return out.join('');
}
