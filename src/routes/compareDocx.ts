import type { APIRoute } from 'astro';
import { staticPaths } from '../data/handbook';
import { diffMetadata, redlineVersions } from '../lib/diff';
import { redlineDocx } from '../lib/docx/document';
import { DOCX_TYPE } from '../lib/docx/site';
import type { PageProps } from '../lib/routes';

/** "Download as Word" on the compare pages built statically: the redline as Word tracked changes. */
export const getStaticPaths = () => staticPaths('compareDocx');

export const GET: APIRoute = ({ props }) => {
  const { handbook, from, to } = props as PageProps<'compareDocx'>;
  const data = redlineDocx(from, to, redlineVersions(from, to), diffMetadata(from.data, to.data), { firm: handbook.config.firm, today: handbook.today });
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': DOCX_TYPE } });
};
