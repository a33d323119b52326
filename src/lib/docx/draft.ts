/**
 * Where an imported document goes and what its frontmatter says: a draft version of a new
 * policy, or the next version of an existing one.
 */
import { stringify } from 'yaml';
import type { PolicyVersionFile } from '../content.ts';
import type { CalendarDate } from '../dates.ts';
import type { Chapter } from '../schema/handbook.ts';
import { compareVersions, isVersion, nextVersion } from '../versions.ts';
import type { ImportedDocx } from './import.ts';

/** A file name → a slug: `Client Intake Policy.docx` → `client-intake-policy`. */
export function slugFromFileName(name: string): string {
  return name
    .replace(/\.docx$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface DraftRequest {
  slug: string;
  /** The version to write; by default 1.0 for a new policy. */
  version?: string;
  chapter?: string;
  owner?: string;
  approvedBy?: string;
  title?: string;
  /** The document's file name, for the change note. */
  source: string;
  today: CalendarDate;
}

export type DraftPlan =
  | { ok: true; version: string; data: Record<string, unknown>; /** Required fields left for the editor to fill in. */ missing: string[] }
  | { ok: false; message: string };

/**
 * Decides the version and frontmatter of an imported draft. A new policy gets version 1.0 (or
 * the one asked for); an existing policy (any version file in `onDisk`) needs `--version`, later
 * than its latest, and inherits the details of its latest valid version (`existing`). The document's title, summary, owner and approver, then
 * the options, fill the rest; `effective` and `lastReviewed` are today, `status: draft`.
 */
export function planDraft(doc: ImportedDocx, request: DraftRequest, onDisk: string[], existing: PolicyVersionFile[], chapters: Chapter[]): DraftPlan {
  // Every version file counts, even one with problems (a draft not yet filled in).
  const versions = [...onDisk].sort(compareVersions);
  const newest = versions.at(-1);
  // Details are inherited from the latest version that reads correctly.
  const latest = [...existing].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  if (request.version !== undefined && !isVersion(request.version)) return { ok: false, message: `--version "${request.version}" is not a version: expected MAJOR.MINOR, e.g. 1.0 or 2.1.` };
  if (newest && request.version === undefined) {
    return { ok: false, message: `Policy "${request.slug}" already has version${versions.length === 1 ? '' : 's'} ${versions.join(', ')}: give --version ${nextVersion(newest)} (or ${nextVersion(newest, 'major')}) to import this document as its next version.` };
  }
  const version = request.version ?? '1.0';
  if (newest && compareVersions(version, newest) <= 0) {
    return { ok: false, message: `Version ${version} is not after the latest version of "${request.slug}" (${newest}): expected a later version, e.g. ${nextVersion(newest)}.` };
  }
  const chapter = request.chapter ?? latest?.data.chapter;
  if (!chapter) return { ok: false, message: `Give the chapter of "${request.slug}" with --chapter: one of ${chapters.map((c) => c.id).join(', ')}.` };
  if (!chapters.some((c) => c.id === chapter)) return { ok: false, message: `Unknown chapter "${chapter}": expected one of ${chapters.map((c) => c.id).join(', ')} (the chapters in handbook.yaml).` };

  const inherited: Record<string, unknown> = latest ? { ...latest.data } : { order: 100, appliesTo: ['All staff'], tags: [], related: [] };
  const pick = (...values: Array<string | undefined>) => values.find((v) => v !== undefined && v.trim() !== '');
  const data: Record<string, unknown> = {
    title: pick(request.title, doc.title, latest?.data.title),
    summary: pick(doc.summary, latest?.data.summary),
    chapter,
    order: inherited['order'],
    owner: pick(request.owner, doc.owner, latest?.data.owner),
    approvedBy: pick(request.approvedBy, doc.approvedBy, latest?.data.approvedBy),
    effective: request.today,
    lastReviewed: request.today,
    ...(inherited['reviewEveryMonths'] !== undefined ? { reviewEveryMonths: inherited['reviewEveryMonths'] } : {}),
    status: 'draft',
    changes: latest ? [] : [`Imported from ${request.source}.`],
    appliesTo: inherited['appliesTo'],
    tags: inherited['tags'],
    related: inherited['related'],
  };
  const missing = ['title', 'summary', 'owner', 'approvedBy'].filter((field) => data[field] === undefined);
  for (const field of missing) delete data[field];
  return { ok: true, version, data, missing };
}

/** The version file's text: frontmatter, then the Markdown body. */
export function draftFile(data: Record<string, unknown>, markdown: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${markdown}`;
}
