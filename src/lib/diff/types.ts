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
  /**
   * The links in the block, in reading order: their text and their address as written
   * (`/policies/x/`, `https://…`). Absent when the block has none. Compared with the words,
   * so a re-pointed link is a change even when no word changed.
   */
  links?: BlockLink[];
}

/** A link inside a block. */
export interface BlockLink {
  text: string;
  href: string;
}

/**
 * A link whose address changed while its words stayed: `changed` (old and new address),
 * `added` (the words were there and became a link), `removed` (the link went, its words
 * stayed). A link inserted or deleted together with its words shows in the words instead.
 */
export type LinkChange =
  | { type: 'changed'; text: string; from: string; to: string }
  | { type: 'added'; text: string; to: string }
  | { type: 'removed'; text: string; from: string };

/** A change of a block's structure that the words do not show. */
export type FormatChange =
  /** A list item's list changed between numbered and bullets. */
  | { type: 'list'; from: 'numbered' | 'bullets'; to: 'numbered' | 'bullets' }
  /** A heading's level changed (2 = a section, 3 = a subsection, …). */
  | { type: 'heading'; from: number; to: number };

/** A run of word-level tokens that is unchanged, inserted or deleted. */
export type Change = { type: 'same' | 'insert' | 'delete'; value: string };

/** How one block fared between two versions. */
export type BlockDiff =
  | { type: 'same'; block: Block }
  /** Whole block inserted; `moved` when the same text was deleted elsewhere. */
  | { type: 'insert'; block: Block; moved?: boolean }
  /** Whole block deleted; `moved` when the same text was inserted elsewhere. */
  | { type: 'delete'; block: Block; moved?: boolean }
  /**
   * Block changed: word diff (all `same` when only links or structure changed), and for table
   * rows one word diff per cell.
   */
  | {
      type: 'change';
      from: Block;
      to: Block;
      words: Change[];
      cells?: Change[][];
      /** Links whose address changed, or that were added or removed while their words stayed. */
      links?: LinkChange[];
      /** List style or heading level changed. */
      format?: FormatChange[];
      /**
       * The old block `from` was split into consecutive new blocks: `start` on the first part,
       * `rest` on each following part, whose `from` is the same old block (count it once). The
       * words of all the parts together are one word diff against `from`, cut where the new
       * blocks break.
       */
      split?: 'start' | 'rest';
      /**
       * Old blocks that were joined (after `from`, in order) into `to`: `words` is the word diff
       * of `from` and these together against `to`.
       */
      joined?: Block[];
    };

/**
 * A redline between two versions: plain data, serialisable as JSON. This shape is what the
 * site, the CLI's formats, the browser redline and the Word export read: add fields, do not
 * rename them.
 */
export interface Redline {
  blocks: BlockDiff[];
  /** True only when the rendered words, the links and the structure are all the same. */
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
    /** Links re-pointed, added or removed while their words stayed (see {@link LinkChange}). */
    linksChanged: number;
    /** Blocks whose list style or heading level changed. */
    formatChanged: number;
    /** Old blocks split in two or more / new blocks joined from two or more. */
    blocksSplit: number;
    blocksJoined: number;
    /** The versions differ, but only in links and structure: no word was added, removed or moved. */
    formattingOnly: boolean;
  };
}

/** A frontmatter field a reader cares about that differs between two versions. */
export interface MetadataChange {
  field: string;
  label: string;
  from: string;
  to: string;
}
