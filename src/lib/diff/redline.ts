/**
 * The redline: blocks matched first, then words within a changed block.
 *
 * 1. Longest common subsequence over block keys (kind + tokens, so whitespace
 *    and reflow never count) finds the unchanged blocks.
 * 2. Between two unchanged blocks lies a run of deleted and inserted blocks. A
 *    block inserted with exactly the text of one deleted anywhere is "moved".
 * 3. In each run, the remaining deleted and inserted blocks of the same kind are
 *    paired by similarity ≥ PAIR_THRESHOLD (Dice coefficient over words; for
 *    table rows, or the share of unchanged cells) with an order-preserving
 *    alignment, and each pair gets a word diff. The rest stay
 *    whole inserts or deletes: a rewritten paragraph reads better replaced than
 *    shredded into alternating fragments.
 */
import { diffArrays } from 'diff';
import { countWords, diffTokens, displayText, isWord, tokenize, type Token } from './tokens.ts';
import { shown } from './layout.ts';
import { parseBlocks } from './parse.ts';
import type { Block, BlockDiff, Change, Redline } from './types.ts';

/** Word similarity (Dice coefficient) at which a deleted and an inserted block count as one block reworded. */
const PAIR_THRESHOLD = 0.5;

/** Label in the summary for changes above the first heading. */
const NO_SECTION = 'Introduction';

interface Prepared {
  block: Block;
  tokens: Token[];
  key: string;
  words: Map<string, number>;
  wordCount: number;
}

// A version is compared with every other (a policy with 100 versions has 4,950 compare pages):
// each block is tokenised once, not once per comparison. Keyed by the block object, which the
// caller keeps for as long as it keeps the version's blocks.
const prepared = new WeakMap<Block, Prepared>();

function prepare(block: Block): Prepared {
  let found = prepared.get(block);
  if (!found) {
    found = tokenizeBlock(block);
    prepared.set(block, found);
  }
  return found;
}

function tokenizeBlock(block: Block): Prepared {
  const tokens = tokenize(displayText(block));
  const words = new Map<string, number>();
  let wordCount = 0;
  for (const { text } of tokens) {
    if (!isWord(text)) continue;
    const word = text.toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
    wordCount++;
  }
  return { block, tokens, key: `${block.kind}\n${tokens.map((t) => t.text).join(' ')}`, words, wordCount };
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

function dice(a: Prepared, b: Prepared): number {
  const total = a.wordCount + b.wordCount;
  if (total === 0) return 1;
  // Dice can be no higher than this; skipping the count saves time on long runs of unrelated blocks.
  if ((2 * Math.min(a.wordCount, b.wordCount)) / total < PAIR_THRESHOLD) return 0;
  let common = 0;
  for (const [word, n] of a.words) common += Math.min(n, b.words.get(word) ?? 0);
  return (2 * common) / total;
}

/**
 * Pairs deleted with inserted blocks, keeping document order (no crossing pairs)
 * and maximising total similarity: a Needleman–Wunsch table with free gaps.
 */
function align(deleted: Prepared[], inserted: Prepared[], moved: Set<Prepared>): Array<[number, number]> {
  const width = inserted.length + 1;
  const score = new Float64Array((deleted.length + 1) * width);
  const sim = (a: number, b: number) => {
    const from = deleted[a - 1];
    const to = inserted[b - 1];
    if (!from || !to || moved.has(from) || moved.has(to)) return 0;
    const s = similarity(from, to);
    return s >= PAIR_THRESHOLD ? s : 0;
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

function change(from: Block, to: Block, fromTokens: Token[], toTokens: Token[]): BlockDiff {
  if (to.kind !== 'tableRow' || from.kind !== 'tableRow') {
    return { type: 'change', from, to, words: diffTokens(fromTokens, toTokens) };
  }
  const a = from.cells ?? [];
  const b = to.cells ?? [];
  const cells = Array.from({ length: Math.max(a.length, b.length) }, (_, k) => diffTokens(tokenize(a[k] ?? ''), tokenize(b[k] ?? '')));
  // The row's word diff is the cells' diffs side by side, so both count the same words.
  const words = cells.flatMap((cell, k): Change[] => (k ? [{ type: 'same', value: ' | ' }, ...cell] : cell));
  return { type: 'change', from, to, words, cells };
}

interface Run {
  deleted: Prepared[];
  inserted: Prepared[];
}

function summarise(blocks: BlockDiff[]): Redline['summary'] {
  const summary = { sectionsChanged: [] as string[], wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0, blocksMoved: 0 };
  const sections = new Set<string>();
  for (const d of blocks) {
    if (d.type === 'same') continue;
    sections.add(shown(d).section ?? NO_SECTION);
    if (d.type === 'change') {
      summary.blocksChanged++;
      for (const w of d.words) {
        if (w.type === 'insert') summary.wordsAdded += countWords(w.value);
        if (w.type === 'delete') summary.wordsRemoved += countWords(w.value);
      }
    } else if (d.moved) {
      if (d.type === 'insert') summary.blocksMoved++;
    } else if (d.type === 'insert') {
      summary.blocksAdded++;
      summary.wordsAdded += countWords(displayText(d.block));
    } else {
      summary.blocksRemoved++;
      summary.wordsRemoved += countWords(displayText(d.block));
    }
  }
  summary.sectionsChanged = [...sections];
  return summary;
}

/**
 * Redline between two versions' blocks (see the module comment for the method).
 * Blocks compare by kind and words/punctuation only: heading level, list
 * numbering style and whitespace are not compared. Unchanged blocks are
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

  const blocks: BlockDiff[] = [];
  const whole = (type: 'insert' | 'delete', p: Prepared): BlockDiff => (moved.has(p) ? { type, block: p.block, moved: true } : { type, block: p.block });
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
          blocks.push(whole('delete', del));
          a++;
        } else if (ins) {
          blocks.push(whole('insert', ins));
          b++;
        }
      }
      const from = item.deleted[a];
      const to = item.inserted[b];
      if (from && to) blocks.push(change(from.block, to.block, from.tokens, to.tokens));
      a++;
      b++;
    }
  }
  return { blocks, identical: blocks.every((d) => d.type === 'same'), summary: summarise(blocks) };
}

/** Redline between two version bodies (frontmatter removed); `mdx` as in {@link parseBlocks}. */
export function redlineSources(oldSource: string, newSource: string, options: { mdx?: boolean } = {}): Redline {
  return redline(parseBlocks(oldSource, options), parseBlocks(newSource, options));
}

/** A version's text as the model keeps it (a `PolicyVersion` is one). */
export interface VersionText {
  body: string;
  format: 'md' | 'mdx';
}

// Keyed by the version object: a build keeps one per file for its whole run, so each version is
// parsed once however many compare pages use it; the dev server's re-reading makes new ones.
const versionBlocks = new WeakMap<VersionText, Block[]>();

/**
 * The redline between two versions: the one the compare pages and `handbook diff` show.
 * Each version's blocks are parsed once per version object.
 */
export function redlineVersions(from: VersionText, to: VersionText): Redline {
  const blocksOf = (v: VersionText) => {
    let found = versionBlocks.get(v);
    if (!found) {
      found = parseBlocks(v.body, { mdx: v.format === 'mdx' });
      versionBlocks.set(v, found);
    }
    return found;
  };
  return redline(blocksOf(from), blocksOf(to));
}
