/**
 * Whole Word documents: a clean copy of one version (`handbook export`, "Download as Word" on a
 * policy page) and a redline as tracked changes (`handbook diff --format docx`, "Download as
 * Word" on a compare page). Both open with the same lines: the firm, the title, the version's
 * details and an "as at" line, so a printed copy says what it was when it was made.
 */
import { Document, Header, Paragraph, TextRun, type FileChild } from 'docx';
import { formatDate, type CalendarDate } from '../dates.ts';
import type { MetadataChange, Redline } from '../diff/types.ts';
import type { PolicyVersionData } from '../schema/policy.ts';
import type { VersionState } from '../versions.ts';
import { bodyToDocx, newContext, type BodyContext } from './body.ts';
import { readImage } from './images.ts';
import { packDocx } from './pack.ts';
import { redlineToDocx, type RedlineComment } from './redline.ts';
import { detailsLine, numbering, styles } from './styles.ts';

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

function opening(v: DocxVersion, settings: DocxSettings): Paragraph[] {
  return [
    detailsLine(settings.firm),
    new Paragraph({ style: 'Title', children: [new TextRun(v.data.title)] }),
    new Paragraph({ style: 'PolicySummary', children: [new TextRun(v.data.summary)] }),
    detailsLine(detailsText(v)),
    detailsLine(asAtLine(v, settings.today)),
  ];
}

function document(title: string, headerText: string, settings: DocxSettings, ctx: BodyContext, children: FileChild[], description: string, comments: RedlineComment[] = []): Document {
  return new Document({
    ...(comments.length ? { comments: { children: comments } } : {}),
    creator: settings.firm,
    title,
    description,
    styles,
    numbering,
    footnotes: ctx.footnotes,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ style: 'PolicyDetails', children: [new TextRun(headerText)] })] }) },
        children,
      },
    ],
  });
}

/** A clean Word document of one version. */
export async function versionDocx(v: DocxVersion, settings: DocxSettings): Promise<Buffer> {
  return packDocx(versionDocument(v, settings), styles);
}

/** The document `versionDocx` writes, before it is packed. */
export function versionDocument(v: DocxVersion, settings: DocxSettings): Document {
  const { file } = v;
  const root = settings.contentDir;
  const ctx = newContext(file && root ? (url) => readImage(url, file, root) : undefined);
  const body = bodyToDocx(v.body, v.format, ctx);
  const header = `${settings.firm} · ${v.data.title} · version ${v.version}`;
  return document(v.data.title, header, settings, ctx, [...opening(v, settings), ...body], v.data.summary);
}

/**
 * The redline of two versions as a Word document whose text changes are tracked revisions by the
 * newer version's approver, dated on its effective date: Word's Review pane lists them, and
 * accepting all of them leaves the newer version's text. The opening lines say which versions
 * are compared and list the details (owner, title…) that changed; they are not revisions.
 */
export async function redlineDocx(from: DocxVersion, to: DocxVersion, result: Redline, metadata: MetadataChange[], settings: DocxSettings): Promise<Buffer> {
  return packDocx(redlineDocument(from, to, result, metadata, settings), styles);
}

/** The document `redlineDocx` writes, before it is packed. */
export function redlineDocument(from: DocxVersion, to: DocxVersion, result: Redline, metadata: MetadataChange[], settings: DocxSettings): Document {
  const author = to.data.approvedBy;
  const { blocks: body, comments } = redlineToDocx(result, { author, date: `${to.data.effective}T00:00:00Z` });
  const lines = [
    detailsLine(settings.firm),
    new Paragraph({ style: 'Title', children: [new TextRun(to.data.title)] }),
    detailsLine(`Redline: version ${from.version} (effective ${formatDate(from.data.effective)}) → version ${to.version} (effective ${formatDate(to.data.effective)})`),
    ...metadata.map((m) => detailsLine(`${m.label}: ${m.from} → ${m.to}`)),
    detailsLine(
      result.identical
        ? 'No differences between these versions.'
        : `Changes are tracked as revisions by ${author}, dated ${formatDate(to.data.effective)}: accept them all to get version ${to.version}.`,
    ),
    detailsLine(asAtLine(to, settings.today)),
  ];
  const header = `${settings.firm} · ${to.data.title} · redline ${from.version} → ${to.version}`;
  return document(`${to.data.title}: ${from.version} → ${to.version}`, header, settings, newContext(), [...lines, ...body], `Redline of ${to.data.title}`, comments);
}
