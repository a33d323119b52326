import type { APIRoute } from 'astro';
import { staticPaths } from '../data/handbook';
import { versionDocx } from '../lib/docx/document';
import { DOCX_TYPE } from '../lib/docx/site';
import type { PageProps } from '../lib/routes';

/** "Download as Word" on every version's page: a clean Word document of that version. */
export const getStaticPaths = () => staticPaths('versionDocx');

export const GET: APIRoute = ({ props }) => {
  const { handbook, version } = props as PageProps<'versionDocx'>;
  const data = versionDocx(version, { firm: handbook.config.firm, today: handbook.today, contentDir: handbook.dir });
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': DOCX_TYPE } });
};
