/**
 * The Word documents the site offers ("Download as Word"): their file names, and which redlines
 * are built. A document for every version, and a redline for each version against the one
 * before it and against the current one, so the number of files grows with the versions, not
 * with their pairs.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `retention-and-disposal-2.1.docx`, served beside the version's page. */
export const versionDocxName = (slug: string, version: string) => `${slug}-${version}.docx`;

/** `retention-and-disposal-1.0-to-2.1.docx`, served beside the compare page. */
export const redlineDocxName = (slug: string, from: string, to: string) => `${slug}-${from}-to-${to}.docx`;

/**
 * The pairs (older, newer) whose redline is built as a Word document: each version against the
 * one before it, and against the current version (at most 2n − 3 for n versions).
 */
export function redlineDocxPairs<V>(versions: readonly V[], current: V): Array<[V, V]> {
  const pairs: Array<[V, V]> = [];
  const seen = new Set<string>();
  const at = versions.indexOf(current);
  const add = (a: number, b: number) => {
    const from = versions[a];
    const to = versions[b];
    if (from === undefined || to === undefined || a >= b || seen.has(`${a}:${b}`)) return;
    seen.add(`${a}:${b}`);
    pairs.push([from, to]);
  };
  versions.forEach((_, i) => {
    add(i - 1, i);
    if (at >= 0) add(Math.min(i, at), Math.max(i, at));
  });
  return pairs;
}
