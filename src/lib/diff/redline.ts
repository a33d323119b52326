/**
 * The redline: blocks matched first, then words within a changed block.
 *
 * 1. Longest common subsequence over block keys (kind + tokens + links + list
 *    style or heading level, so whitespace and reflow never count, and a
 *    re-pointed link does) finds the unchanged blocks.
 * 2. Between two unchanged blocks lies a run of deleted and inserted blocks. A
 *    block inserted with exactly the text of one deleted anywhere is "moved".
 * 3. In each run, a deleted block whose words are mostly those of two
 *    consecutive inserted blocks together was split (and the other way round,
 *    joined): the parts count as one block for what follows.
 * 4. The remaining deleted and inserted blocks of the same kind are paired by
 *    similarity ≥ PAIR_THRESHOLD (Dice coefficient over words; for table rows,
 *    or the share of unchanged cells) with an order-preserving alignment, and
 *    each pair gets a word diff (across the parts of a split or join). Short
 *    blocks of the same kind in the same place in the run are paired whatever
 *    their similarity ("Junior Systems Admin" → "Junior Site Reliability
 *    Engineer" keeps "Junior"). The rest stay whole inserts or deletes: a
 *    rewritten paragraph reads better replaced than shredded into fragments.
 */
import { diffArrays } from 'diff';
import { countWords, diffTokenRuns, diffTokens, displayText, isWord, runsToChanges, tokenize, type Token, type TokenRun } from './tokens.ts';
import { shown } from './layout.ts';
import type { Block, BlockDiff, Change, FormatChange, LinkChange, Redline } from './types.ts';

/** Word similarity (Dice coefficient) at which a deleted and an inserted block count as one block reworded. */
const PAIR_THRESHOLD = 0.5;

/** Similarity of a block with two neighbours together at which it counts as split or joined. */
const SPLIT_THRESHOLD = 0.6;

/** Blocks of at most this many words are paired by position when their words differ too much to pair by similarity. */
const SHORT_WORDS = 6;

/** Kinds of block that are split and joined in running text. */
const SPLITTABLE = new Set<Block['kind']>(['paragraph', 'listItem', 'quote']);

/** Label in the summary for changes above the first heading. */
const NO_SECTION = 'Introduction';

interface Prepared {
  block: Block;
  tokens: Token[];
  key: string;
  words: Map<string, number>;
  wordCount: number;
  /** A split's new parts or a join's old parts, when this stands for several blocks. */
  parts?: Prepared[];
}

// A version is compared with several others: each block is tokenised once, not once per
// comparison. Keyed by the block object, which the caller keeps for as long as it keeps the
// version's blocks.
const prepared = new WeakMap<Block, Prepared>();

function prepare(block: Block): Prepared {
  let found = prepared.get(block);
  if (!found) {
    found = tokenizeBlock(block);
    prepared.set(block, found);
  }
  return found;
}

/** What the words do not show but a reader sees: list style, heading level, link addresses. */
function structureKey(block: Block): string {
  const style = block.kind === 'heading' ? `h${block.depth ?? 2}` : block.kind === 'listItem' ? (block.ordered ? 'ol' : 'ul') : '';
  return `${style}\n${(block.links ?? []).map((l) => `${l.text}\u0000${l.href}`).join('\u0001')}`;
}

function countOf(tokens: Token[]): { words: Map<string, number>; wordCount: number } {
  const words = new Map<string, number>();
  let wordCount = 0;
  for (const { text } of tokens) {
    if (!isWord(text)) continue;
    const word = text.toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
    wordCount++;
  }
  return { words, wordCount };
}

function tokenizeBlock(block: Block): Prepared {
  const tokens = tokenize(displayText(block));
  return { block, tokens, key: `${block.kind}\n${tokens.map((t) => t.text).join(' ')}\n${structureKey(block)}`, ...countOf(tokens) };
}

/** Several consecutive blocks of one kind as one (a split's new parts, a join's old parts). */
function merge(parts: Prepared[]): Prepared {
  const first = parts[0]!;
  // Each part's first token had no space before it; inside the whole it needs one.
  const tokens = parts.flatMap((p, k) => (k && p.tokens[0] ? [{ ...p.tokens[0], space: p.tokens[0].space || ' ' }, ...p.tokens.slice(1)] : p.tokens));
  const links = parts.flatMap((p) => p.block.links ?? []);
  const block: Block = { ...first.block, text: parts.map((p) => p.block.text).join(' '), ...(links.length ? { links } : {}) };
  return { block, tokens, key: parts.map((p) => p.key).join('\n\n'), ...countOf(tokens), parts };
}

function similarity(a: Prepared, b: Prepared): number {
  if (a.block.kind !== b.block.kind) return 0;
  return a.block.kind === 'tableRow' ? Math.max(sameCells(a.block, b.block), dice(a, b)) : dice(a, b);
}

/**
 * Share of a table row's cells that are unchanged: rows are short, so "Email |
 * 2 years" → "Email | 3 months" is one row edited (half its cells the same)
 * though only a third of its words are.
 */
function sameCells(a: Block, b: Block): number {
  const from = a.cells ?? [];
  const to = b.cells ?? [];
  return from.filter((cell, k) => cell === to[k]).length / Math.max(from.length, to.length, 1);
}

function common(a: Prepared, b: Prepared): number {
  let n = 0;
  for (const [word, count] of a.words) n += Math.min(count, b.words.get(word) ?? 0);
  return n;
}

function dice(a: Prepared, b: Prepared, threshold = PAIR_THRESHOLD): number {
  const total = a.wordCount + b.wordCount;
  if (total === 0) return 1;
  // Dice can be no higher than this; skipping the count saves time on long runs of unrelated blocks.
  if ((2 * Math.min(a.wordCount, b.wordCount)) / total < threshold) return 0;
  return (2 * common(a, b)) / total;
}

/**
 * Whether `whole` was split into `first` and `second` (or they were joined into it): together
 * they are similar to it, more than either alone, and each brings words of it.
 */
function splitScore(whole: Prepared, first: Prepared, second: Prepared): number {
  if (!SPLITTABLE.has(whole.block.kind) || first.block.kind !== whole.block.kind || second.block.kind !== whole.block.kind) return 0;
  if (!first.wordCount || !second.wordCount) return 0;
  const total = whole.wordCount + first.wordCount + second.wordCount;
  // The most Dice can be, from the counts alone: most pairs of blocks stop here, cheaply.
  if ((2 * Math.min(whole.wordCount, first.wordCount + second.wordCount)) / total < SPLIT_THRESHOLD) return 0;
  let shared = 0;
  for (const [word, n] of whole.words) shared += Math.min(n, (first.words.get(word) ?? 0) + (second.words.get(word) ?? 0));
  const together = (2 * shared) / total;
  if (together < SPLIT_THRESHOLD || together <= Math.max(dice(whole, first, 0), dice(whole, second, 0))) return 0;
  const brings = (part: Prepared) => common(whole, part) / part.wordCount >= 0.5;
  return brings(first) && brings(second) ? together : 0;
}

/**
 * Finds splits and joins in a run and puts each split's new parts (each join's old parts) in
 * place as one merged block. Best matches first; each block takes part in one at most.
 */
function groupSplits(run: Run, moved: Set<Prepared>): void {
  const candidates: Array<{ score: number; side: 'deleted' | 'inserted'; whole: Prepared; at: number }> = [];
  for (const [side, wholes, others] of [['inserted', run.deleted, run.inserted], ['deleted', run.inserted, run.deleted]] as const) {
    for (const whole of wholes) {
      if (moved.has(whole)) continue;
      for (let k = 0; k + 1 < others.length; k++) {
        const [first, second] = [others[k]!, others[k + 1]!];
        if (moved.has(first) || moved.has(second)) continue;
        const score = splitScore(whole, first, second);
        if (score) candidates.push({ score, side, whole, at: k });
      }
    }
  }
  const used = new Set<Prepared>();
  const chosen: Array<{ side: 'deleted' | 'inserted'; at: number }> = [];
  for (const c of candidates.sort((a, b) => b.score - a.score)) {
    const parts = run[c.side].slice(c.at, c.at + 2);
    if (used.has(c.whole) || parts.some((p) => used.has(p))) continue;
    for (const p of [c.whole, ...parts]) used.add(p);
    chosen.push({ side: c.side, at: c.at });
  }
  // From the end, so earlier positions stay valid.
  for (const { side, at } of chosen.sort((a, b) => b.at - a.at)) {
    run[side].splice(at, 2, merge(run[side].slice(at, at + 2)));
  }
}

/**
 * Pairs deleted with inserted blocks, keeping document order (no crossing pairs)
 * and maximising total similarity: a Needleman–Wunsch table with free gaps.
 */
function align(deleted: Prepared[], inserted: Prepared[], moved: Set<Prepared>): Array<[number, number]> {
  const width = inserted.length + 1;
  const score = new Float64Array((deleted.length + 1) * width);
  // Where each block stands among the blocks of its kind in the run: short blocks pair by it.
  const rank = (list: Prepared[]) => {
    const seen = new Map<string, number>();
    return list.map((p) => {
      const n = seen.get(p.block.kind) ?? 0;
      seen.set(p.block.kind, n + 1);
      return n;
    });
  };
  const deletedRank = rank(deleted);
  const insertedRank = rank(inserted);
  const sim = (a: number, b: number) => {
    const from = deleted[a - 1];
    const to = inserted[b - 1];
    if (!from || !to || moved.has(from) || moved.has(to)) return 0;
    const s = similarity(from, to);
    if (s >= PAIR_THRESHOLD) return s;
    const short = from.block.kind === to.block.kind && !from.parts && !to.parts && from.wordCount <= SHORT_WORDS && to.wordCount <= SHORT_WORDS;
    // A heading in the same place is the same heading renamed; other short blocks need a word in common.
    const samePlace = deletedRank[a - 1] === insertedRank[b - 1];
    return short && samePlace && (from.block.kind === 'heading' || s > 0) ? Math.max(s, 0.01) : 0;
  };
  const sims = new Float64Array(score.length);
  for (let a = 1; a <= deleted.length; a++) {
    for (let b = 1; b <= inserted.length; b++) {
      const s = (sims[a * width + b] = sim(a, b));
      const skip = Math.max(score[(a - 1) * width + b] ?? 0, score[a * width + b - 1] ?? 0);
      score[a * width + b] = s > 0 ? Math.max(skip, (score[(a - 1) * width + b - 1] ?? 0) + s) : skip;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let a = deleted.length, b = inserted.length; a > 0 && b > 0; ) {
    const here = score[a * width + b] ?? 0;
    const s = sims[a * width + b] ?? 0;
    if (s > 0 && here === (score[(a - 1) * width + b - 1] ?? 0) + s) pairs.push([--a, --b]);
    else if (here === score[(a - 1) * width + b]) a--;
    else b--;
  }
  return pairs.reverse();
}

/**
 * Link changes between two blocks' links: the same words pointing elsewhere, or words that
 * became or stopped being a link. A link that came or went with its words is in the word diff.
 */
export function linkChanges(from: Block, to: Block): LinkChange[] {
  const before = [...(from.links ?? [])];
  const after = [...(to.links ?? [])];
  const take = <T>(list: T[], test: (item: T) => boolean) => {
    const k = list.findIndex(test);
    return k < 0 ? undefined : list.splice(k, 1)[0];
  };
  // Unchanged links, then links whose words changed (the words show it), then re-pointed ones.
  for (const link of [...after]) if (take(before, (l) => l.text === link.text && l.href === link.href)) take(after, (l) => l === link);
  for (const link of [...after]) if (take(before, (l) => l.href === link.href)) take(after, (l) => l === link);
  const out: LinkChange[] = [];
  for (const link of [...after]) {
    const old = take(before, (l) => l.text === link.text);
    if (old) {
      take(after, (l) => l === link);
      out.push({ type: 'changed', text: link.text, from: old.href, to: link.href });
    }
  }
  const has = (block: Block, text: string) => ` ${block.text} `.includes(` ${text} `) || block.text.includes(text);
  for (const link of after) if (has(from, link.text)) out.push({ type: 'added', text: link.text, to: link.href });
  for (const link of before) if (has(to, link.text)) out.push({ type: 'removed', text: link.text, from: link.href });
  return out;
}

/** List style and heading level changes between two blocks of one kind. */
function formatChanges(from: Block, to: Block): FormatChange[] {
  if (from.kind !== to.kind) return [];
  if (from.kind === 'listItem' && Boolean(from.ordered) !== Boolean(to.ordered)) {
    const style = (ordered?: boolean) => (ordered ? 'numbered' : 'bullets');
    return [{ type: 'list', from: style(from.ordered), to: style(to.ordered) }];
  }
  if (from.kind === 'heading' && (from.depth ?? 2) !== (to.depth ?? 2)) return [{ type: 'heading', from: from.depth ?? 2, to: to.depth ?? 2 }];
  return [];
}

/** A changed block: its words, and its link and structure changes when there are any. */
function changed(from: Block, to: Block, words: Change[], extra: Partial<Extract<BlockDiff, { type: 'change' }>> = {}, links = linkChanges(from, to)): BlockDiff {
  const format = formatChanges(from, to);
  return { type: 'change', from, to, words, ...extra, ...(links.length ? { links } : {}), ...(format.length ? { format } : {}) };
}

/** Cuts a word diff against a split's parts (concatenated) where the new blocks break. */
function cutRuns(runs: TokenRun[], lengths: number[]): TokenRun[][] {
  const out: TokenRun[][] = lengths.map(() => []);
  let part = 0;
  let left = lengths[0] ?? 0; // new-side tokens left in this part
  for (const run of runs) {
    if (run.type === 'delete') {
      // Deleted words at a break end the part before it.
      out[part]!.push(run);
      continue;
    }
    let tokens = run.tokens;
    while (tokens.length) {
      while (left === 0 && part + 1 < lengths.length) left = lengths[++part] ?? 0;
      let here = tokens.slice(0, part + 1 < lengths.length ? left : tokens.length);
      // A part's first word starts its block: no space before it.
      if (part > 0 && left === lengths[part] && here[0]) here = [{ ...here[0], space: '' }, ...here.slice(1)];
      out[part]!.push({ type: run.type, tokens: here });
      left -= here.length;
      tokens = tokens.slice(here.length);
    }
  }
  return out;
}

function change(from: Prepared, to: Prepared): BlockDiff[] {
  if (to.parts) {
    // Split: one word diff against the parts together, shown part by part.
    const pieces = cutRuns(diffTokenRuns(from.tokens, to.tokens), to.parts.map((p) => p.tokens.length));
    const links = linkChanges(from.block, to.block);
    return to.parts.map((part, k) => {
      const own = links.filter((l) => (part.block.links ?? []).some((m) => m.text === l.text) || (l.type === 'removed' && k === 0));
      return changed(from.block, part.block, runsToChanges(pieces[k] ?? []), { split: k ? 'rest' : 'start' }, own);
    });
  }
  if (from.parts) {
    const [first, ...rest] = from.parts.map((p) => p.block);
    return [changed(first!, to.block, diffTokens(from.tokens, to.tokens), { joined: rest }, linkChanges(from.block, to.block))];
  }
  if (to.block.kind !== 'tableRow' || from.block.kind !== 'tableRow') return [changed(from.block, to.block, diffTokens(from.tokens, to.tokens))];
  const a = from.block.cells ?? [];
  const b = to.block.cells ?? [];
  const cells = Array.from({ length: Math.max(a.length, b.length) }, (_, k) => diffTokens(tokenize(a[k] ?? ''), tokenize(b[k] ?? '')));
  // The row's word diff is the cells' diffs side by side, so both count the same words.
  const words = cells.flatMap((cell, k): Change[] => (k ? [{ type: 'same', value: ' | ' }, ...cell] : cell));
  return [changed(from.block, to.block, words, { cells })];
}

interface Run {
  deleted: Prepared[];
  inserted: Prepared[];
}

function summarise(blocks: BlockDiff[]): Redline['summary'] {
  const summary = {
    sectionsChanged: [] as string[],
    wordsAdded: 0,
    wordsRemoved: 0,
    blocksAdded: 0,
    blocksRemoved: 0,
    blocksChanged: 0,
    blocksMoved: 0,
    linksChanged: 0,
    formatChanged: 0,
    blocksSplit: 0,
    blocksJoined: 0,
    formattingOnly: false,
  };
  const sections = new Set<string>();
  let wordEdits = false;
  for (const d of blocks) {
    if (d.type === 'same') continue;
    sections.add(shown(d).section ?? NO_SECTION);
    if (d.type === 'change') {
      summary.blocksChanged++;
      summary.linksChanged += d.links?.length ?? 0;
      if (d.format) summary.formatChanged++;
      if (d.split === 'start') summary.blocksSplit++;
      if (d.joined) summary.blocksJoined++;
      for (const w of d.words) {
        if (w.type !== 'same') wordEdits = true;
        if (w.type === 'insert') summary.wordsAdded += countWords(w.value);
        if (w.type === 'delete') summary.wordsRemoved += countWords(w.value);
      }
    } else {
      wordEdits = true;
      if (d.moved) {
        if (d.type === 'insert') summary.blocksMoved++;
      } else if (d.type === 'insert') {
        summary.blocksAdded++;
        summary.wordsAdded += countWords(displayText(d.block));
      } else {
        summary.blocksRemoved++;
        summary.wordsRemoved += countWords(displayText(d.block));
      }
    }
  }
  summary.sectionsChanged = [...sections];
  summary.formattingOnly = sections.size > 0 && !wordEdits;
  return summary;
}

/**
 * Redline between two versions' blocks (see the module comment for the method).
 * Blocks compare by kind, words and punctuation, links, list style and heading
 * level; whitespace and inline formatting are not compared. Unchanged blocks are
 * reported as they stand in the new version.
 */
export function redline(oldBlocks: Block[], newBlocks: Block[]): Redline {
  const olds = oldBlocks.map(prepare);
  const news = newBlocks.map(prepare);
  const sequence: Array<BlockDiff | Run> = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(olds.map((p) => p.key), news.map((p) => p.key))) {
    if (!part.added && !part.removed) {
      for (const p of news.slice(j, j + part.count)) sequence.push({ type: 'same', block: p.block });
      i += part.count;
      j += part.count;
      continue;
    }
    const last = sequence.at(-1);
    const run: Run = last && 'deleted' in last ? last : { deleted: [], inserted: [] };
    if (run !== last) sequence.push(run);
    if (part.removed) run.deleted.push(...olds.slice(i, (i += part.count)));
    else run.inserted.push(...news.slice(j, (j += part.count)));
  }

  const runs = sequence.filter((s): s is Run => 'deleted' in s);
  const deletedByKey = new Map<string, Prepared[]>();
  for (const p of runs.flatMap((r) => r.deleted)) {
    const same = deletedByKey.get(p.key);
    if (same) same.push(p);
    else deletedByKey.set(p.key, [p]);
  }
  const moved = new Set<Prepared>();
  for (const p of runs.flatMap((r) => r.inserted)) {
    const from = deletedByKey.get(p.key)?.shift();
    if (from) moved.add(from).add(p);
  }
  for (const run of runs) groupSplits(run, moved);

  const blocks: BlockDiff[] = [];
  const whole = (type: 'insert' | 'delete', p: Prepared): BlockDiff[] =>
    p.parts ? p.parts.flatMap((part) => whole(type, part)) : [moved.has(p) ? { type, block: p.block, moved: true } : { type, block: p.block }];
  for (const item of sequence) {
    if (!('deleted' in item)) {
      blocks.push(item);
      continue;
    }
    let a = 0;
    let b = 0;
    // Before each pair (and, with the final sentinel, after the last) come the
    // unpaired blocks: deleted first, unless an inserted one continues the list
    // or table just shown and the deleted one would split it.
    for (const [pa, pb] of [...align(item.deleted, item.inserted, moved), [item.deleted.length, item.inserted.length] as const]) {
      while (a < pa || b < pb) {
        const last = blocks.at(-1);
        const kind = last && shown(last).kind;
        const del = a < pa ? item.deleted[a] : undefined;
        const ins = b < pb ? item.inserted[b] : undefined;
        // `ins &&` matters: with no inserted block left, undefined === undefined must not block the delete.
        if (del && !(ins && ins.block.kind === kind && del.block.kind !== kind)) {
          blocks.push(...whole('delete', del));
          a++;
        } else if (ins) {
          blocks.push(...whole('insert', ins));
          b++;
        }
      }
      const from = item.deleted[a];
      const to = item.inserted[b];
      if (from && to) blocks.push(...change(from, to));
      a++;
      b++;
    }
  }
  return { blocks, identical: blocks.every((d) => d.type === 'same'), summary: summarise(blocks) };
}
