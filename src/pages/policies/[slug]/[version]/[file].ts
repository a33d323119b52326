import type { APIRoute } from 'astro';
import { getHandbook } from '../../../../data/handbook';
import { versionDocx } from '../../../../lib/docx/document';
import { DOCX_TYPE, versionDocxName } from '../../../../lib/docx/site';
import { pagedPolicies, type PolicyVersion } from '../../../../lib/model';

/** "Download as Word" on every version's page: a clean Word document of that version. */
export function getStaticPaths() {
  return pagedPolicies(getHandbook()).flatMap((policy) =>
    policy.versions.map((version) => ({ params: { slug: policy.slug, version: version.version, file: versionDocxName(policy.slug, version.version) }, props: { version } })),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const handbook = getHandbook();
  const data = await versionDocx((props as { version: PolicyVersion }).version, { firm: handbook.config.firm, today: handbook.today, contentDir: handbook.dir });
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': DOCX_TYPE } });
};
