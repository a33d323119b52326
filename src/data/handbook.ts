/**
 * The Astro side of the model: the handbook loaded once per build, handed to the pages through
 * the route table (their only way to it), and the helpers that turn model objects into addresses.
 */
import { AstroError } from 'astro/errors';
import { base } from 'virtual:handbook/base';
import { devReading, rememberedHandbook } from '../integrations/shared-handbook.ts';
import { contentDir, today } from '../lib/env.ts';
import { formatIssues } from '../lib/issues.ts';
import { withBase } from '../lib/links.ts';
import type { PolicyFacts, StatementContext } from '../lib/in-force.ts';
import { loadHandbook, type Handbook, type Policy } from '../lib/model.ts';
import { href, routes, type PageKind, type PageProps, type SinglePageKind } from '../lib/routes.ts';

let cached: Handbook | undefined;

/** The handbook for this build (read and checked once; every page shares it). */
function getHandbook(): Handbook {
  // The dev server's reading follows the content as it is edited (drafts previewed, marked as such).
  const dev = devReading();
  if (dev) {
    const handbook = dev.handbook();
    if (!handbook) throw new AstroError(`The content in ${dev.dir} has problems.`, formatIssues(dev.current().issues));
    return handbook;
  }
  if (cached) return cached;
  const dir = contentDir();
  // A build has just checked the content in the config hook: use that reading.
  const remembered = rememberedHandbook(dir, today());
  if (remembered) return (cached = remembered);
  const { handbook, issues } = loadHandbook(dir, today());
  if (!handbook) throw new AstroError(`The content in ${dir} has problems.`, formatIssues(issues));
  return (cached = handbook);
}

/** A route entrypoint's `getStaticPaths`: the pages of its kind in the route table, with their data. */
export function staticPaths<K extends PageKind>(kind: K): ReturnType<(typeof routes)[K]['pages']> {
  return routes[kind].pages(getHandbook()) as ReturnType<(typeof routes)[K]['pages']>;
}

/** The data of a page of its own: its one entry in the route table (Astro gives a page without parameters no props). */
export function singlePage<K extends SinglePageKind>(kind: K): PageProps<K> {
  return staticPaths(kind)[0]!.props as PageProps<K>;
}

/**
 * An address inside the site, with the base path: `url('/policies/x/')`. The base is the one
 * Astro's config resolved, from the integration (virtual:handbook/base), not
 * `import.meta.env.BASE_URL`, which a `BASE_URL` variable in the environment overrides.
 */
export function url(path: string): string {
  return withBase(base, path);
}

/** Addresses from the route table (src/lib/routes.ts), with the base path. */
export const policyUrl = (p: { slug: string }) => url(href.policy(p));
export const versionUrl = (v: { slug: string; version: string }) => url(href.version(v));
export const historyUrl = (p: { slug: string }) => url(href.history(p));
export const compareUrl = (slug: string, from: string, to: string) => url(href.compare(slug, from, to));
export const agreementUrl = (a: { slug: string }) => url(href.agreement(a));
export const chapterUrl = (id: string) => url(href.chapter(id));
export const pageUrl = (kind: Parameters<typeof href.page>[0]) => url(href.page(kind));

/** The build's context for statements (src/lib/in-force.ts); the browser reads the same from the page's body. */
export function statementContext(handbook: Handbook): StatementContext {
  return { today: handbook.today, built: handbook.today, warnDays: handbook.config.review.warnDays };
}

const facts = new WeakMap<Policy, PolicyFacts>();
/** What the browser needs to recompute a policy's in-force and review sentences (src/lib/in-force.ts). */
export function policyFacts(p: Policy, handbook: Handbook): PolicyFacts {
  let f = facts.get(p);
  if (!f) {
    f = {
      s: p.slug,
      t: p.current.data.title,
      u: policyUrl(p),
      v: p.versions.map((v) => ({ version: v.version, effective: v.data.effective, href: versionUrl(v), ...(v.data.withdrawn ? { withdrawn: v.data.withdrawn } : {}) })),
      r: { last: p.review.lastReviewed, next: p.review.next },
    };
    const replacement = p.withdrawal?.replacedBy ? handbook.bySlug.get(p.withdrawal.replacedBy) : undefined;
    if (replacement) f.x = { t: replacement.current.data.title, u: policyUrl(replacement) };
    facts.set(p, f);
  }
  return f;
}

const factsJson = new WeakMap<Policy, string>();
/** {@link policyFacts} as a `data-facts` attribute: written once per policy, though every page's navigation lists it. */
export function policyFactsJson(p: Policy, handbook: Handbook): string {
  let json = factsJson.get(p);
  if (json === undefined) factsJson.set(p, (json = JSON.stringify(policyFacts(p, handbook))));
  return json;
}
