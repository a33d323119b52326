/**
 * Links written in content: what they point at, and the address they get in the built site.
 *
 * Authors write site paths without the base (`/policies/retention/`), or relative links to
 * other content files (`../retention/2.0.mdx`, `../agreements/staff.mdx`). The build prefixes
 * the base path and turns file links into page addresses; `check` reports targets that do not exist.
 */
import { posix } from 'node:path';
import { href, routes } from './routes.ts';
import { isVersion } from './versions.ts';

export { SITE_PAGES, withBase } from './routes.ts';

export type LinkTarget =
  | { kind: 'policy'; slug: string; version?: string; page?: 'history'; hash: string }
  | { kind: 'compare'; slug: string; from: string; to: string; hash: string }
  | { kind: 'agreement'; slug?: string; hash: string }
  | { kind: 'site'; path: string; hash: string }
  /** A relative link to some other file beside the content (an image, say), inside the content folder. */
  | { kind: 'file'; path: string }
  /** A relative link out of the content folder: what it reaches depends on the machine that builds. */
  | { kind: 'outside'; path: string }
  | { kind: 'other' };

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\?)/i;
const CONTENT_FILE = /\.mdx?$/;

function splitHash(href: string): [string, string] {
  const i = href.search(/[?#]/);
  return i === -1 ? [href, ''] : [href.slice(0, i), href.slice(i)];
}

/** A site path, read with the route table: which page it is, when it is one of a page kind links check. */
function fromSitePath(path: string, hash: string): LinkTarget {
  const policy = routes.policy.match(path);
  if (policy) return { kind: 'policy', slug: policy.slug, hash };
  const history = routes.history.match(path);
  if (history) return { kind: 'policy', slug: history.slug, page: 'history', hash };
  const version = routes.version.match(path);
  if (version && isVersion(version.version)) return { kind: 'policy', slug: version.slug, version: version.version, hash };
  const compare = routes.compare.match(path);
  if (compare && isVersion(compare.from) && isVersion(compare.to)) return { kind: 'compare', ...compare, hash };
  const agreement = routes.agreement.match(path);
  if (agreement) return { kind: 'agreement', slug: agreement.slug, hash };
  if (routes.agreements.match(path)) return { kind: 'agreement', hash };
  const segments = path.split('/').filter(Boolean);
  // Folders get the trailing slash every address has; files (feed.xml) do not.
  const last = segments.at(-1) ?? '';
  const tail = !last || last.includes('.') ? '' : '/';
  return { kind: 'site', path: segments.length ? `/${segments.join('/')}${tail}` : '/', hash };
}

/**
 * Resolves a link found in a content file.
 *
 * @param href the link as written
 * @param fromFile path of the file it is written in, relative to the content folder
 *   (`policies/intake/1.0.mdx`), used for relative file links
 */
export function resolveLink(href: string, fromFile: string): LinkTarget {
  const trimmed = href.trim();
  if (!trimmed || EXTERNAL.test(trimmed)) return { kind: 'other' };
  const [rawPath, hash] = splitHash(trimmed);
  let path: string;
  try {
    path = decodeURI(rawPath);
  } catch {
    path = rawPath;
  }
  if (path.startsWith('/')) return fromSitePath(path, hash);
  // A relative link: resolve it against the file's folder inside content/.
  const target = posix.normalize(posix.join(posix.dirname(fromFile), path));
  const segments = target.split('/').filter(Boolean);
  if (segments[0] === 'policies' && segments[1]) {
    const file = segments[2];
    if (!file) return { kind: 'policy', slug: segments[1], hash };
    const version = file.replace(CONTENT_FILE, '');
    if (segments.length === 3 && CONTENT_FILE.test(file) && isVersion(version)) {
      return { kind: 'policy', slug: segments[1], version, hash };
    }
  }
  if (segments[0] === 'agreements') {
    const file = segments[1];
    if (!file) return { kind: 'agreement', hash };
    if (segments.length === 2 && CONTENT_FILE.test(file)) return { kind: 'agreement', slug: file.replace(CONTENT_FILE, ''), hash };
  }
  // Some other file beside the content (an image): left as written; `check` makes sure it exists.
  return target === '..' || target.startsWith('../') ? { kind: 'outside', path: target } : { kind: 'file', path: target };
}

/** The site path of a target, without the base: `/policies/intake/2.0/#scope`. */
export function targetPath(target: LinkTarget): string | undefined {
  switch (target.kind) {
    case 'policy': {
      const page = target.page === 'history' ? href.history(target) : target.version ? href.version({ slug: target.slug, version: target.version }) : href.policy(target);
      return `${page}${target.hash}`;
    }
    case 'compare':
      return `${href.compare(target.slug, target.from, target.to)}${target.hash}`;
    case 'agreement':
      return `${target.slug ? href.agreement({ slug: target.slug }) : href.agreements()}${target.hash}`;
    case 'site':
      return `${target.path}${target.hash}`;
    default:
      return undefined;
  }
}

/**
 * The address a printout says it came from: the page's full address when the site's address is
 * known (`site.url`), else its path (with the base path), which is all a static build knows.
 */
export function printedAddress(pathname: string, site: URL | string | undefined): string {
  return site ? new URL(pathname, site).href : pathname;
}
