/**
 * Version rules: order, and which version is current, upcoming, superseded or withdrawn on a day.
 *
 * One implementation for the site, the CLI, the browser and the tests. Drafts never reach these
 * functions: callers pass published versions only. A withdrawal is a dated change like a new
 * version: from its date nothing is in force.
 */
import type { CalendarDate } from './dates.ts';

/**
 * MAJOR.MINOR without leading zeros: 1.0, 1.10, 2.0. Here rather than in the schema, so the
 * browser scripts that import these rules do not bundle zod with it.
 */
export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const VERSION_STATES = ['current', 'superseded', 'upcoming', 'withdrawn'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export function isVersion(value: string): boolean {
  return VERSION_PATTERN.test(value);
}

function parts(version: string): [number, number] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return [major, minor];
}

/** Numeric order of MAJOR.MINOR versions: 1.9 before 1.10 before 2.0. */
export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The next version number: a minor bump (1.9 → 1.10), or a major one (1.9 → 2.0). */
export function nextVersion(version: string, kind: 'minor' | 'major' = 'minor'): string {
  const [major, minor] = parts(version);
  return kind === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

export interface Dated {
  version: string;
  effective: CalendarDate;
  /** Written on a policy's latest version only: the day the whole policy stops applying. */
  withdrawn?: CalendarDate | undefined;
}

export interface Classified<T extends Dated> {
  item: T;
  state: VersionState;
  /** For a superseded version: the version that replaced it, and since when. */
  supersededBy?: T;
}

function latestOf<T extends Dated>(versions: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const v of versions) if (!latest || compareVersions(v.version, latest.version) > 0) latest = v;
  return latest;
}

/**
 * The day a policy is withdrawn (scheduled or past): the `withdrawn` date of its latest version.
 * A withdrawal written on an older version does not count; the content check reports it.
 */
export function withdrawalDate(versions: readonly Dated[]): CalendarDate | undefined {
  return latestOf(versions)?.withdrawn;
}

/** Whether the policy has been withdrawn by `date` (on its withdrawal day, it no longer applies). */
export function isWithdrawnOn(versions: readonly Dated[], date: CalendarDate): boolean {
  const off = withdrawalDate(versions);
  return off !== undefined && off <= date;
}

/** The latest version whose effective date has come by `date`, withdrawal aside. */
function latestEffective<T extends Dated>(versions: readonly T[], date: CalendarDate): T | undefined {
  return latestOf(versions.filter((v) => v.effective <= date));
}

/**
 * The version in force on `date`: the latest version whose effective date has come, unless
 * the policy has been withdrawn by then.
 *
 * @param versions published versions, in any order
 * @returns `undefined` when no version had taken effect yet, or the policy is withdrawn
 *   (tell the two apart with `isWithdrawnOn`)
 */
export function versionInForce<T extends Dated>(versions: readonly T[], date: CalendarDate): T | undefined {
  return isWithdrawnOn(versions, date) ? undefined : latestEffective(versions, date);
}

/**
 * Classifies published versions on `today`, oldest first.
 *
 * The current version is the latest whose effective date has come; versions after it
 * are upcoming; versions before it are superseded by the next one in force. Once the policy
 * is withdrawn, the version in force until then is `withdrawn` instead of current, and so is
 * any version that never took effect.
 */
export function classifyVersions<T extends Dated>(versions: readonly T[], today: CalendarDate): Classified<T>[] {
  const sorted = [...versions].sort((a, b) => compareVersions(a.version, b.version));
  const off = withdrawalDate(sorted);
  const withdrawn = off !== undefined && off <= today;
  // Withdrawn: the last version that took effect before the withdrawal day.
  const current = withdrawn ? latestOf(sorted.filter((v) => v.effective < off)) : latestEffective(sorted, today);
  const currentIndex = current ? sorted.indexOf(current) : -1;
  return sorted.map((item, i) => {
    if (withdrawn && i >= currentIndex) return { item, state: 'withdrawn' };
    if (i === currentIndex) return { item, state: 'current' };
    if (i > currentIndex) return { item, state: 'upcoming' };
    // Before the current version, so never the last.
    return { item, state: 'superseded', supersededBy: sorted[i + 1]! };
  });
}

/**
 * The versions a comparison from `from` to `to` spans: every version after `from` up to and
 * including `to`, oldest first (their change notes are what changed between the two).
 */
export function versionsBetween<T extends { version: string }>(versions: readonly T[], from: string, to: string): T[] {
  return [...versions]
    .filter((v) => compareVersions(v.version, from) > 0 && compareVersions(v.version, to) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}
