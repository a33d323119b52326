import { versionDocx } from '../../src/lib/docx/document.ts';
import { loadOrReport, UsageError, writeOut, type Command } from './shared.ts';

export const exportCommand: Command = {
  options: { format: { type: 'string', default: 'docx' }, out: { type: 'string' } },
  async run(positionals, values) {
    const [slug, wanted, extra] = positionals;
    if (!slug || extra) throw new UsageError('Give a policy slug and optionally a version, e.g. `export secure-communication 2.0 --out secure-communication-2.0.docx`.');
    if (values['format'] !== 'docx') throw new UsageError(`--format takes docx, received "${String(values['format'])}".`);
    const out = values['out'];
    if (typeof out !== 'string' || !out) throw new UsageError('Give the file to write with --out, e.g. --out policy.docx.');
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const policy = handbook.bySlug.get(slug);
    if (!policy) throw new UsageError(`Unknown policy "${slug}": expected one of ${handbook.policies.map((p) => p.slug).join(', ')}.`);
    const version = wanted ? policy.versions.find((v) => v.version === wanted) : policy.current;
    if (!version) throw new UsageError(`Policy "${slug}" has no published version ${wanted}: expected one of ${policy.versions.map((v) => v.version).join(', ')}.`);
    const written = writeOut(out, versionDocx(version, { firm: handbook.config.firm, today: handbook.today, contentDir: handbook.dir }));
    if (!written) return 1;
    console.log(`Wrote ${written}: ${version.data.title}, version ${version.version}.`);
    return 0;
  },
};
