/**
 * The Word documents the site offers ("Download as Word"): their file names. A document for
 * every version, and a redline for each compare page built statically (src/lib/compare-pairs.ts:
 * each version against the one before it and against the current one), so the number of files
 * grows with the versions, not with their pairs. Their bytes: ./files.ts.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `retention-and-disposal-2.1.docx`, served beside the version's page. */
export const versionDocxName = (slug: string, version: string) => `${slug}-${version}.docx`;

/** `retention-and-disposal-1.0-to-2.1.docx`, served beside the compare page. */
export const redlineDocxName = (slug: string, from: string, to: string) => `${slug}-${from}-to-${to}.docx`;

/** The route table's kinds of Word file (src/lib/routes.ts). */
export const WORD_FILE_KINDS = ['versionDocx', 'compareDocx'] as const;
export type WordFileKind = (typeof WORD_FILE_KINDS)[number];
