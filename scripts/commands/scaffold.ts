import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { contentDir, today } from '../../src/lib/env.ts';
import { SLUG_PATTERN } from '../../src/lib/schema/fields.ts';
import { needsMdx } from '../../src/lib/body.ts';
import { readContent } from '../../src/lib/content.ts';
import { compareVersions, nextVersion } from '../../src/lib/versions.ts';
import { CLI, UsageError, type Command } from './shared.ts';

/** Writes a file only when nothing is there: an editor's text is never overwritten. */
function writeNew(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  console.log(`Created ${relative(process.cwd(), path)}`);
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`;
}

export const newPolicy: Command = {
  options: { chapter: { type: 'string' }, title: { type: 'string' } },
  async run(positionals, values) {
    const [slug, extra] = positionals;
    if (!slug || extra) throw new UsageError('Give one slug, e.g. `new client-intake`.');
    if (!SLUG_PATTERN.test(slug)) throw new UsageError(`"${slug}" is not a slug, expected lower-case letters, digits and hyphens, e.g. client-intake.`);
    const dir = contentDir();
    const folder = join(dir, 'policies', slug);
    if (existsSync(folder)) {
      console.error(`${relative(process.cwd(), folder)} already exists: nothing was written. To start its next version run: ${CLI} version ${slug}`);
      return 1;
    }
    const raw = readContent(dir);
    const chapters = raw.handbook?.chapters.map((c) => c.id) ?? [];
    const chapter = typeof values['chapter'] === 'string' ? values['chapter'] : chapters[0] ?? 'general';
    // A draft in a chapter that does not exist would only fail later, at check or build.
    if (raw.handbook && !chapters.includes(chapter)) throw new UsageError(`Unknown chapter "${chapter}": expected one of the chapter ids in handbook.yaml: ${chapters.join(', ')}.`);
    const title = typeof values['title'] === 'string' ? values['title'] : slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
    const date = today();
    writeNew(
      // Plain Markdown builds about twice as fast as MDX; rename it .mdx only to use a component.
      join(folder, '1.0.md'),
      frontmatter(
        {
          title,
          summary: 'One sentence: what this policy is for and who must follow it.',
          chapter,
          order: 100,
          owner: 'Compliance Officer',
          approvedBy: 'Management Committee',
          effective: date,
          lastReviewed: date,
          status: 'draft',
          changes: ['First published version.'],
          appliesTo: ['All staff'],
          tags: [],
          related: [],
        },
        `\n## Purpose\n\nWhy this policy exists.\n\n## What you must do\n\n1. The first step.\n`,
      ),
    );
    console.log('It is a draft: set status: active when it is approved.');
    return 0;
  },
};

export const newVersion: Command = {
  options: { major: { type: 'boolean' } },
  async run(positionals, values) {
    const [slug, extra] = positionals;
    if (!slug || extra) throw new UsageError('Give one slug, e.g. `version secure-communication`.');
    const dir = contentDir();
    const raw = readContent(dir);
    const versions = raw.policies.filter((p) => p.slug === slug).sort((a, b) => compareVersions(a.version, b.version));
    const latest = versions.at(-1);
    if (!latest) {
      const broken = raw.issues.some((i) => i.file.includes(`/policies/${slug}/`));
      console.error(broken ? `Policy "${slug}" has content problems; run: ${CLI} check` : `Unknown policy "${slug}": there is no folder policies/${slug}/ with a version in it.`);
      return 2;
    }
    if (latest.data.status === 'draft') {
      console.error(`Version ${latest.version} of "${slug}" is already a draft (${latest.file}): edit it, or publish it before starting another. Nothing was written.`);
      return 1;
    }
    const version = nextVersion(latest.version, values['major'] ? 'major' : 'minor');
    // `.md` unless the text needs MDX (components, or it would read differently as Markdown).
    const format = latest.format === 'mdx' && needsMdx(latest.body) ? 'mdx' : 'md';
    const target = join(dir, 'policies', slug, `${version}.${format}`);
    if (existsSync(target) || existsSync(target.replace(/\.mdx?$/, format === 'mdx' ? '.md' : '.mdx'))) {
      console.error(`${relative(process.cwd(), target)} already exists: nothing was written.`);
      return 1;
    }
    const date = today();
    const { data } = latest;
    writeNew(
      target,
      frontmatter(
        { ...data, effective: date, lastReviewed: date, status: 'draft', changes: [] },
        latest.body,
      ),
    );
    console.log(`Version ${version} of "${slug}" is a draft copied from ${latest.version}: edit the text, list the changes, set the effective date, then status: active.`);
    return 0;
  },
};
