/** Small zod building blocks shared by the content schemas. */
import { z } from 'astro/zod';
import { parseCalendarDate, type CalendarDate } from '../dates.ts';
import { quote } from '../issues.ts';

/** A calendar date: `2026-03-01`, quoted or not. Impossible dates (2025-13-01) are rejected. */
export const calendarDate = z.unknown().transform((value, ctx): CalendarDate => {
  const date = parseCalendarDate(value);
  if (date === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `Expected a real calendar date written YYYY-MM-DD, received ${quote(value)}.`,
    });
    return z.NEVER;
  }
  return date;
});

/** A version number MAJOR.MINOR, e.g. `1.0`, `2.1`, `1.10`. */
export { VERSION_PATTERN } from '../versions.ts';

/** A slug: lower-case words joined by hyphens, used in addresses. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z.string().regex(SLUG_PATTERN, {
  message: 'Expected a slug: lower-case letters, digits and single hyphens (e.g. "data-retention").',
});

/** A non-empty line of text. */
export const text = z.string().trim().min(1, { message: 'Expected some text, received an empty value.' });

/** A list of strings that may also be written as a single string. */
export const stringList = z
  .union([text, z.array(text)])
  .transform((v) => (typeof v === 'string' ? [v] : v));

/** A publication status: drafts are never published, indexed or linked. */
export const STATUSES = ['active', 'draft'] as const;
export type Status = (typeof STATUSES)[number];
export const status = z.enum(STATUSES, {
  error: (issue) => `Expected "active" or "draft", received ${quote(issue.input)}.`,
});

/** A policy version may also be `withdrawn`: published, and the policy stops applying on a date. */
export const POLICY_STATUSES = ['active', 'draft', 'withdrawn'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const policyStatus = z.enum(POLICY_STATUSES, {
  error: (issue) => `Expected "active", "draft" or "withdrawn", received ${quote(issue.input)}.`,
});

/** Published versions: on the site, in links and in the history. Drafts are not. */
export function isPublished(status: PolicyStatus): boolean {
  return status !== 'draft';
}
