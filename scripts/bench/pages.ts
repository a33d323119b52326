/** Which kind of page an output path is, for counting pages and render time by kind. */
import { routes, type PageKind as RouteKind } from '../../src/lib/routes.ts';
import { isVersion } from '../../src/lib/versions.ts';

export const PAGE_KINDS = ['policy', 'version', 'history', 'compare', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The route table's kinds, by the figure they count under (a version's Word file and blocks with its version). */
const COUNTED_AS: [RouteKind, PageKind][] = [
  ['history', 'history'],
  ['compare', 'compare'],
  ['compareDocx', 'compare'],
  ['version', 'version'],
  ['versionBlocks', 'version'],
  ['versionDocx', 'version'],
  ['policy', 'policy'],
];

/**
 * Classifies a built page or file by its path inside the output folder (`policies/x/index.html`),
 * or by its route as Astro logs it (`/policies/x/2.0/index.html`, `/policies/x/2.0/x-2.0.docx/`),
 * with the route table's own patterns. Pages of the site's own (home, feeds, CSV) count as `other`.
 */
export function pageKind(path: string): PageKind {
  const address = `/${path.replace(/^\/+/, '').replace(/index\.html$/, '')}`;
  for (const [route, kind] of COUNTED_AS) {
    const params: Record<string, string> | undefined = routes[route].match(address) ?? routes[route].match(address.replace(/(.)\/$/, '$1'));
    // A version's place also matches `/policies/x/history/`: only a version number is a version.
    if (params && (params.version === undefined || isVersion(params.version))) return kind;
  }
  return 'other';
}

/** An empty tally with every kind at zero, so the JSON always has every key. */
export function emptyTally(): Record<PageKind, number> {
  return { policy: 0, version: 0, history: 0, compare: 0, other: 0 };
}
