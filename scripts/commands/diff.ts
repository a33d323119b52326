import { diffMetadata, redlineToHtml, redlineToMarkdown, redlineToText, redlineVersions } from '../../src/lib/diff.ts';
import { inert } from '../../src/lib/escape.ts';
import { redlineDocx } from '../../src/lib/docx/document.ts';
import { compareVersions } from '../../src/lib/versions.ts';
import { loadOrReport, UsageError, writeOut, type Command } from './shared.ts';

const FORMATS = ['text', 'markdown', 'html', 'json', 'docx'] as const;
type Format = (typeof FORMATS)[number];

export const diff: Command = {
  options: { format: { type: 'string', default: 'text' }, out: { type: 'string' } },
  async run(positionals, values) {
    const [slug, fromVersion, toVersion, extra] = positionals;
    if (!slug || !fromVersion || !toVersion || extra) throw new UsageError('Give a policy slug and two versions, e.g. `diff secure-communication 1.0 2.0`.');
    const format = values['format'] as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}, received "${format}".`);
    const out = values['out'];
    // A Word document is not for a terminal: it needs a file.
    if (format === 'docx' && (typeof out !== 'string' || !out)) throw new UsageError('--format docx writes a file: give it with --out, e.g. --out redline.docx.');
    if (format !== 'docx' && out !== undefined) throw new UsageError('--out is for --format docx; the other formats print to the terminal.');
    const handbook = loadOrReport();
    if (!handbook) return 1;
    // Published versions, and drafts so an approver can read the redline of what they approve.
    const versions = [...(handbook.bySlug.get(slug)?.versions ?? []), ...handbook.drafts.filter((d) => d.slug === slug)];
    if (!versions.length) throw new UsageError(`Unknown policy "${slug}": expected one of ${[...handbook.bySlug.keys()].join(', ')}.`);
    const find = (version: string) => {
      const found = versions.find((v) => v.version === version);
      if (!found) throw new UsageError(`Policy "${slug}" has no version ${version}, published or draft: expected one of ${versions.map((v) => v.version).join(', ')}.`);
      return found;
    };
    const from = find(fromVersion);
    const to = find(toVersion);
    if (from === to) throw new UsageError(`Both versions are ${fromVersion}: give two different versions.`);
    if (compareVersions(fromVersion, toVersion) > 0) throw new UsageError(`Version ${fromVersion} is newer than ${toVersion}: give the older version first (diff ${slug} ${toVersion} ${fromVersion}).`);

    const result = redlineVersions(from, to);
    const metadata = diffMetadata(from.data, to.data);
    const drafts = [from, to].filter((v) => v.data.status === 'draft').map((v) => v.version);
    const label = (v: typeof from) => (v.data.status === 'draft' ? `${v.version} DRAFT (not published; would take effect ${v.data.effective})` : `${v.version} (${v.data.effective})`);
    const heading = inert(`${to.data.title}: version ${label(from)} → ${label(to)}`);
    switch (format) {
      case 'docx': {
        const written = writeOut(String(out), redlineDocx(from, to, result, metadata, { firm: handbook.config.firm, today: handbook.today }));
        if (!written) return 1;
        console.log(`Wrote ${written}: ${heading}, as Word tracked changes by ${to.data.approvedBy}.`);
        break;
      }
      case 'json':
        console.log(JSON.stringify({ slug, from: from.version, to: to.version, drafts, metadata, redline: result }, null, 2));
        break;
      case 'html':
        if (drafts.length) console.log(`<p class="draft-note"><strong>Draft</strong>: version ${drafts.join(' and ')} is not published.</p>`);
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
