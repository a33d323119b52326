/**
 * The one table of the site's pages: for every kind of page, its URL pattern, the address of
 * one page, and every page of that kind in a handbook with the data it shows.
 *
 * Pages (their `getStaticPaths`), links in components and in content (links.ts), the feed, the
 * CLI and the browser scripts' `data-*` attributes all take addresses from here, so an address
 * is written once. Addresses here are site paths without the base path (`/policies/x/`); add
 * the base with `withBase` (links.ts) or `url()` in src/data/handbook.ts. A light module (only
 * types from the model), so the CLI and browser code can load it cheaply.
 */
import type { AgreementFile } from './content.ts';
import type { Handbook, Policy, PolicyVersion } from './model.ts';

/** Every published policy with pages: those that apply and those withdrawn (whose pages stay). */
export function pagedPolicies(handbook: Handbook): Policy[] {
  return [...handbook.policies, ...handbook.withdrawn];
}

/** One page: Astro's `getStaticPaths` entry. */
export interface Page<P extends Record<string, string>, D> {
  params: P;
  props: D;
}

export interface Route<P extends Record<string, string>, D> {
  /** The page's address with its parameters in brackets, as Astro names the page file. */
  pattern: string;
  /** The address of one page, without the base path. */
  path(params: P): string;
  /** Every page of this kind, with the data it shows. */
  pages(handbook: Handbook): Page<P, D>[];
}

/** A page of its own (no parameters): its data is the handbook. */
function single(pattern: string): Route<Record<string, never>, Record<string, never>> {
  return { pattern, path: () => pattern, pages: () => [{ params: {}, props: {} }] };
}

/** Fills `[name]` in a pattern. */
function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No "${name}" for the address ${pattern}.`);
    return value;
  });
}

function dynamic<P extends Record<string, string>, D>(pattern: string, pages: (handbook: Handbook) => Page<P, D>[]): Route<P, D> {
  return { pattern, path: (params) => fill(pattern, params), pages };
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
 * The version pairs that get a compare page of their own. Issue #16 narrows this to each version
 * against the one before and against the current; other pairs are redlined in the browser.
 */
export function comparePairs(policy: Policy): [PolicyVersion, PolicyVersion][] {
  return policy.versions.flatMap((from, i) => policy.versions.slice(i + 1).map((to): [PolicyVersion, PolicyVersion] => [from, to]));
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
  history: dynamic('/policies/[slug]/history/', (handbook) => pagedPolicies(handbook).map((policy) => ({ params: { slug: policy.slug }, props: { policy } }))),
  compare: dynamic('/policies/[slug]/compare/[from]/[to]/', (handbook) =>
    pagedPolicies(handbook).flatMap((policy) =>
      comparePairs(policy).map(([from, to]) => ({ params: { slug: policy.slug, from: from.version, to: to.version }, props: { policy, from, to } })),
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
  print: single('/print/'),
  search: single('/search/'),
  notFound: single('/404.html'),
  robots: single('/robots.txt'),
} as const;

export type PageKind = keyof typeof routes;
type SinglePageKind = 'home' | 'changes' | 'asAt' | 'feed' | 'reviews' | 'reviewsCsv' | 'agreements' | 'print' | 'search' | 'notFound' | 'robots';

/** Addresses of single pages a link in the content may point at. */
export const SITE_PAGES: readonly string[] = (['home', 'changes', 'asAt', 'reviews', 'reviewsCsv', 'agreements', 'print', 'search', 'feed'] as const).map((k) => routes[k].path({}));

/** Address builders for links: `href.version({ slug, version })` and so on (without the base path). */
export const href = {
  policy: (p: { slug: string }) => routes.policy.path({ slug: p.slug }),
  version: (v: { slug: string; version: string }) => routes.version.path({ slug: v.slug, version: v.version }),
  history: (p: { slug: string }) => routes.history.path({ slug: p.slug }),
  compare: (slug: string, from: string, to: string) => routes.compare.path({ slug, from, to }),
  agreement: (a: { slug: string }) => routes.agreement.path({ slug: a.slug }),
  agreements: () => routes.agreements.path({}),
  /** A page of its own: `href.page('changes')`. */
  page: (kind: SinglePageKind) => routes[kind].path({}),
  /** A chapter's place on the home page. */
  chapter: (id: string) => `${routes.home.path({})}#${id}`,
};
