/**
 * Which comparisons of a policy's versions are built as pages. A page for every pair grows with
 * the square of the versions (61 versions: 1,830 pages), so only each version against the one
 * before it and against the current version is built: at most 2n − 3 pages for n versions. Any
 * other pair has the same address and is redlined in the browser from each version's blocks
 * (src/client/compare-anywhere.ts), by the same src/lib/diff code.
 *
 * The one list of static pairs: the route table (compare pages and their Word files) and the
 * history page's links use it.
 */

/** Two versions to compare, the older first. */
export interface ComparePair<V> {
  from: V;
  to: V;
}

/**
 * The pairs built as static pages, for versions oldest first and the current one among them:
 * each version against the one before it, then each other version against the current one
 * (older one first), without repeats.
 */
export function staticComparePairs<V>(versions: readonly V[], current: V): ComparePair<V>[] {
  const pairs: ComparePair<V>[] = [];
  const at = versions.indexOf(current);
  versions.forEach((to, k) => {
    if (k > 0) pairs.push({ from: versions[k - 1]!, to });
  });
  versions.forEach((other, k) => {
    // The current version's neighbours are already paired with it above.
    if (at < 0 || Math.abs(k - at) <= 1) return;
    pairs.push(k < at ? { from: other, to: current } : { from: current, to: other });
  });
  return pairs;
}

/** Whether the comparison of two versions is a static page (the older version first). */
export function isStaticPair<V>(versions: readonly V[], current: V, from: V, to: V): boolean {
  return staticComparePairs(versions, current).some((p) => p.from === from && p.to === to);
}

/**
 * The comparison a form without JavaScript lands on: the current version against the one
 * before it, or, for a first version, against the one after.
 */
export function defaultComparePair<V>(versions: readonly V[], current: V): ComparePair<V> | undefined {
  const at = Math.max(0, versions.indexOf(current));
  if (versions.length < 2) return undefined;
  return at > 0 ? { from: versions[at - 1]!, to: current } : { from: current, to: versions[1]! };
}
