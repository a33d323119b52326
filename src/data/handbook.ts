/**
 * The Astro side of the model: the handbook loaded once per build, and the helpers pages
 * use to turn model objects into addresses and rendered text.
 */
import { AstroError } from 'astro/errors';
import { devReading, rememberedHandbook } from '../integrations/shared-handbook.ts';
import { contentDir, today } from '../lib/env.ts';
import { formatIssues } from '../lib/issues.ts';
import { withBase } from '../lib/links.ts';
import type { PolicyFacts } from '../lib/in-force.ts';
import { loadHandbook, type Handbook, type Policy } from '../lib/model.ts';
import { href } from '../lib/routes.ts';

let cached: Handbook | undefined;

/** The handbook for this build (read and checked once; every page shares it). */
export function getHandbook(): Handbook {
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

/** An address inside the site, with the base path: `url('/policies/x/')`. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** Addresses from the route table (src/lib/routes.ts), with the base path. */
export const policyUrl = (p: { slug: string }) => url(href.policy(p));
export const versionUrl = (v: { slug: string; version: string }) => url(href.version(v));
export const historyUrl = (p: { slug: string }) => url(href.history(p));
export const compareUrl = (slug: string, from: string, to: string) => url(href.compare(slug, from, to));
export const agreementUrl = (a: { slug: string }) => url(href.agreement(a));
export const chapterUrl = (id: string) => url(href.chapter(id));
export const pageUrl = (kind: Parameters<typeof href.page>[0]) => url(href.page(kind));

const facts = new WeakMap<Policy, PolicyFacts>();
/** What the browser needs to recompute a policy's in-force and review sentences (src/lib/in-force.ts). */
export function policyFacts(p: Policy): PolicyFacts {
  let f = facts.get(p);
  if (!f) {
    f = {
      s: p.slug,
      t: p.current.data.title,
      u: policyUrl(p),
      v: p.versions.map((v) => ({ version: v.version, effective: v.data.effective, href: versionUrl(v), ...(v.data.withdrawn ? { withdrawn: v.data.withdrawn } : {}) })),
      r: { last: p.review.lastReviewed, next: p.review.next },
    };
    const replacement = p.withdrawal?.replacedBy ? getHandbook().bySlug.get(p.withdrawal.replacedBy) : undefined;
    if (replacement) f.x = { t: replacement.current.data.title, u: policyUrl(replacement) };
    facts.set(p, f);
  }
  return f;
}
