/**
 * A Word document → a policy version's Markdown body, its title and details, its images, and the
 * list of everything that could not be converted.
 *
 * mammoth reads the document into HTML (Word's heading styles become headings, lists, tables,
 * footnotes, bold, italic, strikethrough, links, images); rehype-remark turns that into Markdown's
 * tree, and remark-gfm with remark-stringify write GFM, so tables, footnotes and strikethrough
 * come out as any GFM reader expects. What GFM cannot hold (a table with merged cells or with
 * lists or several paragraphs in a cell) is kept as HTML; what mammoth does not read (comments,
 * tracked changes, text boxes, fields) is found in the XML by ./inspect.ts. All of it is listed
 * in `notes`: nothing is dropped without saying so.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import mammoth from 'mammoth';
import type { Heading, ListItem, Nodes, Paragraph, Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { inspectDocx, type DocxContents } from './inspect.ts';
import { STYLE } from './styles.ts';

/** Something in the document that was not converted as it stands, for the user to look at. */
export interface ImportNote {
  kind: 'tracked-changes' | 'format-changes' | 'comment' | 'text-box' | 'field' | 'merged-table' | 'complex-table' | 'image' | 'mammoth';
  message: string;
}

export interface ImportedImage {
  /** File name, beside the version file. */
  name: string;
  data: Buffer;
}

export interface ImportedDocx {
  /** From the Title style, else the first heading (then taken out of the body). */
  title?: string;
  /** From the Subtitle or Policy Summary style. */
  summary?: string;
  /** From a details line the handbook's own export writes ("owner: …", "approved by: …"). */
  owner?: string;
  approvedBy?: string;
  /** The body as GFM, starting with a blank line, ending with a newline. */
  markdown: string;
  images: ImportedImage[];
  notes: ImportNote[];
  /** What the XML holds besides the text. */
  contents: DocxContents;
}

/** A document that cannot be imported as it stands. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

// Word styles → HTML that the steps below recognise. Headings 1–6, lists and tables are
// mammoth's defaults.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-summary:fresh",
  `p[style-name='${STYLE.summary}'] => p.docx-summary:fresh`,
  `p[style-name='${STYLE.details}'] => p.docx-details:fresh`,
  `p[style-name='${STYLE.quote}'] => blockquote > p:fresh`,
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  `p[style-name='${STYLE.code}'] => pre:separator('\\n')`,
  "r[style-name='Hyperlink'] => ",
];

const IMAGE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp' };

const isElement = (node: HastContent | ElementContent | undefined): node is Element => node?.type === 'element';
const hasClass = (node: Element, name: string) => {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
};
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function visitElements(node: HastRoot | Element, visit: (element: Element, parent: HastRoot | Element) => void): void {
  for (const child of [...node.children]) {
    if (!isElement(child)) continue;
    visit(child, node);
    visitElements(child, visit);
  }
}

interface Found {
  title?: string;
  summary?: string;
  details: string[];
  tables: { merged: number; complex: number };
}

/**
 * Prepares mammoth's HTML for rehype-remark: takes out the title, summary and details lines,
 * turns mammoth's footnote links and list into footnote markers rehype-remark's handlers read,
 * gives a table without a header row its first row as header, and keeps the tables GFM
 * cannot hold as HTML.
 */
function prepare(tree: HastRoot, found: Found): void {
  const footnotes: Element[] = [];
  visitElements(tree, (el, parent) => {
    const remove = () => parent.children.splice(parent.children.indexOf(el), 1);
    if (el.tagName === 'h1' && hasClass(el, 'docx-title') && found.title === undefined) {
      found.title = collapse(toText(el));
      remove();
    } else if (el.tagName === 'p' && hasClass(el, 'docx-summary') && found.summary === undefined) {
      found.summary = collapse(toText(el));
      remove();
    } else if (el.tagName === 'p' && hasClass(el, 'docx-details')) {
      found.details.push(collapse(toText(el)));
      remove();
    } else if (el.tagName === 'sup' && el.children.length === 1) {
      // <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>
      const link = el.children[0];
      const id = isElement(link) ? /^#(?:foot|end)note-(\d+)$/.exec(String(link.properties['href'] ?? ''))?.[1] : undefined;
      if (id && isElement(link)) parent.children.splice(parent.children.indexOf(el), 1, { type: 'element', tagName: 'x-footnote-ref', properties: { dataId: (link.properties['href'] as string).slice(1) }, children: [] });
    } else if (el.tagName === 'li' && /^(?:foot|end)note-\d+$/.test(String(el.properties['id'] ?? ''))) {
      // The note's own text, without the ↑ link back to its marker.
      visitElements(el, (inner, innerParent) => {
        if (inner.tagName === 'a' && /^#(?:foot|end)note-ref-\d+$/.test(String(inner.properties['href'] ?? ''))) innerParent.children.splice(innerParent.children.indexOf(inner), 1);
      });
      footnotes.push({ type: 'element', tagName: 'x-footnote', properties: { dataId: String(el.properties['id']) }, children: el.children });
      remove();
    } else if (el.tagName === 'table') {
      const cells: Element[] = [];
      visitElements(el, (cell) => {
        if (cell.tagName === 'td' || cell.tagName === 'th') cells.push(cell);
      });
      const merged = cells.some((c) => Number(c.properties['colSpan'] ?? 1) > 1 || Number(c.properties['rowSpan'] ?? 1) > 1);
      const complex = cells.some((c) => c.children.filter((x) => isElement(x) && x.tagName !== 'p').length > 0 || c.children.filter(isElement).length > 1);
      if (merged || complex) {
        if (merged) found.tables.merged++;
        else found.tables.complex++;
        el.properties['dataKeepHtml'] = merged ? 'merged' : 'complex';
        return;
      }
      // GFM needs a header row: a table without one gets its first row as header.
      const rows: Element[] = [];
      visitElements(el, (row) => {
        if (row.tagName === 'tr') rows.push(row);
      });
      const first = rows[0];
      if (first && !first.children.some((c) => isElement(c) && c.tagName === 'th')) for (const c of first.children) if (isElement(c)) c.tagName = 'th';
      // A header cell that is all bold is a header cell: GFM makes it bold already.
      for (const c of first?.children ?? []) {
        const p = isElement(c) && c.children.length === 1 ? c.children[0] : undefined;
        const strong = isElement(p) && p.tagName === 'p' && p.children.length === 1 ? p.children[0] : undefined;
        if (isElement(p) && isElement(strong) && strong.tagName === 'strong') p.children = strong.children;
      }
    }
  });
  // mammoth puts the notes in an <ol> of their own at the end; it is now empty.
  tree.children = tree.children.filter((n) => !(isElement(n) && n.tagName === 'ol' && n.children.every((c) => c.type === 'text' && !c.value.trim())));
  tree.children.push(...footnotes);
}

const footnoteId = (el: Element) => String(el.properties['dataId']).replace(/^(foot|end)note-/, '$1-').replace(/^foot-/, '');

const handlers: Record<string, Handle> = {
  'x-footnote-ref': (_state: State, el: Element) => ({ type: 'footnoteReference', identifier: footnoteId(el), label: footnoteId(el) }),
  'x-footnote': (state: State, el: Element) => ({ type: 'footnoteDefinition', identifier: footnoteId(el), label: footnoteId(el), children: state.toFlow(state.all(el)) }),
  table: (state: State, el: Element) => {
    if (!el.properties['dataKeepHtml']) return defaultHandlers.table(state, el);
    delete el.properties['dataKeepHtml'];
    return { type: 'html', value: toHtml(el) };
  },
};

/** The text of a phrasing node, for picking a title out of a heading. */
function plain(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

/**
 * Tidies the Markdown tree: the first heading is the title when the document has no Title
 * style; headings move so the top level is `##` (the page's title is its h1); a list item
 * starting with ☐ or ☑/☒ becomes a task item.
 */
function tidy(tree: MdastRoot, found: Found): void {
  if (found.title === undefined) {
    const first = tree.children.find((n) => n.type !== 'html' || n.value.trim());
    if (first?.type === 'heading') {
      found.title = collapse(plain(first));
      tree.children.splice(tree.children.indexOf(first), 1);
    }
  }
  const headings: Heading[] = [];
  const items: ListItem[] = [];
  const walk = (nodes: readonly RootContent[] | readonly Nodes[]) => {
    for (const node of nodes as Nodes[]) {
      if (node.type === 'heading') headings.push(node);
      if (node.type === 'listItem') items.push(node);
      if ('children' in node) walk(node.children as Nodes[]);
    }
  };
  walk(tree.children);
  const top = Math.min(...headings.map((h) => h.depth));
  const shift = Number.isFinite(top) && top < 2 ? 2 - top : 0;
  for (const h of headings) h.depth = Math.min(6, h.depth + shift) as Heading['depth'];
  for (const item of items) {
    const first = item.children[0] as Paragraph | undefined;
    const text = first?.type === 'paragraph' ? first.children[0] : undefined;
    const box = text?.type === 'text' ? /^([☐☑☒])\s*/.exec(text.value) : null;
    if (!box || text?.type !== 'text') continue;
    item.checked = box[1] !== '☐';
    text.value = text.value.slice(box[0].length);
  }
}

function details(lines: string[]): { owner?: string; approvedBy?: string } {
  const out: { owner?: string; approvedBy?: string } = {};
  for (const line of lines) {
    const owner = /(?:^|·)\s*owner:\s*([^·]+)/i.exec(line)?.[1]?.trim();
    const approver = /(?:^|·)\s*approved by:\s*([^·]+)/i.exec(line)?.[1]?.trim();
    if (owner) out.owner = owner;
    if (approver) out.approvedBy = approver;
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function contentNotes(c: DocxContents, acceptChanges: boolean): ImportNote[] {
  const notes: ImportNote[] = [];
  if (c.insertions || c.deletions) {
    notes.push({
      kind: 'tracked-changes',
      message: `${plural(c.insertions, 'tracked insertion')} and ${plural(c.deletions, 'tracked deletion')} ${acceptChanges ? 'were accepted (--accept-changes): inserted text is kept, deleted text left out' : 'are in the document'}.`,
    });
  }
  if (c.formatChanges) notes.push({ kind: 'format-changes', message: `${plural(c.formatChanges, 'tracked formatting change')}: the text is imported with its new formatting.` });
  for (const comment of c.comments) notes.push({ kind: 'comment', message: `Comment by ${comment.author} not imported: "${comment.text}"` });
  if (c.textBoxes) notes.push({ kind: 'text-box', message: `${plural(c.textBoxes, 'text box', 'text boxes')}: the text is imported as ordinary paragraphs where the box was anchored; check where it belongs.` });
  for (const [name, n] of c.fields) notes.push({ kind: 'field', message: `${plural(n, `${name} field`)}: the text it showed when last saved is imported, not the field.` });
  return notes;
}

export interface ImportOptions {
  /** Import despite tracked changes, as if all were accepted (mammoth's reading). */
  acceptChanges?: boolean;
  /** Image file names are `<imagePrefix>-1.png`, … (e.g. the version number). */
  imagePrefix: string;
  /** The file, for messages. */
  file: string;
}

/**
 * Converts a .docx file's contents. Refuses (ImportRefused) a file that is not a Word document,
 * and one with tracked changes unless `acceptChanges`.
 */
export async function importDocx(data: Buffer, options: ImportOptions): Promise<ImportedDocx> {
  const { data: document, ...contents } = await inspectDocx(data);
  if (!contents.readable) throw new ImportRefused(`${options.file} is not a Word document (.docx): expected a file saved by Word or LibreOffice as "Word Document (.docx)".`);
  if ((contents.insertions || contents.deletions) && !options.acceptChanges) {
    throw new ImportRefused(
      `${options.file} has tracked changes (${plural(contents.insertions, 'insertion')}, ${plural(contents.deletions, 'deletion')}): nothing was imported. Accept or reject them in Word (Review → Accept/Reject), or import with --accept-changes to take the text as if all were accepted.`,
    );
  }
  const images: ImportedImage[] = [];
  const notes = contentNotes(contents, options.acceptChanges === true);
  const result = await mammoth.convertToHtml(
    { buffer: document },
    {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        const ext = IMAGE_TYPES[image.contentType];
        if (!ext) {
          notes.push({ kind: 'image', message: `An image of type ${image.contentType} was left out: expected PNG, JPEG, GIF, SVG or WebP.` });
          return { src: '' };
        }
        const name = `${options.imagePrefix}-image-${images.length + 1}.${ext}`;
        images.push({ name, data: await image.readAsBuffer() });
        return { src: `./${name}` };
      }),
    },
  );
  for (const message of result.messages) notes.push({ kind: 'mammoth', message: message.message });

  const found: Found = { details: [], tables: { merged: 0, complex: 0 } };
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot) => prepare(tree, found))
    .use(rehypeRemark, { handlers })
    .use(() => (tree: MdastRoot) => tidy(tree, found))
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, listItemIndent: 'one', rule: '-' });
  const markdown = String(await processor.process(result.value));
  if (found.tables.merged) notes.push({ kind: 'merged-table', message: `${plural(found.tables.merged, 'table')} with merged cells kept as HTML: GFM tables cannot merge cells.` });
  if (found.tables.complex) notes.push({ kind: 'complex-table', message: `${plural(found.tables.complex, 'table')} with lists or several paragraphs in a cell kept as HTML: GFM table cells hold one line.` });
  const imported: ImportedDocx = { markdown: `\n${markdown.trim()}\n`, images, notes, contents, ...details(found.details) };
  if (found.title) imported.title = found.title;
  if (found.summary) imported.summary = found.summary;
  return imported;
}
