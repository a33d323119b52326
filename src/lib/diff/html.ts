/**
 * The redline as HTML, for the compare page and `diff --format html`.
 *
 * Every piece of policy text goes through escapeHtml: nothing a policy says is
 * ever written into the page as markup.
 */
import { cellChanges, movedAs, NO_DIFFERENCES, notes, shown, units, words } from './layout.ts';
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

/**
 * A block's notes (links re-pointed, list style, heading level, split, join), each a
 * `<span class="rl-note">` shown on a line of its own, on screen and on paper.
 */
function notesHtml(d: BlockDiff, skip?: Set<string>): string {
  return notes(d)
    .map((note) => `<span class="rl-note">${inlineHtml(note)}</span>`)
    .filter((html) => !skip || (!skip.has(html) && skip.add(html)))
    .join('');
}

function blockHtml(d: BlockDiff): string {
  const block = shown(d);
  const inner = movedNote(d) + inlineHtml(words(d)) + (block.kind === 'heading' ? '' : notesHtml(d));
  switch (block.kind) {
    case 'heading': {
      // The page's own title is the h1, so policy headings start at h2.
      const tag = `h${Math.min(6, Math.max(2, block.depth ?? 2))}`;
      // A heading's notes follow it, so they are not part of its name.
      const after = notesHtml(d);
      return `<${tag} ${classes(d)}>${inner}</${tag}>${after && `<p class="rl-notes">${after}</p>`}`;
    }
    case 'code':
      return `<pre ${classes(d)}><code>${movedNote(d) + inlineHtml(words(d))}</code></pre>${notesHtml(d) && `<p class="rl-notes">${notesHtml(d)}</p>`}`;
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
  // A list whose style changed says so once, not on every item.
  const said = new Set<string>();
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
    html += `<li ${classes(d)}>${movedNote(d)}${inlineHtml(words(d))}${notesHtml(d, said)}`;
  }
  while (open.length) html += `</li></${open.pop()?.tag}>`;
  return html;
}

function rowHtml(d: BlockDiff, cell: 'th' | 'td'): string {
  const scope = cell === 'th' ? ' scope="col"' : '';
  const changes = cellChanges(d);
  const cells = changes.map((c, k) => `<${cell}${scope}>${k === 0 ? movedNote(d) : ''}${inlineHtml(c)}${k === changes.length - 1 ? notesHtml(d) : ''}</${cell}>`);
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

/** An unchanged unit waiting to be folded, and its heading level when it is a heading. */
interface Pending {
  html: string;
  count: number;
  heading?: number;
}

/**
 * The headings among the unchanged units before a change that head it: the nearest heading
 * above it of each higher level (h2 above h3…), so changes-only shows where each change is.
 */
function headingPath(pending: Pending[], unit: BlockDiff[]): Set<Pending> {
  const first = shown(unit[0]!);
  let limit = first.kind === 'heading' ? (first.depth ?? 2) : Infinity;
  const path = new Set<Pending>();
  for (let k = pending.length - 1; k >= 0 && limit > 1; k--) {
    const p = pending[k]!;
    if (p.heading !== undefined && p.heading < limit) {
      path.add(p);
      limit = p.heading;
    }
  }
  return path;
}

/**
 * The redline as HTML: block elements in document order, each marked `rl-same`,
 * `rl-ins`, `rl-del` or `rl-chg` (plus `rl-moved`); `<ins>`/`<del>` inside, and
 * `<span class="rl-note">` for what changed besides the words (a link's address,
 * list style, heading level, a split or join).
 *
 * Each run of unchanged top-level units is wrapped in
 * `<div class="rl-unchanged" data-count="N">` after a `<p class="rl-fold">`
 * saying how many blocks it holds; the page shows one or the other ("changes
 * only" / full text). The headings above a change (its heading path) are kept
 * out of the folds, so changes-only still shows under which heading each change
 * is. A list or table with any change is never split: it stays whole, its
 * unchanged items marked `rl-same`, as context. Identical versions give
 * `<p class="rl-none">`.
 */
export function redlineToHtml(r: Redline): string {
  if (r.identical) return `<p class="rl-none">${NO_DIFFERENCES}</p>`;
  const out: string[] = [];
  let pending: Pending[] = [];
  const fold = (items: Pending[]) => {
    const count = items.reduce((n, p) => n + p.count, 0);
    if (!count) return;
    out.push(
      `<p class="rl-fold">${count} unchanged block${count === 1 ? '' : 's'} hidden</p>`,
      `<div class="rl-unchanged" data-count="${count}">\n${items.map((p) => p.html).join('\n')}\n</div>`,
    );
  };
  const flush = (path: Set<Pending>) => {
    let run: Pending[] = [];
    for (const p of pending) {
      if (!path.has(p)) {
        run.push(p);
        continue;
      }
      fold(run);
      run = [];
      out.push(p.html);
    }
    fold(run);
    pending = [];
  };
  for (const unit of units(r.blocks)) {
    if (unit.every((d) => d.type === 'same')) {
      const first = shown(unit[0]!);
      pending.push({ html: unitHtml(unit), count: unit.length, ...(first.kind === 'heading' ? { heading: first.depth ?? 2 } : {}) });
    } else {
      flush(headingPath(pending, unit));
      out.push(unitHtml(unit));
    }
  }
  flush(new Set());
  return out.join('\n');
}
