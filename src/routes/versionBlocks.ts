import type { APIRoute } from 'astro';
import { staticPaths } from '../data/handbook';
import type { VersionBlocks } from '../lib/compare-data';
import { formatDate } from '../lib/dates';
import { blocksOf, metadataFields } from '../lib/diff';
import type { PageProps } from '../lib/routes';

/** Each published version's blocks, for the compare pages redlined in the browser (src/lib/compare-data.ts). */
export const getStaticPaths = () => staticPaths('versionBlocks');

export const GET: APIRoute = ({ props }) => {
  const { policy, version } = props as PageProps<'versionBlocks'>;
  const data: VersionBlocks = {
    slug: policy.slug,
    version: version.version,
    title: version.data.title,
    effective: version.data.effective,
    effectiveText: formatDate(version.data.effective),
    state: version.state,
    details: metadataFields(version.data),
    changes: version.data.changes,
    versions: policy.versions.map((v) => v.version),
    blocks: blocksOf(version),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
