import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { readContent } from '../../src/lib/content.ts';
import { draftFile, planDraft, slugFromFileName } from '../../src/lib/docx/draft.ts';
import { importDocx, ImportRefused, type ImportNote } from '../../src/lib/docx/import.ts';
import { contentDir, today } from '../../src/lib/env.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { SLUG_PATTERN } from '../../src/lib/schema/fields.ts';
import { isVersion } from '../../src/lib/versions.ts';
import { UsageError, type Command } from './shared.ts';

/** The versions a policy folder holds, valid or not. */
function versionsOnDisk(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((f) => {
    const version = f.replace(/\.mdx?$/, '');
    return version !== f && isVersion(version) ? [version] : [];
  });
}

interface Outcome {
  file: string;
  slug: string;
  version?: string;
  result: 'written' | 'refused';
  notes: ImportNote[];
  /** Relative path of the version written. */
  written?: string;
}

/** A path for messages: relative to the working folder when inside it. */
function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : resolve(path);
}

/** One document → one draft version; refuses (and writes nothing) rather than overwrite. */
async function importOne(path: string, values: Record<string, string | boolean | undefined>, slugGiven: string | undefined): Promise<Outcome> {
  const file = basename(path);
  const slug = slugGiven ?? slugFromFileName(file);
  const outcome: Outcome = { file, slug, result: 'refused', notes: [] };
  const refuse = (message: string) => {
    console.error(`${show(path)}: ${message}`);
    return outcome;
  };
  if (!SLUG_PATTERN.test(slug)) return refuse(`"${slug}" is not a slug: expected lower-case letters, digits and hyphens; give one with --slug.`);
  const dir = contentDir();
  const raw = readContent(dir);
  if (!raw.handbook) return refuse(`the content folder ${show(dir)} has no valid handbook.yaml; run: npm run handbook -- check`);
  const string = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const version = string('version');
  let doc;
  try {
    doc = await importDocx(readFileSync(path), { file: show(path), imagePrefix: version ?? 'import', acceptChanges: values['accept-changes'] === true });
  } catch (error) {
    if (error instanceof ImportRefused) {
      console.error(error.message);
      return outcome;
    }
    throw error;
  }
  outcome.notes = doc.notes;
  const plan = planDraft(
    doc,
    { slug, source: file, today: today(), ...Object.fromEntries(Object.entries({ version, chapter: string('chapter'), owner: string('owner'), approvedBy: string('approved-by'), title: string('title') }).filter(([, v]) => v !== undefined)) },
    versionsOnDisk(join(dir, 'policies', slug)),
    raw.policies.filter((p) => p.slug === slug),
    raw.handbook.chapters,
  );
  if (!plan.ok) return refuse(plan.message);
  outcome.version = plan.version;
  // Images are named after the version; the converter named them before it was known.
  let markdown = doc.markdown;
  const images = doc.images.map((image) => {
    const name = image.name.replace(/^import-/, `${plan.version}-`);
    markdown = markdown.replaceAll(`./${image.name}`, `./${name}`);
    return { ...image, name };
  });
  const folder = join(dir, 'policies', slug);
  const target = join(folder, `${plan.version}.md`);
  const taken = [target, join(folder, `${plan.version}.mdx`), ...images.map((i) => join(folder, i.name))].filter((p) => existsSync(p));
  if (taken.length) return refuse(`${taken.map(show).join(', ')} already exist${taken.length === 1 ? 's' : ''}: nothing was written. Move ${taken.length === 1 ? 'it' : 'them'} away, or import as another --version.`);
  mkdirSync(folder, { recursive: true });
  for (const image of images) writeFileSync(join(folder, image.name), image.data, { flag: 'wx' });
  writeFileSync(target, draftFile(plan.data, markdown), { flag: 'wx' });
  outcome.result = 'written';
  outcome.written = show(target);
  console.log(`Created ${show(target)}${images.length ? ` and ${images.length} image${images.length === 1 ? '' : 's'} beside it` : ''}: a draft of "${slug}" version ${plan.version}.`);
  for (const note of doc.notes) console.log(`  Not converted as it stands: ${note.message}`);
  // The same check as `handbook check`, for this file: what is still to fill in.
  const contentPath = `policies/${slug}/${plan.version}.md`;
  const problems = loadHandbook(dir, today()).issues.filter((i) => i.file.endsWith(contentPath));
  if (problems.length) {
    console.log(`  To fill in before \`handbook check\` passes:`);
    for (const p of problems) console.log(`    ${formatIssue(p)}`);
  } else console.log(`  \`handbook check\` passes on it. Review the text, list the changes, then set status: active.`);
  return outcome;
}

function summaryTable(outcomes: Outcome[]): string {
  const rows = [
    ['Document', 'Policy', 'Version', 'Result', 'Not converted'],
    ...outcomes.map((o) => {
      const kinds = new Map<string, number>();
      for (const n of o.notes) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
      const notes = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || '—';
      return [o.file, o.slug, o.version ?? '—', o.result, notes];
    }),
  ];
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
  return rows.map((r) => r.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join('  ').trimEnd()).join('\n');
}

export const importCommand: Command = {
  options: {
    slug: { type: 'string' },
    chapter: { type: 'string' },
    version: { type: 'string' },
    owner: { type: 'string' },
    'approved-by': { type: 'string' },
    title: { type: 'string' },
    'accept-changes': { type: 'boolean' },
  },
  async run(positionals, values) {
    const [path, extra] = positionals;
    if (!path || extra) throw new UsageError('Give one Word document or one folder of them, e.g. `import "Client intake.docx" --chapter handling-information`.');
    if (!existsSync(path)) throw new UsageError(`There is no file or folder ${path}: expected a .docx file or a folder holding .docx files.`);
    if (!statSync(path).isDirectory()) {
      if (!/\.docx$/i.test(path)) throw new UsageError(`${path} is not a .docx file: expected a Word document saved as .docx (Word's .doc and other formats: save as .docx first).`);
      const outcome = await importOne(path, values, typeof values['slug'] === 'string' ? values['slug'] : undefined);
      return outcome.result === 'written' ? 0 : 1;
    }
    if (values['slug'] !== undefined) throw new UsageError('--slug names one policy: a folder import takes each slug from its file name.');
    if (values['version'] !== undefined || values['title'] !== undefined) throw new UsageError('--version and --title are for one document: a folder import makes version 1.0 of a new policy from each file.');
    // Word's lock files (~$name.docx) are not documents.
    const files = readdirSync(path).filter((f) => /\.docx$/i.test(f) && !f.startsWith('~$')).sort();
    if (!files.length) throw new UsageError(`${path} holds no .docx files.`);
    const outcomes: Outcome[] = [];
    for (const f of files) outcomes.push(await importOne(join(path, f), values, undefined));
    const written = outcomes.filter((o) => o.result === 'written').length;
    console.log(`\n${summaryTable(outcomes)}\n\n${written} of ${outcomes.length} documents imported as drafts.`);
    return written === outcomes.length ? 0 : 1;
  },
};
