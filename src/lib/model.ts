/**
 * The handbook model: content read from disk, checked across files, and arranged the way
 * the site and the CLI use it (chapters, policies with classified versions, review dates).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AGREEMENT_COMPONENTS, checkAgreement } from './agreements.ts';
import { isComponentName, scanBody, type BodyScan } from './body.ts';
import { headingProblems } from './headings.ts';
import { readContent, type AgreementFile, type PolicyVersionFile } from './content.ts';
import type { CalendarDate } from './dates.ts';
import type { ContentIssue } from './issues.ts';
import { resolveLink, SITE_PAGES } from './links.ts';
import { nextReview, reviewState, type ReviewState } from './review.ts';
import type { Chapter, HandbookConfig } from './schema/handbook.ts';
import { classifyVersions, compareVersions, type VersionState } from './versions.ts';

export interface PolicyVersion extends PolicyVersionFile {
  state: VersionState;
  /** For a superseded version, the version that replaced it. */
  supersededBy?: PolicyVersionFile;
}

export interface ReviewInfo {
  lastReviewed: CalendarDate;
  everyMonths: number;
  next: CalendarDate;
  state: ReviewState;
}

export interface Policy {
  slug: string;
  chapter: Chapter;
  /** Published versions, oldest first. Drafts are not here. */
  versions: PolicyVersion[];
  /** The version in force today; for a policy not yet in force, its first upcoming version. */
  current: PolicyVersion;
  /** Versions that take effect after today. */
  upcoming: PolicyVersion[];
  review: ReviewInfo;
}

export interface ChapterWithPolicies {
  chapter: Chapter;
  policies: Policy[];
}

export interface Handbook {
  dir: string;
  config: HandbookConfig;
  today: CalendarDate;
  chapters: ChapterWithPolicies[];
  /** Every published policy in reading order. */
  policies: Policy[];
  bySlug: Map<string, Policy>;
  /** Active agreement templates in order. */
  agreements: AgreementFile[];
  /** The handbook's edition: the latest effective date among the versions in force. */
  edition: CalendarDate;
}

/** The line of a frontmatter key, when known, to spread into an issue. */
function at(f: PolicyVersionFile | AgreementFile, key: string): { line?: number } {
  const line = f.keyLines.get(key);
  return line ? { line } : {};
}

function checkPolicyVersions(slug: string, files: PolicyVersionFile[], today: CalendarDate, issues: ContentIssue[]): void {
  const published = files.filter((f) => f.data.status === 'active').sort((a, b) => compareVersions(a.version, b.version));
  const byDate = new Map<string, PolicyVersionFile>();
  for (const f of published) {
    const other = byDate.get(f.data.effective);
    if (other) {
      issues.push({
        file: f.file,
        field: 'effective',
        ...at(f, 'effective'),
        message: `Version ${f.version} of "${slug}" has the same effective date (${f.data.effective}) as version ${other.version}, expected each version to take effect on its own date.`,
        ruleId: 'duplicate-effective',
      });
    }
    byDate.set(f.data.effective, f);
    if (f.data.lastReviewed > today) {
      issues.push({
        file: f.file,
        field: 'lastReviewed',
        ...at(f, 'lastReviewed'),
        message: `The last review date ${f.data.lastReviewed} is in the future (today is ${today}), expected a date on or before today.`,
        ruleId: 'review-in-future',
      });
    }
  }
  published.forEach((f, i) => {
    const previous = published[i - 1];
    if (previous && f.data.effective < previous.data.effective) {
      issues.push({
        file: f.file,
        field: 'effective',
        ...at(f, 'effective'),
        message: `Version ${f.version} takes effect on ${f.data.effective}, before version ${previous.version} (${previous.data.effective}), expected later versions to take effect later.`,
        ruleId: 'version-order',
      });
    }
  });
}

/** What is wrong with a link's target, or undefined when it exists. */
function brokenTarget(href: string, fromFile: string, dir: string, published: Map<string, Set<string>>, agreementSlugs: Set<string>): string | undefined {
  const target = resolveLink(href, fromFile);
  switch (target.kind) {
    case 'policy':
    case 'compare': {
      const versions = published.get(target.slug);
      if (!versions) return `there is no published policy "${target.slug}", expected the slug of a policy in policies/`;
      const wanted = target.kind === 'compare' ? [target.from, target.to] : target.version ? [target.version] : [];
      const missing = wanted.find((v) => !versions.has(v));
      return missing ? `policy "${target.slug}" has no published version ${missing}, expected one of ${[...versions].join(', ')}` : undefined;
    }
    case 'agreement':
      return target.slug && !agreementSlugs.has(target.slug) ? `there is no agreement "${target.slug}", expected the name of a file in agreements/` : undefined;
    case 'site':
      return SITE_PAGES.includes(target.path) ? undefined : `the handbook has no page ${target.path}, expected /policies/<slug>/, /agreements/<slug>/ or one of ${SITE_PAGES.join(', ')}`;
    case 'file':
      return existsSync(join(dir, target.path)) ? undefined : `there is no file ${target.path} in the content folder, expected a relative path to a policy version (../<slug>/<version>.mdx), an agreement or an image`;
    default:
      return undefined;
  }
}

/**
 * Reads every published text once: it must parse, link only to what exists, and use only the
 * components the site provides (agreements) or the file imports. Returns each file's scan.
 */
function checkBodies(
  dir: string,
  files: readonly (PolicyVersionFile | AgreementFile)[],
  published: Map<string, Set<string>>,
  agreementSlugs: Set<string>,
  issues: ContentIssue[],
): Map<string, BodyScan> {
  const scans = new Map<string, BodyScan>();
  for (const f of files) {
    let scan: BodyScan;
    try {
      scan = scanBody(f.body, f.format);
    } catch (error) {
      // Astro would stop on it later with one file's error; say it here with every other problem.
      const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      // The parser says "2:10: …", counting from the body's first line.
      const place = /^(\d+):\d+:\s*/.exec(text);
      const reason = place ? text.slice(place[0].length) : text;
      issues.push({ file: f.file, field: 'body', ...(place ? { line: f.bodyLine + Number(place[1]) - 1 } : {}), message: `The ${f.format === 'mdx' ? 'MDX' : 'Markdown'} cannot be read: ${reason}. In .mdx files, write { and < as \\{ and &lt; in text, or rename the file .md.`, ruleId: 'body-syntax' });
      continue;
    }
    scans.set(f.file, scan);
    for (const link of scan.links) {
      const problem = brokenTarget(link.href, f.contentPath, dir, published, agreementSlugs);
      if (problem) {
        issues.push({ file: f.file, field: 'body', line: f.bodyLine + link.line - 1, message: `Link to "${link.href}": ${problem}.`, ruleId: 'broken-link' });
      }
    }
    for (const problem of headingProblems(scan.headings.map((h) => ({ ...h, line: f.bodyLine + h.line - 1 })))) {
      issues.push({ file: f.file, field: 'body', line: problem.line, message: `${problem.message}.`, ruleId: 'heading-id' });
    }
    const provided = new Set<string>([...('version' in f ? [] : AGREEMENT_COMPONENTS), ...scan.imported]);
    for (const use of scan.components) {
      if (!isComponentName(use.name) || provided.has(use.name.split('.')[0]!)) continue;
      const offer = 'version' in f ? 'policy text has no built-in components: use Markdown, or import the component in the file' : `expected one of ${AGREEMENT_COMPONENTS.join(', ')}`;
      issues.push({ file: f.file, field: 'body', line: f.bodyLine + use.line - 1, message: `Unknown component <${use.name}>: ${offer}.`, ruleId: 'unknown-component' });
    }
  }
  return scans;
}

function orderPolicies(a: Policy, b: Policy): number {
  return a.chapter.order - b.chapter.order || a.current.data.order - b.current.data.order || a.current.data.title.localeCompare(b.current.data.title);
}

/**
 * Reads and checks a content folder and builds the handbook as it stands on `today`.
 *
 * @returns the handbook, or every problem found (never only the first)
 */
export function loadHandbook(dir: string, today: CalendarDate): { handbook?: Handbook; issues: ContentIssue[] } {
  const raw = readContent(dir);
  const issues = [...raw.issues];
  const config = raw.handbook;
  const chapters = new Map((config?.chapters ?? []).map((c) => [c.id, c]));
  if (config) {
    const seen = new Set<string>();
    for (const c of config.chapters) {
      if (seen.has(c.id)) issues.push({ file: `${dir}/handbook.yaml`, field: 'chapters', message: `Chapter id "${c.id}" is used twice, expected each chapter once.`, ruleId: 'duplicate-chapter' });
      seen.add(c.id);
    }
  }

  const bySlugFiles = Map.groupBy(raw.policies, (f) => f.slug);
  const published = new Map<string, Set<string>>();
  for (const [slug, files] of bySlugFiles) {
    checkPolicyVersions(slug, files, today, issues);
    const active = files.filter((f) => f.data.status === 'active');
    if (active.length) published.set(slug, new Set(active.map((f) => f.version)));
  }
  const agreementSlugs = new Set(raw.agreements.filter((a) => a.data.status === 'active').map((a) => a.slug));

  for (const f of raw.policies) {
    if (config && !chapters.has(f.data.chapter)) {
      issues.push({ file: f.file, field: 'chapter', ...at(f, 'chapter'), message: `Unknown chapter "${f.data.chapter}", expected one of the chapter ids in handbook.yaml: ${[...chapters.keys()].join(', ')}.`, ruleId: 'unknown-chapter' });
    }
    f.data.related.forEach((slug, i) => {
      if (!published.has(slug)) {
        issues.push({ file: f.file, field: `related.${i}`, ...at(f, 'related'), message: `Unknown policy "${slug}", expected the slug of a published policy (a folder in policies/ with an active version).`, ruleId: 'unknown-related' });
      }
    });
  }
  const scans = checkBodies(dir, [...raw.policies.filter((f) => f.data.status === 'active'), ...raw.agreements], published, agreementSlugs, issues);
  for (const a of raw.agreements) {
    const scan = scans.get(a.file);
    if (scan) issues.push(...checkAgreement(a, scan));
    a.data.policies.forEach((slug, i) => {
      if (!published.has(slug)) {
        issues.push({ file: a.file, field: `policies.${i}`, ...at(a, 'policies'), message: `Unknown policy "${slug}", expected the slug of a published policy.`, ruleId: 'unknown-related' });
      }
    });
  }

  if (!config || issues.length) return { issues };

  const policies: Policy[] = [];
  for (const [slug, files] of bySlugFiles) {
    const active = files.filter((f) => f.data.status === 'active');
    if (!active.length) continue;
    const versions: PolicyVersion[] = classifyVersions(
      active.map((file) => ({ version: file.version, effective: file.data.effective, file })),
      today,
    ).map(({ item, state, supersededBy }) => ({ ...item.file, state, ...(supersededBy ? { supersededBy: supersededBy.file } : {}) }));
    const current = versions.find((v) => v.state === 'current') ?? versions[0]!;
    const latest = versions.at(-1)!;
    const everyMonths = latest.data.reviewEveryMonths ?? config.review.everyMonths;
    const next = nextReview(latest.data.lastReviewed, everyMonths);
    policies.push({
      slug,
      chapter: chapters.get(current.data.chapter)!,
      versions,
      current,
      upcoming: versions.filter((v) => v.state === 'upcoming'),
      review: { lastReviewed: latest.data.lastReviewed, everyMonths, next, state: reviewState(next, today, config.review.warnDays) },
    });
  }
  policies.sort(orderPolicies);
  const handbook: Handbook = {
    dir,
    config,
    today,
    chapters: [...config.chapters]
      .sort((a, b) => a.order - b.order)
      .map((chapter) => ({ chapter, policies: policies.filter((p) => p.chapter.id === chapter.id) })),
    policies,
    bySlug: new Map(policies.map((p) => [p.slug, p])),
    agreements: raw.agreements.filter((a) => a.data.status === 'active').sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title)),
    edition: policies.map((p) => p.current).filter((v) => v.state === 'current').reduce((max, v) => (v.data.effective > max ? v.data.effective : max), '0000-01-01'),
  };
  return { handbook, issues: [] };
}
