import type { APIRoute } from 'astro';
import { staticPaths } from '../data/handbook';
import { wordFile } from '../lib/docx/files';
import { DOCX_TYPE } from '../lib/docx/site';
import type { PageProps } from '../lib/routes';

/** "Download as Word" on every version's page: a clean Word document of that version. */
export const getStaticPaths = () => staticPaths('versionDocx');

export const GET: APIRoute = ({ props }) => {
  const { handbook, version } = props as PageProps<'versionDocx'>;
  return new Response(new Uint8Array(wordFile({ version }, handbook)), { headers: { 'Content-Type': DOCX_TYPE } });
};
