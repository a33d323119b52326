/** Frontmatter changes between two versions, listed apart from the text redline. */
import type { MetadataChange } from './types.ts';

// The fields a reader cares about, in the order shown. effective, lastReviewed,
// changes and status differ between any two versions by nature and are left out.
const FIELDS: ReadonlyArray<readonly [field: string, label: string]> = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['owner', 'Owner'],
  ['approvedBy', 'Approved by'],
  ['chapter', 'Chapter'],
  ['reviewEveryMonths', 'Review interval'],
  ['appliesTo', 'Applies to'],
  ['tags', 'Tags'],
];

const MISSING = '—';

function show(field: string, value: unknown): string {
  if (value === undefined || value === null) return MISSING;
  if (field === 'reviewEveryMonths' && typeof value === 'number') return `${value} month${value === 1 ? '' : 's'}`;
  // Whitespace is collapsed so a re-wrapped YAML string is no change.
  const text = (Array.isArray(value) ? value.map(String).join(', ') : String(value)).replace(/\s+/g, ' ').trim();
  return text || MISSING;
}

/**
 * The frontmatter fields {@link diffMetadata} reads, and only those: what a version's block data
 * for the browser redline carries, so nothing else of the frontmatter is published twice.
 */
export function metadataFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.flatMap(([field]) => (data[field] === undefined ? [] : [[field, data[field]]])));
}

/**
 * Compares two versions' frontmatter (pass the parsed data, with schema defaults
 * applied, so a default written out is no change): title, summary, owner,
 * approvedBy, chapter, reviewEveryMonths ("12 months"), appliesTo and tags
 * (lists joined with ", "). A missing value reads "—".
 */
export function diffMetadata(from: Record<string, unknown>, to: Record<string, unknown>): MetadataChange[] {
  return FIELDS.flatMap(([field, label]) => {
    const before = show(field, from[field]);
    const after = show(field, to[field]);
    return before === after ? [] : [{ field, label, from: before, to: after }];
  });
}
