/**
 * The redline (blackline) engine: what changed between two versions of a policy,
 * compared on the rendered text, for the compare page and `handbook diff`.
 *
 * Blocks (headings, paragraphs, list items, table rows, code, quotes,
 * components) are matched first, then words within a changed block; see
 * ./diff/redline.ts for the method. The site and the CLI both call these
 * functions, so they show the same result.
 */
export type { Block, BlockDiff, BlockKind, BlockLink, Change, FormatChange, LinkChange, MetadataChange, Redline } from './diff/types.ts';
export { parseBlocks } from './diff/parse.ts';
export { redline } from './diff/redline.ts';
export { blocksOf, redlineSources, redlineVersions, type VersionText } from './diff/sources.ts';
export { diffMetadata, metadataFields } from './diff/metadata.ts';
export { redlineToHtml } from './diff/html.ts';
export { redlineToMarkdown, redlineToText } from './diff/text.ts';
