/** What every output format needs to lay a redline out: the block shown, its changes, list and table groups. */
import { displayText } from './tokens.ts';
import type { Block, BlockDiff, Change, Redline } from './types.ts';

/** The block a diff is shown as: the new one, or the deleted one. */
export function shown(d: BlockDiff): Block {
  return d.type === 'change' ? d.to : d.block;
}

/** A block's words as changes: a whole inserted or deleted block is one run. */
export function words(d: BlockDiff): Change[] {
  return d.type === 'change' ? d.words : [{ type: d.type, value: displayText(d.block) }];
}

/** A table row's cells as changes (each cell of a whole inserted or deleted row is one run). */
export function cellChanges(d: BlockDiff): Change[][] {
  if (d.type === 'change') return d.cells ?? [d.words];
  return (d.block.cells ?? []).map((value) => [{ type: d.type, value }]);
}

/** `insert`/`delete` when the block moved, so a note can say where it went. */
export function movedAs(d: BlockDiff): 'insert' | 'delete' | undefined {
  return (d.type === 'insert' || d.type === 'delete') && d.moved ? d.type : undefined;
}

function continues(group: BlockDiff[], next: Block): boolean {
  const first = group[0];
  const last = group.at(-1);
  if (!first || !last) return false;
  const prev = shown(last);
  if (next.kind === 'listItem' && prev.kind === 'listItem') {
    // A top-level item of the other list type starts a new list.
    return (next.depth ?? 1) > 1 || next.ordered === shown(first).ordered;
  }
  // A header row after body rows starts a new table; header rows in a row
  // (the old header deleted, the new one inserted) share the table head.
  return next.kind === 'tableRow' && prev.kind === 'tableRow' && (!next.header || prev.header === true);
}

/**
 * Splits the redline into top-level units: a single block, or a whole list or
 * table (consecutive list items / table rows). Lists and tables are never split:
 * their unchanged items stay as context around the changed ones.
 */
export function units(blocks: BlockDiff[]): BlockDiff[][] {
  const out: BlockDiff[][] = [];
  for (const d of blocks) {
    const last = out.at(-1);
    if (last && continues(last, shown(d))) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** One line summing the redline up, for the text and Markdown formats. */
export function summaryLine(r: Redline): string {
  if (r.identical) return NO_DIFFERENCES;
  const s = r.summary;
  const blocks = [`${s.blocksAdded} added`, `${s.blocksRemoved} removed`, `${s.blocksChanged} changed`];
  if (s.blocksMoved) blocks.push(`${s.blocksMoved} moved`);
  return `Sections changed: ${s.sectionsChanged.join(', ')}. Words: ${s.wordsAdded} added, ${s.wordsRemoved} removed. Blocks: ${blocks.join(', ')}.`;
}

/** What every format says when two versions have no differences. */
export const NO_DIFFERENCES = 'No differences between these versions.';
