/**
 * The ids a page gives its headings, so `check` can tell whether a link to `#clause` (on the same
 * page or on another policy) lands anywhere: GitHub's slugs of the heading text, numbered when two
 * headings read the same (`scope`, `scope-1`), as the site's heading plugin makes them.
 */
import GithubSlugger from 'github-slugger';

export function headingIds(texts: readonly string[]): Set<string> {
  const slugger = new GithubSlugger();
  return new Set(texts.map((text) => slugger.slug(text)));
}
