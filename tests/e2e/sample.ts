/**
 * What the e2e tests expect of the sample handbook, read straight from content/ with the YAML
 * library and the handbook's rules written out plainly here: never with src/lib, whose results
 * the tests are there to check. Dates are written the way the site writes them, with Intl.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TODAY } from './fixtures.ts';

const CONTENT = join(import.meta.dirname, '../../content');

/** The YAML between the first two `---` lines (YAML 1.2 keeps dates as strings). */
function frontmatter(file: string): Record<string, unknown> {
  const found = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!found) throw new Error(`${file} has no frontmatter`);
  return parse(found[1]!) as Record<string, unknown>;
}

/** "1 March 2026". */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** `date` plus `months`, on the last day of the month when the day does not exist (31 Jan + 1 = 28 Feb). */
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

const byVersion = (a: { version: string }, b: { version: string }) => {
  const [a1, a2] = a.version.split('.').map(Number) as [number, number];
  const [b1, b2] = b.version.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

interface Yaml {
  firm: string;
  title: string;
  chapters: { id: string; title: string; order: number; description?: string }[];
  review?: { everyMonths?: number };
}
const config = parse(readFileSync(join(CONTENT, 'handbook.yaml'), 'utf8')) as Yaml;

export interface SamplePolicy {
  slug: string;
  /** The version in force on TODAY. */
  version: string;
  title: string;
  owner: string;
  effective: string;
  order: number;
  chapter: string;
  nextReview: string;
}

/** Every policy in force on TODAY (published: not a draft), in reading order within its chapter. */
const policies: SamplePolicy[] = readdirSync(join(CONTENT, 'policies')).flatMap((slug) => {
  const versions = readdirSync(join(CONTENT, 'policies', slug))
    .filter((f) => /^\d+\.\d+\.mdx?$/.test(f))
    .map((f) => ({ version: f.replace(/\.mdx?$/, ''), data: frontmatter(join(CONTENT, 'policies', slug, f)) }))
    .filter((v) => (v.data['status'] ?? 'active') === 'active')
    .sort(byVersion);
  const current = versions.filter((v) => String(v.data['effective']) <= TODAY).at(-1);
  const latest = versions.at(-1);
  if (!current || !latest) return [];
  const every = Number(latest.data['reviewEveryMonths'] ?? config.review?.everyMonths ?? 12);
  return [{
    slug,
    version: current.version,
    title: String(current.data['title']),
    owner: String(current.data['owner']),
    effective: String(current.data['effective']),
    order: Number(current.data['order'] ?? 100),
    chapter: String(current.data['chapter']),
    nextReview: plusMonths(String(latest.data['lastReviewed']), every),
  }];
});

/** Chapters in order, each with its policies in force (by `order`, then title); empty chapters left out. */
export const chaptersInForce = [...config.chapters]
  .sort((a, b) => a.order - b.order)
  .map((chapter) => ({ chapter, policies: policies.filter((p) => p.chapter === chapter.id).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)) }))
  .filter((c) => c.policies.length);

export const policiesInForce = chaptersInForce.flatMap((c) => c.policies);
export const policyBySlug = new Map(policies.map((p) => [p.slug, p]));

/** The edition: the latest effective date among the versions in force. */
export const edition = policiesInForce.map((p) => p.effective).sort().at(-1)!;

export const firm = config.firm;
export const handbookTitle = config.title;

export interface SampleAgreement {
  slug: string;
  title: string;
  summary: string;
  version: string;
  effective: string;
  policies: string[];
  fields: { name: string }[];
  parties: { label: string }[];
}

/** Active agreements by `order`, then title. */
export const agreements: SampleAgreement[] = readdirSync(join(CONTENT, 'agreements'))
  .filter((f) => /\.mdx?$/.test(f))
  .map((f) => ({ slug: f.replace(/\.mdx?$/, ''), data: frontmatter(join(CONTENT, 'agreements', f)) }))
  .filter((a) => (a.data['status'] ?? 'active') === 'active')
  .map((a) => ({ ...a, order: Number(a.data['order'] ?? 100) }))
  .sort((a, b) => a.order - b.order || String(a.data['title']).localeCompare(String(b.data['title'])))
  .map(({ slug, data }) => ({ slug, title: String(data['title']), summary: String(data['summary']), version: String(data['version']), effective: String(data['effective']), policies: (data['policies'] as string[] | undefined) ?? [], fields: (data['fields'] as { name: string }[] | undefined) ?? [], parties: (data['parties'] as { label: string }[] | undefined) ?? [] }));
