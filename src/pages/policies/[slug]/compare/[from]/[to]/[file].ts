import type { APIRoute } from 'astro';
import { getHandbook } from '../../../../../../data/handbook';
import { staticComparePairs } from '../../../../../../lib/compare-pairs';
import { diffMetadata, redlineVersions } from '../../../../../../lib/diff';
import { redlineDocx } from '../../../../../../lib/docx/document';
import { DOCX_TYPE, redlineDocxName } from '../../../../../../lib/docx/site';
import { pagedPolicies, type PolicyVersion } from '../../../../../../lib/model';

/** "Download as Word" on the compare pages built statically: the redline as Word tracked changes. */
export function getStaticPaths() {
  return pagedPolicies(getHandbook()).flatMap((policy) =>
    staticComparePairs(policy.versions, policy.current).map(({ from, to }) => ({
      params: { slug: policy.slug, from: from.version, to: to.version, file: redlineDocxName(policy.slug, from.version, to.version) },
      props: { from, to },
    })),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const handbook = getHandbook();
  const { from, to } = props as { from: PolicyVersion; to: PolicyVersion };
  const data = await redlineDocx(from, to, redlineVersions(from, to), diffMetadata(from.data, to.data), { firm: handbook.config.firm, today: handbook.today });
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': DOCX_TYPE } });
};
