import type { APIRoute } from 'astro';
import { singlePage, url } from '../data/handbook';
import { href } from '../lib/routes';
import { xmlText as escape } from '../lib/escape';
import { allChanges } from '../lib/summary';

/** An Atom feed of every published version, newest first; addresses are absolute when a site URL is set. */
export const GET: APIRoute = ({ site }) => {
  const { handbook } = singlePage('feed');
  const origin = site?.origin ?? '';
  const abs = (path: string) => `${origin}${url(path)}`;
  const changes = allChanges(handbook);
  const updated = changes[0]?.version.data.effective ?? handbook.today;
  const entries = changes.map(({ version }) => {
    const link = abs(href.version(version));
    const notes = version.data.changes.map((c) => `<li>${escape(c)}</li>`).join('');
    return `  <entry>
    <title>${escape(`${version.data.title}, version ${version.version}`)}</title>
    <id>${escape(link)}</id>
    <link href="${escape(link)}"/>
    <updated>${version.data.effective}T00:00:00Z</updated>
    <summary>${escape(version.data.summary)}</summary>
    <content type="html">${escape(`<p>Effective ${version.data.effective}, approved by ${escape(version.data.approvedBy)}.</p><ul>${notes}</ul>`)}</content>
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escape(`${handbook.config.title}: changes`)}</title>
  <id>${escape(abs(href.page('changes')))}</id>
  <link rel="alternate" href="${escape(abs(href.page('changes')))}"/>
  <link rel="self" href="${escape(abs(href.page('feed')))}"/>
  <updated>${updated}T00:00:00Z</updated>
  <author><name>${escape(handbook.config.firm)}</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
