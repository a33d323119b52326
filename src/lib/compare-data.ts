/**
 * What the browser needs to redline any two versions of a policy: one JSON file per version,
 * written at build time beside the version's page (`/policies/<slug>/<version>/blocks.json`).
 * It holds the version's blocks as the redline parses them, so the browser runs the same
 * src/lib/diff code on the same input as the static compare pages, and the few details the
 * compare page shows. No draft is ever written (only published versions have pages).
 */
import type { Block } from './diff/types.ts';
import { routes } from './routes.ts';
import type { VersionState } from './versions.ts';

export interface VersionBlocks {
  slug: string;
  version: string;
  title: string;
  /** `YYYY-MM-DD`, and as the site writes dates ("1 April 2025"). */
  effective: string;
  effectiveText: string;
  state: VersionState;
  /** The frontmatter fields the compare page's "Details changed" compares (see metadataFields). */
  details: Record<string, unknown>;
  /** This version's change notes. */
  changes: string[];
  /** Every published version of the policy, oldest first. */
  versions: string[];
  blocks: Block[];
}

/** The address of a version's block data, without the base path. */
export function versionBlocksPath(slug: string, version: string): string {
  return routes.versionBlocks.path({ slug, version });
}

/** `/policies/<slug>/compare/<from>/<to>/` (after the base path), or undefined for any other address. */
export function parseCompareAddress(path: string): { slug: string; from: string; to: string } | undefined {
  return routes.compare.match(path);
}
