/**
 * The redline as HTML, for the compare page and `diff --format html`.
 *
 * Every piece of policy text goes through escapeHtml: nothing a policy says is
 * ever written into the page as markup.
 */
import { cellChanges, movedAs, NO_DIFFERENCES, shown, units, words } from './layout.ts';
import type { BlockDiff, Change, Redline } from './types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const TAG = { insert: 'ins', delete: 'del' } as const;
const LABEL = { insert: 'inserted', delete: 'deleted' } as const;
const CLASS = { same: 'rl-same', insert: 'rl-ins', delete: 'rl-del', change: 'rl-chg' } as const;
const MOVED_NOTE = {
  insert: 'Moved here from elsewhere in this policy. ',
  delete: 'Moved from here to elsewhere in this policy. ',
} as const;

/**
 * Changes as inline HTML: `<ins>`/`<del>` are underlined/struck through without
 * colour; with `announce`, each starts with a visually hidden "inserted: " /
 * "deleted: " because screen readers do not announce the elements themselves.
 */
export function inlineHtml(changes: Change[], announce = true): string {
  return changes
    .map(({ type, value }) => {
      if (!value || type === 'same') return escapeHtml(value);
      const label = announce ? `<span class="visually-hidden">${LABEL[type]}: </span>` : '';
      return `<${TAG[type]}>${label}${escapeHtml(value)}</${TAG[type]}>`;
    })
    .join('');
}

function classes(d: BlockDiff, extra?: string): string {
  return `class="${[extra, CLASS[d.type], movedAs(d) && 'rl-moved'].filter(Boolean).join(' ')}"`;
}

function movedNote(d: BlockDiff): string {
  const moved = movedAs(d);
  return moved ? `<span class="visually-hidden">${MOVED_NOTE[moved]}</span>` : '';
}

function blockHtml(d: BlockDiff): string {
  const block = shown(d);
  const inner = movedNote(d) + inlineHtml(words(d));
  switch (block.kind) {
    case 'heading': {
      // The page's own title is the h1, so policy headings start at h2.
      const tag = `h${Math.min(6, Math.max(2, block.depth ?? 2))}`;
      return `<${tag} ${classes(d)}>${inner}</${tag}>`;
    }
    case 'code':
      return `<pre ${classes(d)}><code>${inner}</code></pre>`;
    case 'quote':
      return `<blockquote ${classes(d)}><p>${inner}</p></blockquote>`;
    case 'component':
      return `<div ${classes(d, 'rl-component')}><p>${inner}</p></div>`;
    case 'rule':
      // A rule has no text to wrap in <ins>/<del>; its label announces the change instead.
      return `<hr ${classes(d)}${d.type === 'insert' || d.type === 'delete' ? ` aria-label="${LABEL[d.type]} horizontal rule"` : ''}>`;
    default:
      return `<p ${classes(d)}>${inner}</p>`;
  }
}

/** Consecutive list items as nested `<ul>`/`<ol>` following each item's depth. */
function listHtml(items: BlockDiff[]): string {
  let html = '';
  const open: Array<{ depth: number; tag: string }> = [];
  for (const d of items) {
    const block = shown(d);
    const depth = block.depth ?? 1;
    while ((open.at(-1)?.depth ?? 0) > depth) html += `</li></${open.pop()?.tag}>`;
    if (open.at(-1)?.depth === depth) html += '</li>';
    else {
      const tag = block.ordered ? 'ol' : 'ul';
      open.push({ depth, tag });
      html += `<${tag}>`;
    }
    html += `<li ${classes(d)}>${movedNote(d)}${inlineHtml(words(d))}`;
  }
  while (open.length) html += `</li></${open.pop()?.tag}>`;
  return html;
}

function rowHtml(d: BlockDiff, cell: 'th' | 'td'): string {
  const scope = cell === 'th' ? ' scope="col"' : '';
  const cells = cellChanges(d).map((c, k) => `<${cell}${scope}>${k === 0 ? movedNote(d) : ''}${inlineHtml(c)}</${cell}>`);
  return `<tr ${classes(d)}>${cells.join('')}</tr>`;
}

function tableHtml(rows: BlockDiff[]): string {
  const head = rows.filter((d) => shown(d).header).map((d) => rowHtml(d, 'th'));
  const body = rows.filter((d) => !shown(d).header).map((d) => rowHtml(d, 'td'));
  return `<table>${head.length ? `<thead>${head.join('')}</thead>` : ''}${body.length ? `<tbody>${body.join('')}</tbody>` : ''}</table>`;
}

function unitHtml(unit: BlockDiff[]): string {
  const first = unit[0];
  if (!first) return '';
  const kind = shown(first).kind;
  return kind === 'listItem' ? listHtml(unit) : kind === 'tableRow' ? tableHtml(unit) : blockHtml(first);
}

/**
 * The redline as HTML: block elements in document order, each marked `rl-same`,
 * `rl-ins`, `rl-del` or `rl-chg` (plus `rl-moved`); `<ins>`/`<del>` inside.
 *
 * Each run of unchanged top-level units is wrapped in
 * `<div class="rl-unchanged" data-count="N">` after a `<p class="rl-fold">`
 * saying how many blocks it holds; the page shows one or the other ("changes
 * only" / full text). A list or table with any change is never split: it stays
 * whole, its unchanged items marked `rl-same`, as context. Identical versions
 * give `<p class="rl-none">`.
 */
export function redlineToHtml(r: Redline): string {
  if (r.identical) return `<p class="rl-none">${NO_DIFFERENCES}</p>`;
  const out: string[] = [];
  let unchanged: string[] = [];
  let count = 0;
  const fold = () => {
    if (!count) return;
    out.push(
      `<p class="rl-fold">${count} unchanged block${count === 1 ? '' : 's'} hidden</p>`,
      `<div class="rl-unchanged" data-count="${count}">\n${unchanged.join('\n')}\n</div>`,
    );
    unchanged = [];
    count = 0;
  };
  for (const unit of units(r.blocks)) {
    if (unit.every((d) => d.type === 'same')) {
      unchanged.push(unitHtml(unit));
      count += unit.length;
    } else {
      fold();
      out.push(unitHtml(unit));
    }
  }
  fold();
  return out.join('\n');
}
