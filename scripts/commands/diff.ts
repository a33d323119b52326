import { diffMetadata, redlineToHtml, redlineToMarkdown, redlineToText, redlineVersions } from '../../src/lib/diff.ts';
import { inert } from '../../src/lib/escape.ts';
import { compareVersions } from '../../src/lib/versions.ts';
import { loadOrReport, UsageError, type Command } from './shared.ts';

const FORMATS = ['text', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const diff: Command = {
  name: 'diff',
  usage: 'diff <slug> <from> <to> [--format text|markdown|html|json]',
  summary: 'The redline between two published versions, the same as the site.',
  options: { format: { type: 'string', default: 'text' } },
  async run(positionals, values) {
    const [slug, fromVersion, toVersion, extra] = positionals;
    if (!slug || !fromVersion || !toVersion || extra) throw new UsageError('Give a policy slug and two versions, e.g. `diff secure-communication 1.0 2.0`.');
    const format = values['format'] as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}, received "${format}".`);
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const policy = handbook.bySlug.get(slug);
    if (!policy) throw new UsageError(`Unknown policy "${slug}": expected one of ${handbook.policies.map((p) => p.slug).join(', ')}.`);
    const find = (version: string) => {
      const found = policy.versions.find((v) => v.version === version);
      if (!found) throw new UsageError(`Policy "${slug}" has no published version ${version}: expected one of ${policy.versions.map((v) => v.version).join(', ')}.`);
      return found;
    };
    const from = find(fromVersion);
    const to = find(toVersion);
    if (from === to) throw new UsageError(`Both versions are ${fromVersion}: give two different versions.`);
    if (compareVersions(fromVersion, toVersion) > 0) throw new UsageError(`Version ${fromVersion} is newer than ${toVersion}: give the older version first (diff ${slug} ${toVersion} ${fromVersion}).`);

    const result = redlineVersions(from, to);
    const metadata = diffMetadata(from.data, to.data);
    const heading = inert(`${to.data.title}: version ${from.version} (${from.data.effective}) → ${to.version} (${to.data.effective})`);
    switch (format) {
      case 'json':
        console.log(JSON.stringify({ slug, from: from.version, to: to.version, metadata, redline: result }, null, 2));
        break;
      case 'html':
        console.log(redlineToHtml(result));
        break;
      case 'markdown':
        console.log(`# ${heading}\n`);
        if (metadata.length) console.log(inert(`${metadata.map((m) => `- **${m.label}**: ${m.from} → ${m.to}`).join('\n')}\n`));
        console.log(redlineToMarkdown(result));
        break;
      default: {
        // Colour only on a terminal; piped output gets plain [+ +] and [- -] markers.
        const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
        console.log(`${heading}\n`);
        if (metadata.length) console.log(inert(`Details changed:\n${metadata.map((m) => `  ${m.label}: ${m.from} → ${m.to}`).join('\n')}\n`));
        console.log(redlineToText(result, { color }));
      }
    }
    return 0;
  },
};
