/**
 * Any two versions at the compare address. Only some pairs are built as pages
 * (src/lib/compare-pairs.ts); for any other, the host serves 404.html, and this script (loaded
 * by the 404 page) sees a compare address, fetches the two versions' block data written at build
 * time, and redlines them with the same src/lib/diff code the static pages use, in the page. If
 * the policy or a version does not exist, the "not found" page stays.
 */
import { parseCompareAddress, versionBlocksPath, type VersionBlocks } from '../lib/compare-data.ts';
// The browser-safe parts of the redline (not the parser, which runs at build time only).
import { escapeHtml, redlineToHtml } from '../lib/diff/html.ts';
import { diffMetadata } from '../lib/diff/metadata.ts';
import { redline } from '../lib/diff/redline.ts';
import { summaryPoints } from '../lib/diff/layout.ts';
import { changeNotesHtml } from '../lib/change-notes.ts';
import { href, withBase } from '../lib/routes.ts';
import { compareVersions, versionsBetween } from '../lib/versions.ts';
import { bindComparePicker } from './compare-picker.ts';
import { keepViewInAddress } from './compare-view.ts';

const base = document.body.dataset['base'] ?? '/';
const url = (path: string) => withBase(base, path);

async function load(slug: string, version: string): Promise<VersionBlocks | undefined> {
  const response = await fetch(url(versionBlocksPath(slug, version)));
  return response.ok ? ((await response.json()) as VersionBlocks) : undefined;
}

const describe = (v: VersionBlocks) => `Version ${v.version}, ${v.state === 'upcoming' ? 'takes effect' : 'effective'} ${v.effectiveText}`;

/** The compare page's content, as the static page lays it out (src/components/pages/Compare.astro). */
function pageHtml(from: VersionBlocks, to: VersionBlocks, spanned: VersionBlocks[]): string {
  const result = redline(from.blocks, to.blocks);
  const metadata = diffMetadata(from.details, to.details);
  const e = escapeHtml;
  const template = url(href.compare(to.slug, 'FROM', 'TO'));
  const options = (selected: string) => to.versions.map((v) => `<option${v === selected ? ' selected' : ''}>${e(v)}</option>`).join('');
  return [
    `<h1>${e(to.title)}: changes from version ${e(from.version)} to ${e(to.version)}</h1>`,
    `<ul class="compare-versions"><li>From: <a href="${e(url(href.version(from)))}">${e(describe(from))}</a></li><li>To: <a href="${e(url(href.version(to)))}">${e(describe(to))}</a></li></ul>`,
    `<form class="compare-picker" method="get" data-compare-template="${e(template)}" data-pagefind-ignore><fieldset><legend>Compare two versions</legend>` +
      `<label>From <select name="from">${options(from.version)}</select></label> <label>To <select name="to">${options(to.version)}</select></label> ` +
      `<button type="submit">Compare</button><p class="compare-error" role="alert" hidden></p></fieldset></form>`,
    `<section class="redline-summary" aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2>` +
      (result.identical && metadata.length === 0 ? '<p>No differences between these versions.</p>' : `<ul>${summaryPoints(result).map((p) => `<li>${e(p)}</li>`).join('')}</ul>`) +
      changeNotesHtml(spanned) +
      `</section>`,
    metadata.length
      ? `<section aria-labelledby="metadata-heading"><h2 id="metadata-heading">Details changed</h2><table class="data"><thead><tr><th scope="col">Detail</th><th scope="col">Version ${e(from.version)}</th><th scope="col">Version ${e(to.version)}</th></tr></thead><tbody>` +
        metadata.map((m) => `<tr><th scope="row">${e(m.label)}</th><td><del>${e(m.from)}</del></td><td><ins>${e(m.to)}</ins></td></tr>`).join('') +
        `</tbody></table></section>`
      : '',
    `<section class="redline" aria-labelledby="text-heading"><h2 id="text-heading">Text</h2>` +
      `<div class="legend" role="note"><span><ins>Inserted text</ins> is underlined</span><span><del>Deleted text</del> is struck through</span><span>Bars in the margin mark changed blocks</span></div>` +
      (result.identical ? '' : `<p class="no-print"><label><input type="checkbox" id="changes-only" /> Show changes only (fold unchanged text)</label></p>`) +
      // redlineToHtml escapes every piece of policy text.
      `<div class="redline-body">${redlineToHtml(result)}</div></section>`,
    `<p class="compare-browser-note">This comparison was redlined in your browser from the two published versions.</p>`,
  ].join('\n');
}

async function show(): Promise<void> {
  const path = location.pathname.startsWith(base) ? `/${location.pathname.slice(base.length)}` : location.pathname;
  const pair = parseCompareAddress(path);
  if (!pair) return;
  if (compareVersions(pair.from, pair.to) > 0) {
    location.replace(url(href.compare(pair.slug, pair.to, pair.from)) + location.search);
    return;
  }
  const [from, to] = await Promise.all([load(pair.slug, pair.from), load(pair.slug, pair.to)]);
  const main = document.querySelector<HTMLElement>('main');
  if (!from || !to || from.version === to.version || !main) return;
  // The change notes of every version between the two, not only the last one's.
  const between = versionsBetween(to.versions.map((version) => ({ version })), from.version, to.version).filter((v) => v.version !== to.version);
  const spanned = [...(await Promise.all(between.map((v) => load(pair.slug, v.version)))).filter((v) => v !== undefined), to];
  main.innerHTML = pageHtml(from, to, spanned);
  document.body.classList.replace('kind-not-found', 'kind-compare');
  document.title = document.title.replace(/^[^·]*/, `${to.title}: changes from ${from.version} to ${to.version} `);
  const form = main.querySelector<HTMLFormElement>('form.compare-picker');
  if (form) bindComparePicker(form);
  const box = main.querySelector<HTMLInputElement>('#changes-only');
  if (box) keepViewInAddress(box);
}

void show();
