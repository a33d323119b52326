import type { APIRoute } from 'astro';
import { staticPaths } from '../data/handbook';
import { wordFile } from '../lib/docx/files';
import { DOCX_TYPE } from '../lib/docx/site';
import type { PageProps } from '../lib/routes';

/** "Download as Word" on the compare pages built statically: the redline as Word tracked changes. */
export const getStaticPaths = () => staticPaths('compareDocx');

export const GET: APIRoute = ({ props }) => {
  const { handbook, from, to } = props as PageProps<'compareDocx'>;
  return new Response(new Uint8Array(wordFile({ from, to }, handbook)), { headers: { 'Content-Type': DOCX_TYPE } });
};
