/** Summaries of the handbook shown on the home page, the changes page and the feed. */
import type { Handbook, Policy, PolicyVersion } from './model.ts';
import { compareVersions } from './versions.ts';

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
