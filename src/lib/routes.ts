/**
 * The one table of the site's pages: for every kind of page, its URL pattern, the address of
 * one page, and every page of that kind in a handbook with the data it shows.
 *
 * The integration gives Astro every route from here (src/integrations/handbook.ts), each page
 * gets its data as props from `pages`, and links in components and in content (links.ts), the
 * feed, the search indexer, the CLI and the browser scripts all take addresses from here, so an
 * address is written once. Addresses here are site paths without the base path (`/policies/x/`);
 * `withBase` adds it (through `url()` in src/data/handbook.ts for pages). A light module (only
 * types from the model), so the CLI and browser code can load it cheaply.
 */
import { staticComparePairs } from './compare-pairs.ts';
import type { AgreementFile } from './content.ts';
import { redlineDocxName, versionDocxName } from './docx/site.ts';
import type { ChapterWithPolicies, Handbook, Policy, PolicyVersion } from './model.ts';

/** Every published policy with pages: those that apply and those withdrawn (whose pages stay). */
export function pagedPolicies(handbook: Handbook): Policy[] {
  return [...handbook.policies, ...handbook.withdrawn];
}

/** One page: Astro's `getStaticPaths` entry. */
export interface Page<P extends Record<string, string>, D> {
  params: P;
  props: D;
}

/** Every page's data holds the handbook it belongs to (its settings, its today), beside its own. */
export type WithHandbook<D> = D & { handbook: Handbook };

export interface Route<P extends Record<string, string>, D> {
  /** The page's address with its parameters in brackets, as Astro's routes name them. */
  pattern: string;
  /**
   * The pattern the integration gives Astro when it is not the address: Astro writes its
   * not-found page to `404.html` only from the pattern `/404`.
   */
  astroPattern?: string;
  /** The address of one page, without the base path. */
  path(params: P): string;
  /** Every page of this kind, with the data it shows. */
  pages(handbook: Handbook): Page<P, WithHandbook<D>>[];
  /** The parameters of an address of this kind (without the base path), or undefined. */
  match(path: string): P | undefined;
}

/** A page of its own (no parameters): its data is the handbook, and what `data` adds. */
function single<D extends object = object>(pattern: string, data?: (handbook: Handbook) => D, astroPattern?: string): Route<Record<string, never>, D> {
  return {
    pattern,
    ...(astroPattern ? { astroPattern } : {}),
    path: () => pattern,
    pages: (handbook) => [{ params: {}, props: { ...(data?.(handbook) ?? ({} as D)), handbook } }],
    // A folder's address matches with or without its trailing slash.
    match: (path) => (path === pattern || `${path}/` === pattern ? {} : undefined),
  };
}

/** Joins the base path (`/handbook/`) and a site path (`/policies/x/`) into an address. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The file a page's address is written to in the built site: `/policies/x/` is `policies/x/index.html`. */
export function builtFile(path: string): string {
  return `${path.replace(/^\//, '')}${path.endsWith('/') ? 'index.html' : ''}`;
}

/**
 * The search indexes (scripts/search-index.ts writes them, src/client/search.ts loads them): what
 * is in force, which every search loads, and older versions, merged in when the reader asks.
 */
export const SEARCH_INDEXES = { current: '/pagefind/', older: '/pagefind-older/' } as const;

/** `decodeURIComponent`, or the text as it is when it is not a valid escape (`100%`). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fills `[name]` in a pattern. */
function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No "${name}" for the address ${pattern}.`);
    return value;
  });
}

function dynamic<P extends Record<string, string>, D>(pattern: string, list: (handbook: Handbook) => Page<P, D>[]): Route<P, D> {
  const names = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  // A folder's address matches with or without its trailing slash.
  const source = pattern.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/\[\w+\]/g, '([^/]+)').replace(/\/$/, '/?');
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    path: (params) => fill(pattern, params),
    pages: (handbook) => list(handbook).map(({ params, props }) => ({ params, props: { ...props, handbook } })),
    match(path) {
      const m = regex.exec(path);
      return m ? (Object.fromEntries(names.map((name, i) => [name, decode(m[i + 1]!)])) as P) : undefined;
    },
  };
}

export interface PolicyPageData {
  policy: Policy;
  version: PolicyVersion;
  /** The version before this one, for "what changed". */
  previousVersion?: PolicyVersion;
  /** Neighbours in reading order (none for a withdrawn policy). */
  prev?: Policy;
  next?: Policy;
  /** Related policies that still apply. */
  related: Policy[];
}

function policyPageData(handbook: Handbook, policy: Policy, version: PolicyVersion): PolicyPageData {
  const index = handbook.policies.indexOf(policy);
  const previousVersion = policy.versions[policy.versions.indexOf(version) - 1];
  const prev = index > 0 ? handbook.policies[index - 1] : undefined;
  const next = index >= 0 ? handbook.policies[index + 1] : undefined;
  return {
    policy,
    version,
    ...(previousVersion ? { previousVersion } : {}),
    ...(prev ? { prev } : {}),
    ...(next ? { next } : {}),
    related: version.data.related.map((slug) => handbook.bySlug.get(slug)).filter((p): p is Policy => p !== undefined && !p.withdrawal?.past),
  };
}

/**
 * The print edition's chapters: only what is in force (a policy whose first version is still
 * upcoming is not yet in the handbook), numbered from 1 without the chapters left empty.
 */
function printedChapters(handbook: Handbook): (ChapterWithPolicies & { number: number })[] {
  return handbook.chapters
    .map(({ chapter, policies }) => ({ chapter, policies: policies.filter((p) => p.current.state === 'current') }))
    .filter((c) => c.policies.length > 0)
    .map((c, i) => ({ ...c, number: i + 1 }));
}

export const routes = {
  home: single('/'),
  policy: dynamic('/policies/[slug]/', (handbook) =>
    pagedPolicies(handbook).map((policy) => ({ params: { slug: policy.slug }, props: policyPageData(handbook, policy, policy.current) })),
  ),
  version: dynamic('/policies/[slug]/[version]/', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) =>
      policy.versions.map((version) => ({ params: { slug: policy.slug, version: version.version }, props: policyPageData(handbook, policy, version) })),
    ),
  ),
  /** Each version's blocks, for the compare pages the browser redlines (src/lib/compare-data.ts). */
  versionBlocks: dynamic('/policies/[slug]/[version]/blocks.json', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) => policy.versions.map((version) => ({ params: { slug: policy.slug, version: version.version }, props: { policy, version } }))),
  ),
  /** "Download as Word" of a version. */
  versionDocx: dynamic('/policies/[slug]/[version]/[file]', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) =>
      policy.versions.map((version) => ({ params: { slug: policy.slug, version: version.version, file: versionDocxName(policy.slug, version.version) }, props: { version } })),
    ),
  ),
  history: dynamic('/policies/[slug]/history/', (handbook) => pagedPolicies(handbook).map((policy) => ({ params: { slug: policy.slug }, props: { policy } }))),
  compare: dynamic('/policies/[slug]/compare/[from]/[to]/', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) =>
      // Each version against the one before and against the current one; any other pair is
      // redlined in the browser at the same address (src/client/compare-anywhere.ts, from the not-found page).
      staticComparePairs(policy.versions, policy.current).map(({ from, to }) => ({ params: { slug: policy.slug, from: from.version, to: to.version }, props: { policy, from, to } })),
    ),
  ),
  /** "Download as Word" of a static compare page: the redline as tracked changes. */
  compareDocx: dynamic('/policies/[slug]/compare/[from]/[to]/[file]', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) =>
      staticComparePairs(policy.versions, policy.current).map(({ from, to }) => ({
        params: { slug: policy.slug, from: from.version, to: to.version, file: redlineDocxName(policy.slug, from.version, to.version) },
        props: { from, to },
      })),
    ),
  ),
  changes: single('/changes/'),
  asAt: single('/as-at/'),
  feed: single('/feed.xml'),
  reviews: single('/reviews/'),
  reviewsCsv: single('/reviews.csv'),
  agreements: single('/agreements/'),
  agreement: dynamic('/agreements/[slug]/', (handbook) =>
    handbook.agreements.map((agreement): Page<{ slug: string }, { agreement: AgreementFile }> => ({ params: { slug: agreement.slug }, props: { agreement } })),
  ),
  /** The print edition: the chapters with the policies in force, numbered. */
  print: single('/print/', (handbook) => ({ chapters: printedChapters(handbook) })),
  search: single('/search/'),
  notFound: single('/404.html', undefined, '/404'),
  robots: single('/robots.txt'),
} as const;

export type PageKind = keyof typeof routes;
/** Kinds with one page and no parameters: Astro gives such a page no props (see `singlePage`). */
export type SinglePageKind = 'home' | 'changes' | 'asAt' | 'feed' | 'reviews' | 'reviewsCsv' | 'agreements' | 'print' | 'search' | 'notFound' | 'robots';
/** The data a page of this kind is rendered with. */
export type PageProps<K extends PageKind> = ReturnType<(typeof routes)[K]['pages']>[number]['props'];

/** Addresses of single pages a link in the content may point at. */
export const SITE_PAGES: readonly string[] = (['home', 'changes', 'asAt', 'reviews', 'reviewsCsv', 'agreements', 'print', 'search', 'feed'] as const).map((k) => routes[k].path({}));

/** Address builders for links: `href.version({ slug, version })` and so on (without the base path). */
export const href = {
  policy: (p: { slug: string }) => routes.policy.path({ slug: p.slug }),
  version: (v: { slug: string; version: string }) => routes.version.path({ slug: v.slug, version: v.version }),
  history: (p: { slug: string }) => routes.history.path({ slug: p.slug }),
  compare: (slug: string, from: string, to: string) => routes.compare.path({ slug, from, to }),
  versionDocx: (v: { slug: string; version: string }) => routes.versionDocx.path({ slug: v.slug, version: v.version, file: versionDocxName(v.slug, v.version) }),
  compareDocx: (slug: string, from: string, to: string) => routes.compareDocx.path({ slug, from, to, file: redlineDocxName(slug, from, to) }),
  agreement: (a: { slug: string }) => routes.agreement.path({ slug: a.slug }),
  agreements: () => routes.agreements.path({}),
  /** A page of its own: `href.page('changes')`. */
  page: (kind: SinglePageKind) => routes[kind].path({}),
  /** A chapter's place on the home page. */
  chapter: (id: string) => `${routes.home.path({})}#${id}`,
};
