/** The redline as plain or coloured text (the CLI's default) and as Markdown. */
import { inlineHtml } from './html.ts';
import { cellChanges, movedAs, notes, shown, summaryLine, units, words } from './layout.ts';
import type { BlockDiff, Change, Redline } from './types.ts';

interface Style {
  insert: (text: string) => string;
  delete: (text: string) => string;
  escape: (text: string) => string;
  /** Indentation per list level. */
  indent: string;
  /** A whole code block, already marked up. */
  code: (d: BlockDiff) => string;
  /** Keeps a paragraph's first characters from reading as other syntax. */
  lineStart: (text: string) => string;
}

const ANSI_RESET = '\x1b[0m';

function textStyle(color: boolean): Style {
  const style: Style = {
    // Underline and strikethrough as well as colour, so the change reads without colour too.
    insert: color ? (s) => `\x1b[4;32m${s}${ANSI_RESET}` : (s) => `[+${s}+]`,
    delete: color ? (s) => `\x1b[9;31m${s}${ANSI_RESET}` : (s) => `[-${s}-]`,
    // Control characters are dropped so policy text cannot drive the terminal.
    escape: (s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ''),
    indent: '  ',
    code: (d) => inline(words(d), style).replace(/^/gm, '    '),
    lineStart: (s) => s,
  };
  return style;
}

const markdownStyle: Style = {
  insert: (s) => `<ins>${s}</ins>`,
  delete: (s) => `<del>${s}</del>`,
  escape: (s) => s.replace(/&/g, '&amp;').replace(/[\\`*_[\]<>|~#]/g, '\\$&'),
  // Four spaces nest under both "- " and "10. ".
  indent: '    ',
  // Markdown would not mark up words inside a fenced block; an HTML <pre> (which
  // may hold blank lines) keeps <ins>/<del> working.
  code: (d) => `<pre><code>${inlineHtml(words(d), false)}</code></pre>`,
  lineStart: (s) => s.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+])(?=\s|$)/, '\\$1'),
};

function inline(changes: Change[], style: Style): string {
  return changes.map(({ type, value }) => (!value ? '' : type === 'same' ? style.escape(value) : style[type](style.escape(value)))).join('');
}

function unitLines(unit: BlockDiff[], style: Style): string[] {
  const lines: string[] = [];
  const numbers: number[] = [];
  unit.forEach((d, index) => {
    const block = shown(d);
    const moved = movedAs(d) ? '(moved) ' : '';
    const text = () => moved + inline(words(d), style);
    switch (block.kind) {
      case 'heading':
        lines.push(`${'#'.repeat(block.depth ?? 2)} ${text()}`);
        break;
      case 'listItem': {
        const depth = block.depth ?? 1;
        numbers.length = depth;
        numbers[depth - 1] = (numbers[depth - 1] ?? 0) + 1;
        lines.push(`${style.indent.repeat(depth - 1)}${block.ordered ? `${numbers[depth - 1]}.` : '-'} ${text()}`);
        break;
      }
      case 'tableRow': {
        const cells = cellChanges(d).map((c) => inline(c, style));
        lines.push(`| ${moved}${cells.join(' | ')} |`);
        // GFM needs a delimiter row after the head; it also reads well as text.
        const next = unit[index + 1];
        if (block.header && !(next && shown(next).header)) lines.push(`|${cells.map(() => ' --- ').join('|')}|`);
        break;
      }
      case 'quote':
        lines.push(`> ${text()}`);
        break;
      case 'code':
        // On a line of its own, so a Markdown <pre> still starts a line.
        if (moved) lines.push(moved.trim());
        lines.push(style.code(d));
        break;
      default:
        lines.push(style.lineStart(text()));
    }
  });
  // What changed besides the words, after the block, list or table (a line inside a table
  // would end it), each note once: "Note: Link “portal”: address changed from [-a-] to [+b+]".
  const said = new Set<string>();
  for (const d of unit) {
    for (const note of notes(d)) {
      const line = `Note: ${inline(note, style)}`;
      if (!said.has(line)) lines.push(line);
      said.add(line);
    }
  }
  return lines;
}

function render(r: Redline, style: Style): string {
  const head = style.escape(summaryLine(r));
  if (r.identical) return `${head}\n`;
  return `${[head, ...units(r.blocks).map((unit) => unitLines(unit, style).join('\n'))].join('\n\n')}\n`;
}

/**
 * The redline as text: a summary line, then each block on its own paragraph
 * (list items and table rows on consecutive lines). With `color` (a terminal),
 * insertions are green and underlined and deletions red and struck through;
 * without, they read `[+inserted+]` and `[-deleted-]`.
 */
export function redlineToText(r: Redline, options: { color?: boolean } = {}): string {
  return render(r, textStyle(options.color === true));
}

/**
 * The redline as GitHub-flavoured Markdown: a summary line, headings as `#`,
 * lists and tables as Markdown, changed words in `<ins>`/`<del>` (which GitHub
 * renders underlined and struck through); policy text is escaped.
 */
export function redlineToMarkdown(r: Redline): string {
  return render(r, markdownStyle);
}
