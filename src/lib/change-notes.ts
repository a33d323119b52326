/**
 * The change notes a comparison spans: every version after `from` up to and including `to`, each
 * under its version and date. One markup for the static compare pages and for pairs redlined in
 * the browser (src/client/compare-anywhere.ts), so both read the same.
 */
import { escapeHtml } from './diff/html.ts';
import type { VersionState } from './versions.ts';

export interface NotedVersion {
  version: string;
  /** `draft` only in the dev server's preview. */
  state: VersionState | 'draft';
  effective: string;
  /** The effective date in the handbook's date style. */
  effectiveText: string;
  changes: readonly string[];
}

/** The notes as HTML (every piece of text escaped), or '' when no spanned version has any. */
export function changeNotesHtml(spanned: readonly NotedVersion[]): string {
  if (!spanned.some((v) => v.changes.length > 0)) return '';
  const e = escapeHtml;
  const first = spanned[0]!;
  const last = spanned.at(-1)!;
  const heading = spanned.length === 1 ? `Change notes for version ${e(last.version)}` : `Change notes from version ${e(first.version)} to ${e(last.version)}`;
  return (
    `<h3>${heading}</h3>` +
    spanned
      .map(
        (v) =>
          `<section class="change-notes" aria-label="Version ${e(v.version)}"><h4>Version ${e(v.version)}, ${v.state === 'upcoming' ? 'takes effect' : 'effective'} <time datetime="${e(v.effective)}">${e(v.effectiveText)}</time></h4>` +
          (v.changes.length ? `<ul>${v.changes.map((c) => `<li>${e(c)}</li>`).join('')}</ul>` : '<p>No change notes.</p>') +
          `</section>`,
      )
      .join('')
  );
}
