/**
 * Word-level tokens and the word diff.
 *
 * Words and punctuation marks are separate tokens, so a comma added or a full
 * stop turned into a semicolon shows as a change; whitespace is never a token,
 * so reflowed lines and doubled spaces show none.
 */
import { diffArrays } from 'diff';
import type { Block, Change } from './types.ts';

/** A word or a punctuation mark, with the whitespace written before it (kept for display). */
export interface Token {
  text: string;
  space: string;
}

// Numbers with separators (1,000 / 2.5 / 24/7) and words with inner apostrophes
// or hyphens (firm's, co-operate) stay whole, so "£1,000" → "£1,500" reads as one
// changed amount; any other visible character is a token of its own.
const TOKEN = /(\s*)(\p{N}+(?:[.,:/]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\S)/gu;
const WORD = /[\p{L}\p{N}]/u;

/** Splits text into tokens; trailing whitespace is dropped. */
export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (m) => ({ space: m[1] ?? '', text: m[2] ?? '' }));
}

/** Whether a token is a word (has a letter or digit) rather than punctuation. */
export function isWord(token: string): boolean {
  return WORD.test(token);
}

/** Number of words in a text; punctuation does not count. */
export function countWords(text: string): number {
  return tokenize(text).filter((t) => isWord(t.text)).length;
}

/**
 * The text a block is compared and displayed by: its text, with a ☑/☐ in front
 * of a task item (so ticking one shows) and `---` for a rule (which has none).
 */
export function displayText(block: Block): string {
  if (block.kind === 'rule') return '---';
  if (typeof block.checked === 'boolean') return `${block.checked ? '☑' : '☐'} ${block.text}`;
  return block.text;
}

/** A run of tokens that is unchanged, inserted or deleted: the word diff before it is laid out as text. */
export interface TokenRun {
  type: Change['type'];
  tokens: Token[];
}

/** Word diff of two token lists as runs of tokens (jsdiff's Myers diff over tokens); unchanged runs as the new version writes them. */
export function diffTokenRuns(from: Token[], to: Token[]): TokenRun[] {
  const out: TokenRun[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(from, to, { comparator: (a, b) => a.text === b.text })) {
    const type = part.added ? 'insert' : part.removed ? 'delete' : 'same';
    out.push({ type, tokens: type === 'delete' ? from.slice(i, i + part.count) : to.slice(j, j + part.count) });
    if (type !== 'insert') i += part.count;
    if (type !== 'delete') j += part.count;
  }
  return out;
}

/** Adds text to a list of changes, joining it to the last change when that is of the same type. */
export function appendChange(out: Change[], type: Change['type'], value: string): void {
  if (!value) return;
  const last = out.at(-1);
  if (last?.type === type) last.value += value;
  else out.push({ type, value });
}

/**
 * Token runs as changes. The whitespace before an inserted or deleted run is moved out of it
 * into the unchanged text, so markers wrap words, not spaces: `firm [-must-] [+shall+] retain`.
 */
export function runsToChanges(runs: TokenRun[]): Change[] {
  const out: Change[] = [];
  const push = (type: Change['type'], value: string) => appendChange(out, type, value);
  for (const { type, tokens } of runs) {
    const lead = tokens[0]?.space ?? '';
    const text = tokens.map((t) => t.space + t.text).join('');
    push('same', type === 'same' ? text : lead);
    if (type !== 'same') push(type, text.slice(lead.length));
  }
  return out;
}

/** Word diff of two token lists, as changes (see {@link runsToChanges}). */
export function diffTokens(from: Token[], to: Token[]): Change[] {
  return runsToChanges(diffTokenRuns(from, to));
}
