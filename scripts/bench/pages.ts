/** Which kind of page an output path is, for counting pages and render time by kind. */

export const PAGE_KINDS = ['policy', 'version', 'history', 'compare', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Classifies a built page by its path inside the output folder (`policies/x/index.html`,
 * or a route as Astro logs it, `/policies/x/2.0/index.html`). Only HTML pages have a kind;
 * other files (feeds, CSV, robots.txt) count as `other`.
 */
export function pageKind(path: string): PageKind {
  const segments = path.replace(/^\/+/, '').split('/');
  if (segments[0] !== 'policies' || segments.length < 3) return 'other';
  const rest = segments.slice(2, -1); // between the slug and index.html
  if (rest.length === 0) return 'policy';
  if (rest[0] === 'history' && rest.length === 1) return 'history';
  if (rest[0] === 'compare') return 'compare';
  if (rest.length === 1 && VERSION.test(rest[0]!)) return 'version';
  return 'other';
}

/** An empty tally with every kind at zero, so the JSON always has every key. */
export function emptyTally(): Record<PageKind, number> {
  return { policy: 0, version: 0, history: 0, compare: 0, other: 0 };
}
