import type { APIRoute } from 'astro';
import { singlePage } from '../data/handbook';

/** A confidential handbook asks every crawler to stay out, unless handbook.yaml makes it public. */
export const GET: APIRoute = () => {
  const body = singlePage('robots').handbook.config.site.public ? 'User-agent: *\nAllow: /\n' : 'User-agent: *\nDisallow: /\n';
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
