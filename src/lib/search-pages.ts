/**
 * Which built pages each search index holds, from the model rather than from a glob over the
 * output: a glob also matched the current version's permalink pages, and when no page in it
 * carried `data-pagefind-body` Pagefind indexed them whole, navigation included.
 *
 * - `current`: what search covers by default: each policy's canonical page and each agreement;
 * - `older`: every other published version's permalink (superseded or upcoming), and every
 *   version of a withdrawn policy, which the search page merges in only when the reader ticks
 *   "Include older versions". (The same rule as `searchable` in src/components/PolicyPage.astro.)
 */
import type { Handbook } from './model.ts';
import { href } from './routes.ts';

export interface SearchPages {
  /** Site paths without the base path, e.g. `/policies/retention/`. */
  current: string[];
  older: string[];
}

/** The manifest the build writes next to the pages for scripts/search-index.ts (which removes it). */
export const SEARCH_PAGES_FILE = 'search-pages.json';

export function searchPages(handbook: Handbook): SearchPages {
  return {
    current: [...handbook.policies.map(href.policy), ...handbook.agreements.map(href.agreement)],
    older: [...handbook.policies.flatMap((p) => p.versions.filter((v) => v !== p.current).map(href.version)), ...handbook.withdrawn.flatMap((p) => p.versions.map(href.version))],
  };
}
