/**
 * The redline (src/lib/diff's result) as Word blocks with tracked changes.
 *
 * Every inserted or deleted run of words is a Word revision (`w:ins` / `w:del`); a block
 * inserted or deleted whole also has its paragraph mark (or its table row) marked, so that
 * accepting every change leaves exactly the newer version's blocks, with no empty paragraph where
 * a deleted one stood, and rejecting every change leaves the older version's. The text is the
 * redline's: the words as readers see them, laid out with the same headings, lists and tables.
 */
import { cellChanges, notes, shown, units, words } from '../diff/layout.ts';
import { appendChange, displayText, tokenize } from '../diff/tokens.ts';
import type { BlockDiff, Change, Redline } from '../diff/types.ts';
import { BULLETS, headingStyle, NUMBERED } from './styles.ts';
import { commented, deletedRun, insertedRun, markChange, paragraph as wordParagraph, table as wordTable, textRun, type Numbering, type ParagraphFormat, type Revision as RevisionMark } from './wordml.ts';

export interface Revision {
  /** Who made the changes: the newer version's approver. */
  author: string;
  /** ISO date-time of the changes: the newer version's effective date. */
  date: string;
}

/** A Word comment: what changed in a block besides its words (a link, a list style, a split). */
export interface RedlineComment {
  id: number;
  author: string;
  /** ISO date-time. */
  date: string;
  /** The comment's paragraphs, as text. */
  lines: string[];
}

/** Hands out the unique ids Word requires for revisions, and collects the comments. */
function revisionIds(revision: Revision) {
  let id = 0;
  const comments: RedlineComment[] = [];
  return {
    next: (): RevisionMark => ({ id: ++id, ...revision }),
    comments,
    /** The block's notes (the site's wording) as one comment; its id, or undefined when none. */
    comment(d: BlockDiff): number | undefined {
      const lines = notes(d).map((note) => note.map((c) => c.value).join(''));
      if (!lines.length) return undefined;
      const commentId = comments.length;
      comments.push({ id: commentId, author: revision.author, date: new Date(revision.date).toISOString(), lines });
      return commentId;
    },
  };
}
type Revisions = ReturnType<typeof revisionIds>;


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

/** Runs of changes; text with line breaks (code blocks) is a run per line, each after a break. */
function changeRuns(changes: Change[], revisions: Revisions): string {
  return changes
    .map(({ type, value }) =>
      value
        .split('\n')
        .map((text, i) => {
          if (type === 'insert') return insertedRun(text, revisions.next(), i > 0);
          if (type === 'delete') return deletedRun(text, revisions.next(), i > 0);
          return textRun(text, {}, i > 0);
        })
        .join(''),
    )
    .join('');
}

/** The paragraph mark's own revision: a block inserted or deleted whole. */
function mark(d: BlockDiff, revisions: Revisions): ParagraphFormat {
  if (d.type === 'insert') return { mark: markChange('ins', revisions.next()) };
  if (d.type === 'delete') return { mark: markChange('del', revisions.next()) };
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
function paragraph(d: BlockDiff, revisions: Revisions, extra: ParagraphFormat, splitContinues = false): string {
  const runs = changeRuns(blockRuns(d), revisions);
  const comment = revisions.comment(d);
  const content = comment === undefined ? runs : commented(comment, runs);
  const own = splitContinues && d.type === 'change' ? { mark: markChange('ins', revisions.next()) } : mark(d, revisions);
  return wordParagraph(content, { ...extra, ...own });
}

function table(rows: BlockDiff[], revisions: Revisions): string {
  const columns = Math.max(...rows.map((d) => cellChanges(d).length), 1);
  return wordTable(
    rows.map((d) => {
      const cells = d.type === 'change' ? cellChanges(d).map((c, k) => wordRuns(c, d.from.cells?.[k] ?? '', d.to.cells?.[k] ?? '')) : cellChanges(d);
      const row = d.type === 'insert' ? markChange('ins', revisions.next()) : d.type === 'delete' ? markChange('del', revisions.next()) : undefined;
      return {
        ...(shown(d).header ? { header: true } : {}),
        ...(row ? { mark: row } : {}),
        cells: Array.from({ length: columns }, (_, k) => {
          const own = mark(d, revisions);
          return { paragraphs: [wordParagraph(changeRuns(cells[k] ?? [], revisions), own)] };
        }),
      };
    }),
  );
}

/** The redline's blocks as Word blocks (XML) with tracked changes; lists take their numbering from `numbering`. */
export function redlineToWord(result: Redline, revision: Revision, numbering: Numbering): { body: string; comments: RedlineComment[] } {
  const revisions = revisionIds(revision);
  // A part of a split paragraph followed by another part: its paragraph mark is new.
  const continues = (d: BlockDiff) => {
    const next = result.blocks[result.blocks.indexOf(d) + 1];
    return d.type === 'change' && d.split !== undefined && next?.type === 'change' && next.split === 'rest';
  };
  const out: string[] = [];
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
        const numId = block.ordered ? numbering.id(NUMBERED, instances.get(depth) ?? 0) : numbering.id(BULLETS);
        out.push(paragraph(d, revisions, { list: { numId, level } }, continues(d)));
      }
      continue;
    }
    const block = shown(first);
    switch (kind) {
      case 'heading':
        out.push(paragraph(first, revisions, { style: headingStyle(block.depth ?? 2) }));
        break;
      case 'quote':
        out.push(paragraph(first, revisions, { style: 'Quote' }));
        break;
      case 'code':
        out.push(paragraph(first, revisions, { style: 'Code' }));
        break;
      case 'rule':
        // A rule has no words: its paragraph mark carries the change.
        out.push(wordParagraph('', { ...mark(first, revisions), rule: true }));
        break;
      default:
        out.push(paragraph(first, revisions, {}, continues(first)));
    }
  }
  return { body: out.join(''), comments: revisions.comments };
}
