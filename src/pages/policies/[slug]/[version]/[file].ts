import type { APIRoute } from 'astro';
import { getHandbook } from '../../../../data/handbook';
import { versionDocx } from '../../../../lib/docx/document';
import { DOCX_TYPE } from '../../../../lib/docx/site';
import type { PolicyVersion } from '../../../../lib/model';
import { routes } from '../../../../lib/routes';

/** "Download as Word" on every version's page: a clean Word document of that version. */
export const getStaticPaths = () => routes.versionDocx.pages(getHandbook());

export const GET: APIRoute = async ({ props }) => {
  const handbook = getHandbook();
  const data = await versionDocx((props as { version: PolicyVersion }).version, { firm: handbook.config.firm, today: handbook.today, contentDir: handbook.dir });
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': DOCX_TYPE } });
};
