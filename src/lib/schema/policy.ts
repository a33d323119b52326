/** Frontmatter of one version of a policy: `content/policies/<slug>/<version>.mdx`. */
import { z } from 'astro/zod';
import { calendarDate, policyStatus, slug, stringList, text } from './fields.ts';

export const policyVersionSchema = z.strictObject({
  /** Heading of the policy, in navigation, search results and history. */
  title: text,
  /** One sentence: what the policy is for. */
  summary: text,
  /** Id of a chapter in handbook.yaml. */
  chapter: slug,
  /** Position within the chapter, lowest first. */
  order: z.number().int().default(100),
  /** The role responsible for the policy (e.g. "Records Manager"), not a person. */
  owner: text,
  /** Who approved this version (a role or a body, e.g. "Management Committee"). */
  approvedBy: text,
  /** The date this version takes effect. */
  effective: calendarDate,
  /** The date this policy was last reviewed. */
  lastReviewed: calendarDate,
  /** Months between reviews; defaults to `review.everyMonths` in handbook.yaml. */
  reviewEveryMonths: z.number().int().positive({ message: 'Expected a whole number of months above 0.' }).optional(),
  /**
   * `active` is published; a `draft` is never published, indexed or linked; `withdrawn` (on the
   * policy's latest version, with `withdrawn`) is published and the whole policy stops applying.
   */
  status: policyStatus.default('active'),
  /** With `status: withdrawn`: the day the policy stops applying. */
  withdrawn: calendarDate.optional(),
  /** With `status: withdrawn`, optionally: the slug of the policy that replaces it. */
  replacedBy: slug.optional(),
  /** Plain-language notes on what changed in this version: the change log. */
  changes: stringList.default([]),
  /** Roles the policy applies to, e.g. "All staff", "Fee earners". */
  appliesTo: stringList.default(['All staff']),
  /** Keywords for search. */
  tags: stringList.default([]),
  /** Slugs of related policies. */
  related: z.array(slug).default([]),
}).superRefine((data, ctx) => {
  // One meaning each: a withdrawal date goes with the withdrawn status, and only with it.
  if (data.status === 'withdrawn' && data.withdrawn === undefined) {
    ctx.addIssue({ code: 'custom', path: ['withdrawn'], message: 'Missing the withdrawal date, expected `withdrawn: YYYY-MM-DD` with `status: withdrawn`.' });
  }
  if (data.status !== 'withdrawn') {
    for (const key of ['withdrawn', 'replacedBy'] as const) {
      if (data[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Set only on a withdrawn policy, expected \`status: withdrawn\` (the status is "${data.status}").` });
    }
  }
  if (data.withdrawn !== undefined && data.withdrawn <= data.effective) {
    ctx.addIssue({ code: 'custom', path: ['withdrawn'], message: `The withdrawal date ${data.withdrawn} is not after the version's effective date ${data.effective}, expected a later date.` });
  }
});

/** What editors write in a version's frontmatter. */
export type PolicyVersionInput = z.input<typeof policyVersionSchema>;
/** A version's frontmatter as code reads it. */
export type PolicyVersionData = z.infer<typeof policyVersionSchema>;
