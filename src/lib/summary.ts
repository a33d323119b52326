/** Summaries of the handbook shown on the home page, the changes page and the feed. */
import type { Handbook, Policy, PolicyVersion } from './model.ts';
import { compareVersions } from './versions.ts';
import type { ReviewState } from './review.ts';

/** How many policies are in each review state. */
export function reviewSummary(handbook: Handbook): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = { overdue: 0, due: 0, current: 0 };
  for (const p of handbook.policies) counts[p.review.state] += 1;
  return counts;
}

export interface VersionChange {
  policy: Policy;
  version: PolicyVersion;
  previous?: PolicyVersion;
}

/** Every published version across the handbook, newest effective date first. */
export function allChanges(handbook: Handbook): VersionChange[] {
  return handbook.policies
    .flatMap((policy) =>
      policy.versions.map((version, i) => {
        const previous = policy.versions[i - 1];
        return previous ? { policy, version, previous } : { policy, version };
      }),
    )
    .sort(
      (a, b) =>
        b.version.data.effective.localeCompare(a.version.data.effective) ||
        a.policy.slug.localeCompare(b.policy.slug) ||
        compareVersions(b.version.version, a.version.version),
    );
}
