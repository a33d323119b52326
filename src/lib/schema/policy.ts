/** Frontmatter of one version of a policy: `content/policies/<slug>/<version>.mdx`. */
import { z } from 'astro/zod';
import { calendarDate, slug, status, stringList, text } from './fields.ts';

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
  /** `active` is published; a `draft` is never published, indexed or linked. */
  status: status.default('active'),
  /** Plain-language notes on what changed in this version: the change log. */
  changes: stringList.default([]),
  /** Roles the policy applies to, e.g. "All staff", "Fee earners". */
  appliesTo: stringList.default(['All staff']),
  /** Keywords for search. */
  tags: stringList.default([]),
  /** Slugs of related policies. */
  related: z.array(slug).default([]),
});

/** What editors write in a version's frontmatter. */
export type PolicyVersionInput = z.input<typeof policyVersionSchema>;
/** A version's frontmatter as code reads it. */
export type PolicyVersionData = z.infer<typeof policyVersionSchema>;
