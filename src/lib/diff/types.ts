/** Types shared by the redline engine: blocks, word changes, block changes, the redline. */

/** What a block of rendered text is. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableRow'
  | 'code'
  | 'quote'
  | 'component'
  | 'rule'
  | 'html';

/** One block of a version's rendered text, the unit the redline matches first. */
export interface Block {
  kind: BlockKind;
  /** Normalised rendered text: inline markup removed, whitespace collapsed (code keeps its layout). */
  text: string;
  /** Heading level; for list items, the nesting level (1 = top-level list). */
  depth?: number;
  /** List items: numbered list. */
  ordered?: boolean;
  /** Task-list items only: ticked or not. */
  checked?: boolean | null;
  /** Table rows: the text of each cell. */
  cells?: string[];
  /** Table rows: the table's first row. */
  header?: boolean;
  /** Components: the JSX element name, e.g. `Callout`. */
  name?: string;
  /** Text of the nearest heading above (or of the heading itself), for the summary. */
  section?: string;
}

/** A run of word-level tokens that is unchanged, inserted or deleted. */
export type Change = { type: 'same' | 'insert' | 'delete'; value: string };

/** How one block fared between two versions. */
export type BlockDiff =
  | { type: 'same'; block: Block }
  /** Whole block inserted; `moved` when the same text was deleted elsewhere. */
  | { type: 'insert'; block: Block; moved?: boolean }
  /** Whole block deleted; `moved` when the same text was inserted elsewhere. */
  | { type: 'delete'; block: Block; moved?: boolean }
  /** Block reworded: word diff, and for table rows one word diff per cell. */
  | { type: 'change'; from: Block; to: Block; words: Change[]; cells?: Change[][] };

/** A redline between two versions: plain data, serialisable as JSON. */
export interface Redline {
  blocks: BlockDiff[];
  identical: boolean;
  summary: {
    /** Sections (nearest heading text, or "Introduction" before the first heading) touched, in document order. */
    sectionsChanged: string[];
    /** Words in inserted blocks and inserted runs; moved blocks are not counted. */
    wordsAdded: number;
    wordsRemoved: number;
    /** Whole blocks inserted / deleted, not counting moved ones. */
    blocksAdded: number;
    blocksRemoved: number;
    blocksChanged: number;
    /** Blocks that moved (each counted once). */
    blocksMoved: number;
  };
}

/** A frontmatter field a reader cares about that differs between two versions. */
export interface MetadataChange {
  field: string;
  label: string;
  from: string;
  to: string;
}
