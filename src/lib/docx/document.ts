/**
 * Whole Word documents: a clean copy of one version (`handbook export`, "Download as Word" on a
 * policy page) and a redline as tracked changes (`handbook diff --format docx`, "Download as
 * Word" on a compare page). Both open with the same lines: the firm, the title, the version's
 * details and an "as at" line, so a printed copy says what it was when it was made.
 */
import { formatDate, type CalendarDate } from '../dates.ts';
import type { MetadataChange, Redline } from '../diff/types.ts';
import type { PolicyVersionData } from '../schema/policy.ts';
import type { VersionState } from '../versions.ts';
import { bodyToWord } from './body.ts';
import { readImage } from './images.ts';
import { packDocx } from './pack.ts';
import { redlineToWord } from './redline.ts';
import { detailsLine, newDocumentParts, Numbering, paragraph, textRun, type WordDocument } from './wordml.ts';

/** What a document needs of a version (a model `PolicyVersion` is one). */
export interface DocxVersion {
  slug: string;
  version: string;
  format: 'md' | 'mdx';
  body: string;
  data: PolicyVersionData;
  /** Published versions only; a draft (which `diff` may compare) has none. */
  state?: VersionState | 'draft';
  supersededBy?: { version: string; data: { effective: CalendarDate } };
  /** The version file's path: images the body links to are read from beside it. */
  file?: string;
}

export interface DocxSettings {
  firm: string;
  /** The date the document's "as at" line is written for (the build's or the CLI's today). */
  today: CalendarDate;
  /** The content folder: images are embedded only from inside it. */
  contentDir?: string;
}

/** "As at 15 November 2026, this is the version in force." and its siblings. */
export function asAtLine(v: DocxVersion, today: CalendarDate): string {
  const at = `As at ${formatDate(today)}`;
  if (v.data.status === 'draft') return `${at}, this version is a draft: it is not published and not in force.`;
  switch (v.state) {
    case 'withdrawn':
      return `${at}, this policy is withdrawn${v.data.withdrawn ? ` (from ${formatDate(v.data.withdrawn)})` : ''}: it no longer applies.`;
    case 'upcoming':
      return `${at}, this version is not yet in force: it takes effect on ${formatDate(v.data.effective)}.`;
    case 'superseded':
      return v.supersededBy
        ? `${at}, this version is superseded: version ${v.supersededBy.version} took effect on ${formatDate(v.supersededBy.data.effective)}.`
        : `${at}, this version is superseded.`;
    default:
      return `${at}, this is the version in force.`;
  }
}

/** The version's details line: version, effective date, owner, approver. */
export function detailsText(v: DocxVersion): string {
  return `Version ${v.version} · effective ${formatDate(v.data.effective)} · owner: ${v.data.owner} · approved by: ${v.data.approvedBy}`;
}

/** A document's creation time: the start of the day it is made on (the build's today), not the clock's. */
const madeOn = (today: CalendarDate) => `${today}T00:00:00.000Z`;

function opening(v: DocxVersion, settings: DocxSettings): string {
  return [
    detailsLine(settings.firm),
    paragraph(textRun(v.data.title), { style: 'Title' }),
    paragraph(textRun(v.data.summary), { style: 'PolicySummary' }),
    detailsLine(detailsText(v)),
    detailsLine(asAtLine(v, settings.today)),
  ].join('');
}

/** A clean Word document of one version. */
export function versionDocx(v: DocxVersion, settings: DocxSettings): Buffer {
  return packDocx(versionDocument(v, settings));
}

/** The document `versionDocx` writes, before it is packed. */
export function versionDocument(v: DocxVersion, settings: DocxSettings): WordDocument {
  const { file } = v;
  const root = settings.contentDir;
  const parts = newDocumentParts(false);
  const ctx = { footnoteIds: new Map<string, number>(), footnotes: new Map<number, string[]>(), nextListInstance: 1, pictures: 0, numbering: parts.numbering, rels: parts.rels, media: parts.media, ...(file && root ? { image: (url: string) => readImage(url, file, root) } : {}) };
  const body = bodyToWord(v.body, v.format, ctx, parts.footnoteRels);
  return {
    ...parts,
    title: v.data.title,
    creator: settings.firm,
    description: v.data.summary,
    created: madeOn(settings.today),
    header: `${settings.firm} · ${v.data.title} · version ${v.version}`,
    body: opening(v, settings) + body,
    footnotes: ctx.footnotes,
    comments: [],
  };
}

/**
 * The redline of two versions as a Word document whose text changes are tracked revisions by the
 * newer version's approver, dated on its effective date: Word's Review pane lists them, and
 * accepting all of them leaves the newer version's text. The opening lines say which versions
 * are compared and list the details (owner, title…) that changed; they are not revisions.
 */
export function redlineDocx(from: DocxVersion, to: DocxVersion, result: Redline, metadata: MetadataChange[], settings: DocxSettings): Buffer {
  return packDocx(redlineDocument(from, to, result, metadata, settings));
}

/** The document `redlineDocx` writes, before it is packed. */
export function redlineDocument(from: DocxVersion, to: DocxVersion, result: Redline, metadata: MetadataChange[], settings: DocxSettings): WordDocument {
  const author = to.data.approvedBy;
  const numbering = new Numbering();
  const { body, comments } = redlineToWord(result, { author, date: `${to.data.effective}T00:00:00Z` }, numbering);
  const lines = [
    detailsLine(settings.firm),
    paragraph(textRun(to.data.title), { style: 'Title' }),
    detailsLine(`Redline: version ${from.version} (effective ${formatDate(from.data.effective)}) → version ${to.version} (effective ${formatDate(to.data.effective)})`),
    ...metadata.map((m) => detailsLine(`${m.label}: ${m.from} → ${m.to}`)),
    detailsLine(
      result.identical
        ? 'No differences between these versions.'
        : `Changes are tracked as revisions by ${author}, dated ${formatDate(to.data.effective)}: accept them all to get version ${to.version}.`,
    ),
    detailsLine(asAtLine(to, settings.today)),
  ];
  return {
    ...newDocumentParts(comments.length > 0),
    numbering,
    title: `${to.data.title}: ${from.version} → ${to.version}`,
    creator: settings.firm,
    description: `Redline of ${to.data.title}`,
    created: madeOn(settings.today),
    header: `${settings.firm} · ${to.data.title} · redline ${from.version} → ${to.version}`,
    body: lines.join('') + body,
    footnotes: new Map(),
    comments,
  };
}
