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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The changes that are not words, counted: "1 link changed, 2 list styles changed". */
function structureCounts(r: Redline): string[] {
  const s = r.summary;
  return [
    s.linksChanged && `${plural(s.linksChanged, 'link')} changed`,
    s.formatChanged && `${plural(s.formatChanged, 'list style or heading level', 'list styles or heading levels')} changed`,
    s.blocksSplit && `${plural(s.blocksSplit, 'block')} split`,
    s.blocksJoined && `${plural(s.blocksJoined, 'block')} joined`,
  ].filter((x): x is string => Boolean(x));
}

/**
 * The summary as short statements, for the compare page's list (built and in the browser):
 * words, blocks, what changed that is not words, and the sections touched.
 */
export function summaryPoints(r: Redline): string[] {
  if (r.identical) return [];
  const s = r.summary;
  const structure = structureCounts(r);
  const points = s.formattingOnly
    ? [`Formatting and links only: no words changed (${structure.join(', ')})`]
    : [
        `${plural(s.wordsAdded, 'word')} added, ${plural(s.wordsRemoved, 'word')} removed`,
        `${plural(s.blocksChanged, 'block')} changed, ${s.blocksAdded} added, ${s.blocksRemoved} removed${s.blocksMoved ? `, ${s.blocksMoved} moved` : ''}`,
        ...(structure.length ? [`Not in the words: ${structure.join(', ')}`] : []),
      ];
  if (s.sectionsChanged.length) points.push(`Sections changed: ${s.sectionsChanged.join('; ')}`);
  return points;
}

/** One line summing the redline up, for the text and Markdown formats. */
export function summaryLine(r: Redline): string {
  if (r.identical) return NO_DIFFERENCES;
  const s = r.summary;
  const sections = `Sections changed: ${s.sectionsChanged.join(', ')}.`;
  const structure = structureCounts(r);
  if (s.formattingOnly) return `${sections} Formatting and links only: ${structure.join(', ')}; no words changed.`;
  const blocks = [`${s.blocksAdded} added`, `${s.blocksRemoved} removed`, `${s.blocksChanged} changed`];
  if (s.blocksMoved) blocks.push(`${s.blocksMoved} moved`);
  return `${sections} Words: ${s.wordsAdded} added, ${s.wordsRemoved} removed. Blocks: ${blocks.join(', ')}.${structure.length ? ` Also: ${structure.join(', ')}.` : ''}`;
}

const KIND_NAME: Partial<Record<Block['kind'], string>> = { listItem: 'item', quote: 'quotation' };

/**
 * What changed in a block besides its words, as notes for every format: each note is a run of
 * changes (addresses marked inserted or deleted), e.g. `Link “portal”: address changed from
 * [-old-] to [+new+]`.
 */
export function notes(d: BlockDiff): Change[][] {
  if (d.type !== 'change') return [];
  const same = (value: string): Change => ({ type: 'same', value });
  const out: Change[][] = [];
  const name = KIND_NAME[d.to.kind] ?? 'paragraph';
  if (d.split === 'rest') out.push([same(`Split from the ${name} above`)]);
  if (d.joined) out.push([same(`Joined from ${d.joined.length + 1} ${name}s`)]);
  for (const f of d.format ?? []) {
    out.push([same(f.type === 'list' ? `List style changed from ${f.from} to ${f.to}` : `Heading level changed from ${f.from} to ${f.to}`)]);
  }
  for (const l of d.links ?? []) {
    if (l.type === 'changed') out.push([same(`Link “${l.text}”: address changed from `), { type: 'delete', value: l.from }, same(' to '), { type: 'insert', value: l.to }]);
    else if (l.type === 'added') out.push([same(`Link added on “${l.text}”: `), { type: 'insert', value: l.to }]);
    else out.push([same(`Link removed from “${l.text}”, was `), { type: 'delete', value: l.from }]);
  }
  return out;
}

/** What every format says when two versions have no differences. */
export const NO_DIFFERENCES = 'No differences between these versions.';
