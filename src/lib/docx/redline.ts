/**
 * The redline (src/lib/diff's result) as Word blocks with tracked changes.
 *
 * Every inserted or deleted run of words is a Word revision (`w:ins` / `w:del`); a block
 * inserted or deleted whole also has its paragraph mark (or its table row) marked, so that
 * accepting every change leaves exactly the newer version's blocks, with no empty paragraph where
 * a deleted one stood, and rejecting every change leaves the older version's. The text is the
 * redline's: the words as readers see them, laid out with the same headings, lists and tables.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, InsertedTextRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, type ParagraphChild } from 'docx';
import { cellChanges, notes, shown, units, words } from '../diff/layout.ts';
import { appendChange, displayText, tokenize } from '../diff/tokens.ts';
import type { BlockDiff, Change, Redline } from '../diff/types.ts';
import { BULLETS, headingStyle, NUMBERED } from './styles.ts';

export interface Revision {
  /** Who made the changes: the newer version's approver. */
  author: string;
  /** ISO date-time of the changes: the newer version's effective date. */
  date: string;
}

type Block = Paragraph | Table;

/** Hands out the unique ids Word requires for revisions. */
/** A Word comment: what changed in a block besides its words (a link, a list style, a split). */
export interface RedlineComment {
  id: number;
  author: string;
  date: Date;
  children: Paragraph[];
}

function revisionIds(revision: Revision) {
  let id = 0;
  const comments: RedlineComment[] = [];
  return {
    next: () => ({ id: ++id, ...revision }),
    comments,
    /** The block's notes (the site's wording) as one comment; its id, or undefined when none. */
    comment(d: BlockDiff): number | undefined {
      const lines = notes(d).map((note) => note.map((c) => c.value).join(''));
      if (!lines.length) return undefined;
      const commentId = comments.length;
      comments.push({ id: commentId, author: revision.author, date: new Date(revision.date), children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) });
      return commentId;
    },
  };
}
type Revisions = ReturnType<typeof revisionIds>;

/** Text with line breaks (code blocks) as run options: the first line, then one per break. */
function lines(value: string): Array<{ text: string; break?: number }> {
  return value.split('\n').map((text, i) => (i ? { text, break: 1 } : { text }));
}

/**
 * The word diff's runs, spaced for Word. The diff shows unchanged text as the newer version
 * writes it and moves the space before a changed run out of it, so `firm [-should-] [+must+]`
 * has a space before each run: HTML folds the two into one, Word would not. Here every word
 * gets the space before it in the version it belongs to (an unchanged word whose space differs,
 * as at the start of a block, gets its space as a tracked change of its own), so accepting all
 * changes gives exactly `to` and rejecting all exactly `from`.
 */
function wordRuns(changes: Change[], from: string, to: string): Change[] {
  const pieces = changes.flatMap((c) => tokenize(c.value).map((t) => ({ type: c.type, text: t.text })));
  const olds = tokenize(from);
  const news = tokenize(to);
  if (pieces.filter((p) => p.type !== 'insert').length !== olds.length || pieces.filter((p) => p.type !== 'delete').length !== news.length) return changes;
  const out: Change[] = [];
  const push = (type: Change['type'], value: string) => appendChange(out, type, value);
  let i = 0;
  let j = 0;
  for (const piece of pieces) {
    const before = piece.type === 'insert' ? undefined : olds[i++]?.space;
    const after = piece.type === 'delete' ? undefined : news[j++]?.space;
    if (piece.type === 'insert') push('insert', (after ?? '') + piece.text);
    else if (piece.type === 'delete') push('delete', (before ?? '') + piece.text);
    else if (before === after) push('same', (after ?? '') + piece.text);
    else {
      push('delete', before ?? '');
      push('insert', after ?? '');
      push('same', piece.text);
    }
  }
  return out;
}

function changeRuns(changes: Change[], revisions: Revisions): ParagraphChild[] {
  return changes.flatMap(({ type, value }) =>
    lines(value).map((options) => {
      if (type === 'insert') return new InsertedTextRun({ ...options, ...revisions.next() });
      if (type === 'delete') return new DeletedTextRun({ ...options, ...revisions.next() });
      return new TextRun(options);
    }),
  );
}

/** The paragraph mark's own revision: a block inserted or deleted whole. */
function mark(d: BlockDiff, revisions: Revisions) {
  if (d.type === 'insert') return { run: { insertion: revisions.next() } };
  if (d.type === 'delete') return { run: { deletion: revisions.next() } };
  return {};
}

/** A block's runs: for a reworded block, the word diff spaced for Word. */
function blockRuns(d: BlockDiff): Change[] {
  return d.type === 'change' ? wordRuns(d.words, displayText(d.from), displayText(d.to)) : words(d);
}

/**
 * A block's paragraph. Its notes (link, list-style or heading-level changes, a split or a join)
 * are a comment on it, as the compare page notes them on the block; the paragraph mark between
 * the parts of a split paragraph is an insertion, so rejecting all joins them again.
 */
function paragraph(d: BlockDiff, revisions: Revisions, extra: Record<string, unknown>, splitContinues = false): Paragraph {
  const runs = changeRuns(blockRuns(d), revisions);
  const comment = revisions.comment(d);
  const children = comment === undefined ? runs : [new CommentRangeStart(comment), ...runs, new CommentRangeEnd(comment), new TextRun({ children: [new CommentReference(comment)] })];
  const own = splitContinues && d.type === 'change' ? { run: { insertion: revisions.next() } } : mark(d, revisions);
  return new Paragraph({ ...extra, ...own, children });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function table(rows: BlockDiff[], revisions: Revisions): Table {
  const columns = Math.max(...rows.map((d) => cellChanges(d).length), 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: rows.map((d) => {
      const cells = d.type === 'change' ? cellChanges(d).map((c, k) => wordRuns(c, d.from.cells?.[k] ?? '', d.to.cells?.[k] ?? '')) : cellChanges(d);
      const row = d.type === 'insert' ? { insertion: revisions.next() } : d.type === 'delete' ? { deletion: revisions.next() } : {};
      return new TableRow({
        ...(shown(d).header ? { tableHeader: true } : {}),
        ...row,
        children: Array.from({ length: columns }, (_, k) => new TableCell({ children: [new Paragraph({ ...mark(d, revisions), children: changeRuns(cells[k] ?? [], revisions) })] })),
      });
    }),
  });
}

/** The redline's blocks as Word blocks with tracked changes. */
export function redlineToDocx(result: Redline, revision: Revision): { blocks: Block[]; comments: RedlineComment[] } {
  const revisions = revisionIds(revision);
  // A part of a split paragraph followed by another part: its paragraph mark is new.
  const continues = (d: BlockDiff) => {
    const next = result.blocks[result.blocks.indexOf(d) + 1];
    return d.type === 'change' && d.split !== undefined && next?.type === 'change' && next.split === 'rest';
  };
  const out: Block[] = [];
  let listInstance = 0;
  for (const unit of units(result.blocks)) {
    const first = unit[0];
    if (!first) continue;
    const kind = shown(first).kind;
    if (kind === 'tableRow') {
      out.push(table(unit, revisions));
      continue;
    }
    if (kind === 'listItem') {
      // Each numbered list (and each list nested in it) numbers from 1, as on the page.
      const instances = new Map<number, number>();
      let previousDepth = 0;
      for (const d of unit) {
        const block = shown(d);
        const depth = block.depth ?? 1;
        if (depth > previousDepth || !instances.has(depth)) instances.set(depth, ++listInstance);
        previousDepth = depth;
        const level = Math.min(8, depth - 1);
        const ref = block.ordered ? { reference: NUMBERED, level, instance: instances.get(depth) ?? 0 } : { reference: BULLETS, level };
        out.push(paragraph(d, revisions, { numbering: ref }, continues(d)));
      }
      continue;
    }
    const block = shown(first);
    switch (kind) {
      case 'heading':
        out.push(paragraph(first, revisions, { heading: headingStyle(block.depth ?? 2) }));
        break;
      case 'quote':
        out.push(paragraph(first, revisions, { style: 'Quote' }));
        break;
      case 'code':
        out.push(paragraph(first, revisions, { style: 'Code' }));
        break;
      case 'rule':
        // A rule has no words: its paragraph mark carries the change.
        out.push(new Paragraph({ ...mark(first, revisions), border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
        break;
      default:
        out.push(paragraph(first, revisions, {}, continues(first)));
    }
  }
  return { blocks: out, comments: revisions.comments };
}
