/**
 * The two commands that change a policy's standing: `publish` (a draft becomes a published
 * version) and `retire` (a policy is withdrawn from a date). Each edits one file's frontmatter
 * in place, and only after checking the whole handbook as it would read with the change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, today } from '../../src/lib/env.ts';
import { formatDate, parseCalendarDate, type CalendarDate } from '../../src/lib/dates.ts';
import { setFrontmatterFields } from '../../src/lib/frontmatter.ts';
import { formatIssues, type ContentIssue } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { SLUG_PATTERN } from '../../src/lib/schema/fields.ts';
import { compareVersions } from '../../src/lib/versions.ts';
import { CLI, loadOrReport, UsageError, type Command } from './shared.ts';

function dateOption(values: Record<string, string | boolean | undefined>, name: string): CalendarDate | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const date = parseCalendarDate(raw);
  if (!date) throw new UsageError(`--${name} takes a calendar date written YYYY-MM-DD, received "${String(raw)}".`);
  return date;
}

function slugArgument(positionals: string[], example: string): string {
  const [slug, extra] = positionals;
  if (!slug || extra !== undefined) throw new UsageError(`Give one policy slug, e.g. \`${example}\`.`);
  if (!SLUG_PATTERN.test(slug)) throw new UsageError(`"${slug}" is not a slug, expected lower-case letters, digits and hyphens, e.g. ${example.split(' ')[1]}.`);
  return slug;
}

/**
 * Checks the handbook as it would read with `text` in `contentPath`, and writes the file only
 * when it has no problems.
 *
 * @returns the warnings after the change, or undefined when it was refused (problems printed)
 */
function writeChecked(contentPath: string, text: string, what: string): ContentIssue[] | undefined {
  const dir = contentDir();
  const { handbook, issues, warnings } = loadHandbook(dir, today(), new Map([[contentPath, text]]));
  if (!handbook) {
    console.error(`${formatIssues(issues)}\n${what} refused: nothing was written. Fix the problems above and run the command again.`);
    return undefined;
  }
  writeFileSync(join(dir, contentPath), text);
  return warnings;
}

/** A path as messages show it: relative to the working directory. */
function shown(contentPath: string): string {
  return relative(process.cwd(), join(contentDir(), contentPath));
}

export const publish: Command = {
  options: { effective: { type: 'string' } },
  async run(positionals, values) {
    const slug = slugArgument(positionals, 'publish secure-communication');
    const effective = dateOption(values, 'effective');
    const before = loadHandbook(contentDir(), today());
    const files = [...(before.handbook?.bySlug.get(slug)?.versions ?? []), ...(before.handbook?.drafts ?? [])].filter((f) => f.slug === slug);
    if (!before.handbook) {
      console.error(`${formatIssues(before.issues)}\nPublishing refused: the content has problems. Nothing was written.`);
      return 1;
    }
    const draft = before.handbook.drafts.filter((d) => d.slug === slug).at(-1);
    if (!draft) {
      const known = files.length > 0;
      if (!known) throw new UsageError(`Unknown policy "${slug}": there is no folder policies/${slug}/ with a draft in it.`);
      console.error(`Policy "${slug}" has no draft to publish. Start one with: ${CLI} version ${slug}`);
      return 1;
    }
    const newer = files.filter((f) => f !== draft && compareVersions(f.version, draft.version) > 0).map((f) => f.version);
    if (newer.length) {
      console.error(`Draft ${draft.version} of "${slug}" (${draft.file}) is older than version ${newer.join(', ')}: only the latest version can be published. Nothing was written.`);
      return 1;
    }
    const source = readFileSync(join(contentDir(), draft.contentPath), 'utf8');
    const text = setFrontmatterFields(source, [['status', 'active'], ...(effective ? [['effective', effective] as const] : [])]);
    const warnings = writeChecked(draft.contentPath, text, 'Publishing');
    if (!warnings) return 1;
    const date = effective ?? draft.data.effective;
    const when = date <= today() ? `in force from ${formatDate(date)}` : `takes effect on ${formatDate(date)}`;
    console.log(`Published version ${draft.version} of "${slug}" (${shown(draft.contentPath)}): ${when}.`);
    return 0;
  },
};

export const retire: Command = {
  options: { on: { type: 'string' }, 'replaced-by': { type: 'string' } },
  async run(positionals, values) {
    const slug = slugArgument(positionals, 'retire petty-cash --on 2027-01-01');
    const on = dateOption(values, 'on');
    if (!on) throw new UsageError('Give the day the policy stops applying with --on YYYY-MM-DD.');
    const replacedBy = values['replaced-by'];
    if (replacedBy !== undefined && (typeof replacedBy !== 'string' || !SLUG_PATTERN.test(replacedBy))) throw new UsageError(`--replaced-by takes a policy slug, received "${String(replacedBy)}".`);
    const handbook = loadOrReport();
    if (!handbook) {
      console.error('Retiring refused: the content has problems. Nothing was written.');
      return 1;
    }
    const policy = handbook.bySlug.get(slug);
    if (!policy) {
      const draftOnly = handbook.drafts.some((d) => d.slug === slug);
      if (draftOnly) {
        console.error(`Policy "${slug}" has never been published (it has only drafts): delete its folder instead. Nothing was written.`);
        return 1;
      }
      throw new UsageError(`Unknown policy "${slug}": expected one of ${[...handbook.bySlug.keys()].join(', ')}.`);
    }
    const latest = policy.versions.at(-1)!;
    if (policy.withdrawal) {
      console.error(`Policy "${slug}" is already withdrawn on ${policy.withdrawal.on} (${latest.file}): to change the date, edit \`withdrawn:\` there. Nothing was written.`);
      return 1;
    }
    if (on <= latest.data.effective) {
      console.error(`Version ${latest.version} of "${slug}" takes effect on ${latest.data.effective}: the withdrawal must come after that, expected --on later than ${latest.data.effective}. Nothing was written.`);
      return 1;
    }
    const source = readFileSync(join(contentDir(), latest.contentPath), 'utf8');
    const text = setFrontmatterFields(source, [
      ['status', 'withdrawn'],
      ['withdrawn', on],
      ...(typeof replacedBy === 'string' ? [['replacedBy', replacedBy] as const] : []),
    ]);
    const warnings = writeChecked(latest.contentPath, text, 'Retiring');
    if (!warnings) return 1;
    const instead = typeof replacedBy === 'string' ? `, replaced by "${replacedBy}"` : '';
    const when = on <= today() ? 'It no longer applies' : 'It stays in force until then';
    console.log(`Policy "${slug}" is withdrawn from ${formatDate(on)}${instead} (written in ${shown(latest.contentPath)}). ${when}; its pages and history stay.`);
    const references = warnings.filter((w) => w.ruleId !== 'replacement-withdrawn' && w.message.includes(`policy "${slug}"`));
    if (references.length) console.error(`Other content still points to it:\n${formatIssues(references, 'warning')}`);
    return 0;
  },
};
