/**
 * The handbook model: content read from disk, checked across files, and arranged the way
 * the site and the CLI use it (chapters, policies with classified versions, review dates).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AGREEMENT_COMPONENTS, checkAgreement } from './agreements.ts';
import { isComponentName, scanBody, type BodyScan } from './body.ts';
import { dateStyleOf } from './branding.ts';
import { readContent, type AgreementFile, type ContentOverrides, type FileReadings, type PolicyVersionFile, type SourceFile } from './content.ts';
import { useDateStyle, type CalendarDate } from './dates.ts';
import type { ContentIssue } from './issues.ts';
import { resolveLink, SITE_PAGES } from './links.ts';
import { headingIds, headingProblems } from './headings.ts';
import { markupProblems } from './markup.ts';
import { nextReview, reviewState, type ReviewState } from './review.ts';
import { isPublished } from './schema/fields.ts';
import type { Chapter, HandbookConfig } from './schema/handbook.ts';
import { classifyVersions, compareVersions, isWithdrawnOn, versionInForce, type VersionState } from './versions.ts';

export interface PolicyVersion extends PolicyVersionFile {
  /** `draft` only in a handbook loaded with drafts (the dev server's preview), never in a build. */
  state: VersionState | 'draft';
  /** For a superseded version, the version that replaced it. */
  supersededBy?: PolicyVersionFile;
}

export interface ReviewInfo {
  lastReviewed: CalendarDate;
  everyMonths: number;
  next: CalendarDate;
  state: ReviewState;
}

/** A policy's withdrawal, written on its latest version: from `on`, nothing of it applies. */
export interface Withdrawal {
  on: CalendarDate;
  /** Slug of the policy that replaces it, if any. */
  replacedBy?: string;
  /** True once `on` has come (as at the handbook's today). */
  past: boolean;
}

export interface Policy {
  slug: string;
  chapter: Chapter;
  /** Published versions, oldest first. Drafts are not here. */
  versions: PolicyVersion[];
  /**
   * The version in force today; for a policy not yet in force, its first upcoming version; for a
   * withdrawn one, the version in force when it was withdrawn.
   */
  current: PolicyVersion;
  /** Set when the policy is withdrawn, or will be on a known date. */
  withdrawal?: Withdrawal;
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
  /**
   * Every published policy that applies today (or will), in reading order: navigation, the
   * review dashboard and the print edition list these. Withdrawn policies are not here.
   */
  policies: Policy[];
  /** Policies withdrawn by today: their pages and history stay, listed nowhere else. */
  withdrawn: Policy[];
  /** Every published policy, withdrawn ones included (and, in a preview, policies with drafts only). */
  bySlug: Map<string, Policy>;
  /** Draft versions, by slug then version: never in a build; `diff`, `publish` and the dev server use them. */
  drafts: PolicyVersionFile[];
  /** Active agreement templates in order. */
  agreements: AgreementFile[];
  /** The handbook's edition: the latest effective date among the versions in force (none before the first takes effect). */
  edition: CalendarDate | undefined;
  /**
   * Content paths (`policies/x/1.0.mdx`) of the few texts Astro's MDX compiler must render (their
   * own imports, expressions, images beside them); every other text renders from the model.
   */
  compiled: Set<string>;
}

/** The line of a frontmatter key, when known, to spread into an issue. */
function at(f: PolicyVersionFile | AgreementFile, key: string): { line?: number } {
  const line = f.keyLines.get(key);
  return line ? { line } : {};
}

function checkPolicyVersions(slug: string, files: PolicyVersionFile[], today: CalendarDate, issues: ContentIssue[]): void {
  const published = files.filter((f) => isPublished(f.data.status)).sort((a, b) => compareVersions(a.version, b.version));
  const latest = published.at(-1);
  for (const f of published) {
    if (f.data.status === 'withdrawn' && f !== latest) {
      issues.push({
        file: f.file,
        field: 'status',
        ...at(f, 'status'),
        message: `Version ${f.version} of "${slug}" is withdrawn, but version ${latest!.version} comes after it, expected the withdrawal on the latest version (or, to bring the policy back, status: active and no withdrawn date here).`,
        ruleId: 'withdrawn-not-latest',
      });
    }
  }
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
    case 'outside':
      return 'it leaves the content folder, expected a file inside it (a policy version, an agreement or an image beside the text)';
    default:
      return undefined;
  }
}

/** Withdrawals written in the content, by policy slug (the `withdrawn` date of the latest version). */
type Withdrawals = Map<string, { on: CalendarDate; replacedBy?: string }>;

/** Why pointing readers at a withdrawn (or soon withdrawn) policy is worth a warning. */
function withdrawnNote(slug: string, withdrawals: Withdrawals, today: CalendarDate): string | undefined {
  const w = withdrawals.get(slug);
  if (!w) return undefined;
  const when = w.on <= today ? `was withdrawn on ${w.on}` : `will be withdrawn on ${w.on}`;
  const instead = w.replacedBy ? `point to its replacement "${w.replacedBy}" instead` : 'remove the reference or point to a policy in force';
  return `policy "${slug}" ${when}, expected a policy in force: ${instead}`;
}

interface BodyCheck {
  dir: string;
  /** Targets a link may point at: published versions (for drafts, drafts too), by slug. */
  targets: Map<string, Set<string>>;
  agreementSlugs: Set<string>;
  withdrawals: Withdrawals;
  today: CalendarDate;
  /** handbook.yaml's `allowCode`: MDX imports, exports and expressions allowed. */
  allowCode: boolean;
}

/**
 * Each text's scan, or the first line of the parser's error, while the file object lives: the
 * dev server reuses the objects of unchanged files (`FileReadings`), so only an edited text is
 * parsed again. Scans are only read.
 */
const scanned = new WeakMap<SourceFile, BodyScan | string>();

function scanOf(f: SourceFile): BodyScan | string {
  let scan = scanned.get(f);
  if (scan === undefined) {
    try {
      scan = scanBody(f.body, f.format);
    } catch (error) {
      scan = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
    scanned.set(f, scan);
  }
  return scan;
}

/** A text's heading problems, with lines in the file, while the file object lives (as `scanned`). */
const headingChecks = new WeakMap<SourceFile, ReturnType<typeof headingProblems>>();
const headingIdSets = new WeakMap<BodyScan, Set<string>>();

function headingProblemsOf(f: SourceFile, scan: BodyScan) {
  let found = headingChecks.get(f);
  if (!found) headingChecks.set(f, (found = headingProblems(scan.headings.map((h) => ({ ...h, line: f.bodyLine + h.line - 1 })))));
  return found;
}

function idsOf(scan: BodyScan): Set<string> {
  let found = headingIdSets.get(scan);
  if (!found) headingIdSets.set(scan, (found = headingIds(scan.headings)));
  return found;
}

/**
 * Reads every text once: it must parse, link only to what exists, and use only the components
 * the site provides (agreements) or the file imports. Links to withdrawn policies are warnings.
 * Returns each file's scan.
 */
function checkBodies(files: readonly (PolicyVersionFile | AgreementFile)[], ctx: BodyCheck, issues: ContentIssue[], warnings: ContentIssue[]): Map<string, BodyScan> {
  const scans = new Map<string, BodyScan>();
  for (const f of files) {
    const scan = scanOf(f);
    if (typeof scan === 'string') {
      // Astro would stop on it later with one file's error; say it here with every other problem.
      // The parser says "2:10: …", counting from the body's first line.
      const place = /^(\d+):\d+:\s*/.exec(scan);
      const reason = place ? scan.slice(place[0].length) : scan;
      issues.push({ file: f.file, field: 'body', ...(place ? { line: f.bodyLine + Number(place[1]) - 1 } : {}), message: `The ${f.format === 'mdx' ? 'MDX' : 'Markdown'} cannot be read: ${reason}. In .mdx files, write { and < as \\{ and &lt; in text, or rename the file .md.`, ruleId: 'body-syntax' });
      continue;
    }
    scans.set(f.file, scan);
    for (const p of markupProblems(scan, ctx.allowCode)) issues.push({ file: f.file, field: 'body', line: f.bodyLine + p.line - 1, message: p.message, ruleId: p.ruleId });
    for (const link of [...scan.links, ...scan.images]) {
      const problem = brokenTarget(link.href, f.contentPath, ctx.dir, ctx.targets, ctx.agreementSlugs);
      if (problem) {
        const what = scan.images.includes(link) ? 'Image' : 'Link to';
        issues.push({ file: f.file, field: 'body', line: f.bodyLine + link.line - 1, message: `${what} "${link.href}": ${problem}.`, ruleId: 'broken-link' });
        continue;
      }
      const target = resolveLink(link.href, f.contentPath);
      if ('jsx' in link && target.kind !== 'other' && target.kind !== 'outside') {
        issues.push({ file: f.file, field: 'body', line: f.bodyLine + link.line - 1, message: `Link to "${link.href}" written as a JSX <a> element: the build cannot add the base path to it, expected a Markdown link such as [text](${link.href}).`, ruleId: 'jsx-link' });
        continue;
      }
      const note = (target.kind === 'policy' || target.kind === 'compare') && !('version' in f && f.slug === target.slug) ? withdrawnNote(target.slug, ctx.withdrawals, ctx.today) : undefined;
      if (note) warnings.push({ file: f.file, field: 'body', line: f.bodyLine + link.line - 1, message: `Link to "${link.href}": ${note}.`, ruleId: 'link-to-withdrawn' });
    }
    for (const problem of headingProblemsOf(f, scan)) {
      issues.push({ file: f.file, field: 'body', line: problem.line, message: `${problem.message}.`, ruleId: 'heading-id' });
    }
    const provided = new Set<string>([...('version' in f ? [] : AGREEMENT_COMPONENTS), ...scan.imported]);
    for (const use of scan.components) {
      if (!isComponentName(use.name) || provided.has(use.name.split('.')[0]!)) continue;
      const offer = 'version' in f ? `policy text has no built-in components: use Markdown${ctx.allowCode ? ', or import the component in the file' : ''}` : `expected one of ${AGREEMENT_COMPONENTS.join(', ')}`;
      issues.push({ file: f.file, field: 'body', line: f.bodyLine + use.line - 1, message: `Unknown component <${use.name}>: ${offer}.`, ruleId: 'unknown-component' });
    }
  }
  return scans;
}

/**
 * Links to a heading (`#clause` on the same page, `/policies/x/#clause` or `/policies/x/2.0/#clause`)
 * must name a heading that exists on the page the link opens: the version in force for a policy's
 * own address, the version named otherwise.
 */
function checkAnchors(files: readonly (PolicyVersionFile | AgreementFile)[], scans: Map<string, BodyScan>, today: CalendarDate, issues: ContentIssue[]): void {
  const ids = new Map([...scans].map(([file, scan]) => [file, idsOf(scan)]));
  const versions = Map.groupBy(files.filter((f): f is PolicyVersionFile => 'version' in f), (f) => f.slug);
  for (const f of files) {
    for (const link of scans.get(f.file)?.links ?? []) {
      const own = link.href.trim().startsWith('#');
      const target = own ? undefined : resolveLink(link.href, f.contentPath);
      const hash = own ? link.href.trim() : target?.kind === 'policy' && !target.page ? target.hash : '';
      if (!hash.startsWith('#') || hash.length < 2 || hash.startsWith('#user-content-')) continue;
      let page: PolicyVersionFile | AgreementFile | undefined = f;
      if (target?.kind === 'policy') {
        const all = versions.get(target.slug) ?? [];
        const dated = all.map((v) => ({ version: v.version, effective: v.data.effective, v }));
        page = target.version ? all.find((v) => v.version === target.version) : (versionInForce(dated, today) ?? dated.sort((a, b) => compareVersions(a.version, b.version))[0])?.v;
      }
      if (!page) continue; // a missing page is reported as a broken link
      let id = hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Reported as not found, as written.
      }
      if (ids.get(page.file)?.has(id)) continue;
      const where = own ? 'this page' : `${'version' in page ? `version ${page.version} of "${page.slug}"` : 'that page'}`;
      const known = [...(ids.get(page.file) ?? [])];
      issues.push({ file: f.file, field: 'body', line: f.bodyLine + link.line - 1, message: `Link to "${link.href}": ${where} has no heading with the id "${id}", expected one of: ${known.length ? known.map((k) => `#${k}`).join(', ') : '(no headings)'}.`, ruleId: 'broken-anchor' });
    }
  }
}

function orderPolicies(a: Policy, b: Policy): number {
  return a.chapter.order - b.chapter.order || a.current.data.order - b.current.data.order || a.current.data.title.localeCompare(b.current.data.title);
}

function versionSets(files: readonly PolicyVersionFile[]): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const f of files) sets.set(f.slug, (sets.get(f.slug) ?? new Set()).add(f.version));
  return sets;
}

export interface LoadResult {
  /** The handbook, when the content has no problems. */
  handbook?: Handbook;
  /** Problems: the content cannot be built until they are fixed. */
  issues: ContentIssue[];
  /**
   * Worth fixing, but the handbook builds: problems in drafts (the build leaves drafts out; they
   * become problems when the draft is published) and references to withdrawn policies.
   */
  warnings: ContentIssue[];
}

/**
 * Reads and checks a content folder and builds the handbook as it stands on `today`.
 *
 * @param overrides text to read instead of some files (see `readContent`)
 * @param options `drafts`: preview drafts in the model (the dev server); `cache`: file readings
 *   to reuse and keep (see `readContent`)
 * @returns the handbook, or every problem found (never only the first), and the warnings
 */
export function loadHandbook(dir: string, today: CalendarDate, overrides?: ContentOverrides, options: { drafts?: boolean; cache?: FileReadings } = {}): LoadResult {
  const raw = readContent(dir, overrides, options.cache);
  const issues = [...raw.issues];
  const warnings: ContentIssue[] = [];
  const config = raw.handbook;
  const chapters = new Map((config?.chapters ?? []).map((c) => [c.id, c]));

  const bySlugFiles = Map.groupBy(raw.policies, (f) => f.slug);
  const publishedFiles = raw.policies.filter((f) => isPublished(f.data.status));
  const drafts = raw.policies.filter((f) => !isPublished(f.data.status));
  const published = versionSets(publishedFiles);
  const withdrawals: Withdrawals = new Map();
  for (const [slug, files] of bySlugFiles) {
    checkPolicyVersions(slug, files, today, issues);
    const latest = files.filter((f) => isPublished(f.data.status)).sort((a, b) => compareVersions(a.version, b.version)).at(-1);
    if (latest?.data.withdrawn) withdrawals.set(slug, { on: latest.data.withdrawn, ...(latest.data.replacedBy ? { replacedBy: latest.data.replacedBy } : {}) });
  }
  const agreementSlugs = new Set(raw.agreements.filter((a) => a.data.status === 'active').map((a) => a.slug));

  for (const f of raw.policies) {
    if (config && !chapters.has(f.data.chapter)) {
      issues.push({ file: f.file, field: 'chapter', ...at(f, 'chapter'), message: `Unknown chapter "${f.data.chapter}", expected one of the chapter ids in handbook.yaml: ${[...chapters.keys()].join(', ')}.`, ruleId: 'unknown-chapter' });
    }
    f.data.related.forEach((slug, i) => {
      if (!published.has(slug)) {
        issues.push({ file: f.file, field: `related.${i}`, ...at(f, 'related'), message: `Unknown policy "${slug}", expected the slug of a published policy (a folder in policies/ with an active version).`, ruleId: 'unknown-related' });
      } else if (isPublished(f.data.status) && f.slug !== slug) {
        const note = withdrawnNote(slug, withdrawals, today);
        if (note) warnings.push({ file: f.file, field: `related.${i}`, ...at(f, 'related'), message: `Related ${note}.`, ruleId: 'related-withdrawn' });
      }
    });
    const replacement = f.data.replacedBy;
    if (replacement !== undefined) {
      if (replacement === f.slug || !published.has(replacement)) {
        issues.push({ file: f.file, field: 'replacedBy', ...at(f, 'replacedBy'), message: `${replacement === f.slug ? 'A policy cannot replace itself' : `Unknown policy "${replacement}"`}, expected the slug of another published policy.`, ruleId: 'unknown-replacement' });
      } else {
        const note = withdrawnNote(replacement, withdrawals, today);
        if (note) warnings.push({ file: f.file, field: 'replacedBy', ...at(f, 'replacedBy'), message: `The replacement ${note}.`, ruleId: 'replacement-withdrawn' });
      }
    }
  }
  const context: BodyCheck = { dir, targets: published, agreementSlugs, withdrawals, today, allowCode: config?.allowCode ?? false };
  const scans = checkBodies([...publishedFiles, ...raw.agreements], context, issues, warnings);
  checkAnchors([...publishedFiles, ...raw.agreements], scans, today, issues);
  // Drafts are checked like published text, against published and draft versions alike, and
  // their problems are warnings: the build leaves drafts out, and `publish` refuses them.
  const draftTargets = versionSets(raw.policies);
  checkBodies(drafts, { ...context, targets: draftTargets }, warnings, warnings);
  for (const a of raw.agreements) {
    const scan = scans.get(a.file);
    if (scan) issues.push(...checkAgreement(a, scan));
    a.data.policies.forEach((slug, i) => {
      if (!published.has(slug)) {
        issues.push({ file: a.file, field: `policies.${i}`, ...at(a, 'policies'), message: `Unknown policy "${slug}", expected the slug of a published policy.`, ruleId: 'unknown-related' });
      } else {
        const note = withdrawnNote(slug, withdrawals, today);
        if (note) warnings.push({ file: a.file, field: `policies.${i}`, ...at(a, 'policies'), message: `Cited ${note}.`, ruleId: 'related-withdrawn' });
      }
    });
  }

  if (!config || issues.length) return { issues, warnings };
  // Every date the build or the CLI writes from here on is in the firm's style.
  useDateStyle(dateStyleOf(config));

  const all: Policy[] = [];
  for (const [slug, files] of bySlugFiles) {
    const active = files.filter((f) => isPublished(f.data.status));
    // A preview (the dev server) shows drafts after the published versions, in no way in force.
    const previewed = options.drafts ? files.filter((f) => !isPublished(f.data.status)).sort((a, b) => compareVersions(a.version, b.version)).map((f): PolicyVersion => ({ ...f, state: 'draft' })) : [];
    if (!active.length && !previewed.length) continue;
    const dated = active.map((file) => ({ version: file.version, effective: file.data.effective, withdrawn: file.data.withdrawn, file }));
    const versions: PolicyVersion[] = [
      ...classifyVersions(dated, today).map(({ item, state, supersededBy }) => ({ ...item.file, state, ...(supersededBy ? { supersededBy: supersededBy.file } : {}) })),
      ...previewed,
    ];
    const current = versions.find((v) => v.state === 'current') ?? versions.find((v) => v.state === 'withdrawn') ?? versions[0]!;
    const latest = versions.findLast((v) => v.state !== 'draft') ?? versions.at(-1)!;
    const everyMonths = latest.data.reviewEveryMonths ?? config.review.everyMonths;
    const next = nextReview(latest.data.lastReviewed, everyMonths);
    const withdrawal = withdrawals.get(slug);
    all.push({
      slug,
      chapter: chapters.get(current.data.chapter)!,
      versions,
      current,
      ...(withdrawal ? { withdrawal: { ...withdrawal, past: isWithdrawnOn(dated, today) } } : {}),
      upcoming: versions.filter((v) => v.state === 'upcoming'),
      review: { lastReviewed: latest.data.lastReviewed, everyMonths, next, state: reviewState(next, today, config.review.warnDays) },
    });
  }
  all.sort(orderPolicies);
  const policies = all.filter((p) => !p.withdrawal?.past);
  const handbook: Handbook = {
    dir,
    config,
    today,
    chapters: [...config.chapters]
      .sort((a, b) => a.order - b.order)
      .map((chapter) => ({ chapter, policies: policies.filter((p) => p.chapter.id === chapter.id) })),
    policies,
    withdrawn: all.filter((p) => p.withdrawal?.past),
    bySlug: new Map(all.map((p) => [p.slug, p])),
    drafts: drafts.sort((a, b) => a.slug.localeCompare(b.slug) || compareVersions(a.version, b.version)),
    agreements: raw.agreements.filter((a) => a.data.status === 'active').sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title)),
    compiled: new Set([...raw.policies, ...raw.agreements].filter((f) => scans.get(f.file)?.needsCompiler.length).map((f) => f.contentPath)),
    edition: policies
      .map((p) => p.current)
      .filter((v) => v.state === 'current')
      .reduce<CalendarDate | undefined>((max, v) => (!max || v.data.effective > max ? v.data.effective : max), undefined),
  };
  return { handbook, issues: [], warnings };
}
