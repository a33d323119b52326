/**
 * The redline's smaller parts, each output written out by hand: parsing a version once
 * (sources.ts), the frontmatter comparison (metadata.ts), rules and task items (tokens.ts), and
 * the text and Markdown writers (text.ts) on nested lists, quotes, code, tables and text that
 * would read as Markdown syntax. diff.test.ts covers the redline itself.
 */
import { describe, expect, it } from 'vitest';
import { diffMetadata, metadataFields, parseBlocks, redlineSources, redlineToHtml, redlineToMarkdown, redlineToText, redlineVersions } from '../../src/lib/diff.ts';
import { cellChanges, movedAs, notes, shown, summaryLine, summaryPoints, units } from '../../src/lib/diff/layout.ts';
import { linkChanges } from '../../src/lib/diff/redline.ts';
import { blocksOf } from '../../src/lib/diff/sources.ts';
import type { BlockDiff, Redline } from '../../src/lib/diff/types.ts';

const doc = (...blocks: string[]) => blocks.join('\n\n') + '\n';
/** The lines of a redline after its summary line and the blank line below it. */
const text = (before: string, after: string) => redlineToText(redlineSources(before, after), { color: false }).split('\n').slice(2);
const markdown = (before: string, after: string) => redlineToMarkdown(redlineSources(before, after)).split('\n').slice(2);

describe('blocksOf and redlineVersions', () => {
  it('parses a version once per version object, as MDX only when it is .mdx', () => {
    const md = { body: '<Note>Hi there</Note>\n', format: 'md' as const };
    expect(blocksOf(md)).toBe(blocksOf(md));
    // In Markdown the tag is HTML, which renders no text of its own; in MDX it is a component.
    expect(blocksOf(md)).toEqual([{ kind: 'paragraph', text: 'Hi there' }]);
    expect(blocksOf({ body: '<Note>Hi there</Note>\n', format: 'mdx' })).toEqual([{ kind: 'component', name: 'Note', text: 'Note: Hi there' }]);
  });
  it('redlines two versions as redlineSources does their texts', () => {
    const from = { body: doc('Keep files for six years.'), format: 'md' as const };
    const to = { body: doc('Keep files for seven years.'), format: 'md' as const };
    expect(redlineVersions(from, to)).toEqual(redlineSources(from.body, to.body));
    expect(redlineToText(redlineVersions(from, to)).split('\n')[2]).toBe('Keep files for [-six-] [+seven+] years.');
  });
});

describe('diffMetadata and metadataFields', () => {
  it('reads a missing value, null and an empty or blank one alike as "—"', () => {
    expect(diffMetadata({ owner: null, summary: '' }, { summary: '   ' })).toEqual([]);
    expect(diffMetadata({ owner: null }, { owner: 'Records Manager' })).toEqual([{ field: 'owner', label: 'Owner', from: '—', to: 'Records Manager' }]);
  });
  it('writes one month in the singular, and only the review interval in months', () => {
    expect(diffMetadata({ reviewEveryMonths: 1, title: 2025 }, { reviewEveryMonths: 2, title: 2026 })).toEqual([
      { field: 'title', label: 'Title', from: '2025', to: '2026' },
      { field: 'reviewEveryMonths', label: 'Review interval', from: '1 month', to: '2 months' },
    ]);
  });
  it('collapses runs of spaces and trims, so only a change of words counts', () => {
    expect(diffMetadata({ summary: '  How we keep   records. ' }, { summary: 'How we keep records.' })).toEqual([]);
    expect(diffMetadata({ tags: ['a', 'b'] }, { tags: ['a', ' b'] })).toEqual([]);
  });
  it('keeps only the fields it compares, and none that is missing', () => {
    expect(metadataFields({ title: 'Records', owner: undefined, effective: '2026-01-01', status: 'active', tags: ['files'], reviewEveryMonths: 12 })).toEqual({ title: 'Records', tags: ['files'], reviewEveryMonths: 12 });
    expect(metadataFields({})).toEqual({});
  });
});

describe('rules and task items', () => {
  it('shows a rule as ---, and a ticked task item with its box', () => {
    expect(text(doc('Intro.', 'End.'), doc('Intro.', '---', 'End.'))).toEqual(['Intro.', '', '[+---+]', '', 'End.', '']);
    expect(text(doc('- [ ] Lock the cabinet'), doc('- [x] Lock the cabinet'))).toEqual(['- [-☐-][+☑+] Lock the cabinet', '']);
  });
});

describe('redlineToText', () => {
  it('indents nested list items by two spaces a level, numbering each level', () => {
    expect(text(doc('1. Open\n2. Check\n   - Identity\n   - Funds of the client'), doc('1. Open\n2. Check\n   - Identity\n   - Funds of the new client'))).toEqual([
      '1. Open',
      '2. Check',
      '  - Identity',
      '  - Funds of the [+new+] client',
      '',
    ]);
  });
  it('writes quotes with >, code indented four spaces, and drops control characters', () => {
    expect(text(doc('> Ask the partner first.'), doc('> Ask the supervising partner first.'))).toEqual(['> Ask the [+supervising+] partner first.', '']);
    expect(text(doc('```\nrm old\n```'), doc('```\nrm new\n```'))).toEqual(['    rm [-old-] [+new+]', '']);
    // The bell inserted is a change, but never reaches the terminal.
    expect(text(doc('Call now.'), doc('Call \u0007now.'))).toEqual(['Call [++]now.', '']);
  });
  it('a table head replaced whole: both head rows, then one delimiter row', () => {
    expect(text(doc('| A | B |\n| --- | --- |\n| 1 | 2 |'), doc('| C | D |\n| --- | --- |\n| 1 | 2 |'))).toEqual(['| [-A-] | [-B-] |', '| [+C+] | [+D+] |', '| --- | --- |', '| 1 | 2 |', '']);
  });
  it('puts the delimiter row after the table head only', () => {
    expect(text(doc('| A | B |\n| --- | --- |\n| 1 | 2 |'), doc('| A | B |\n| --- | --- |\n| 1 | 3 |'))).toEqual(['| A | B |', '| --- | --- |', '| 1 | [-2-][+3+] |', '']);
  });
});

describe('redlineToMarkdown', () => {
  it('escapes a paragraph that would read as a numbered or bulleted list item', () => {
    // Written escaped in the source, so each is a paragraph; a changed word keeps its start as text.
    // Only at the start of a line: "10. " or " - " later on reads as text.
    expect(markdown(doc('Keep it for 10. Then - stop.'), doc('Keep it for 10. Then - stop now.'))).toEqual(['Keep it for 10. Then - stop <ins>now</ins>.', '']);
    const before = doc('10\\. of them were lost', '2026\\.', '7\\) were kept', '\\- not a list', '\\+ nor this', '1.5 million were lost', '-1 degrees');
    const after = doc('10\\. of them were found', '2026\\.', '7\\) were sent', '\\- not a list here', '\\+ nor this one', '1.5 million were found', '-1 degrees today');
    expect(markdown(before, after)).toEqual([
      '10\\. of them were <del>lost</del> <ins>found</ins>',
      '',
      '2026\\.',
      '',
      '7\\) were <del>kept</del> <ins>sent</ins>',
      '',
      '\\- not a list <ins>here</ins>',
      '',
      '\\+ nor this <ins>one</ins>',
      '',
      '1.5 million were <del>lost</del> <ins>found</ins>',
      '',
      '-1 degrees <ins>today</ins>',
      '',
    ]);
  });
  it('escapes Markdown characters and ampersands in the text, and writes code as <pre>', () => {
    expect(markdown(doc('Use \\*stars\\* & &lt;tags&gt; | \\[links\\] #1 \\`x\\` ~y\\_ \\\\ ok'), doc('Use \\*stars\\* & &lt;tags&gt; | \\[links\\] #1 \\`x\\` ~y\\_ \\\\ now'))).toEqual([
      'Use \\*stars\\* &amp; \\<tags\\> \\| \\[links\\] \\#1 \\`x\\` \\~y\\_ \\\\ <del>ok</del> <ins>now</ins>',
      '',
    ]);
    expect(markdown(doc('```\nrm old\n```'), doc('```\nrm new\n```'))).toEqual(['<pre><code>rm <del>old</del> <ins>new</ins></code></pre>', '']);
  });
});

describe('layout: summaries, units and notes, from redlines written by hand', () => {
  const summary = (fields: Partial<Redline['summary']> = {}): Redline['summary'] => ({
    sectionsChanged: [],
    wordsAdded: 0,
    wordsRemoved: 0,
    blocksAdded: 0,
    blocksRemoved: 0,
    blocksChanged: 0,
    blocksMoved: 0,
    linksChanged: 0,
    formatChanged: 0,
    blocksSplit: 0,
    blocksJoined: 0,
    formattingOnly: false,
    ...fields,
  });
  const redlineOf = (fields: Partial<Redline['summary']>, identical = false): Redline => ({ blocks: [], identical, summary: summary(fields) });

  it('summaryPoints: words and blocks in the singular and plural, what is not words, and the sections', () => {
    expect(summaryPoints(redlineOf({}, true))).toEqual([]);
    expect(summaryPoints(redlineOf({ wordsAdded: 1, wordsRemoved: 2, blocksChanged: 1, blocksAdded: 3, blocksRemoved: 4, sectionsChanged: ['Scope', 'Records'] }))).toEqual([
      '1 word added, 2 words removed',
      '1 block changed, 3 added, 4 removed',
      'Sections changed: Scope; Records',
    ]);
    expect(summaryPoints(redlineOf({ wordsAdded: 2, blocksChanged: 2, blocksMoved: 1, linksChanged: 1, formatChanged: 2, blocksSplit: 1, blocksJoined: 2 }))).toEqual([
      '2 words added, 0 words removed',
      '2 blocks changed, 0 added, 0 removed, 1 moved',
      'Not in the words: 1 link changed, 2 list styles or heading levels changed, 1 block split, 2 blocks joined',
    ]);
    expect(summaryPoints(redlineOf({ formattingOnly: true, linksChanged: 2, formatChanged: 1 }))).toEqual(['Formatting and links only: no words changed (2 links changed, 1 list style or heading level changed)']);
  });

  it('summaryLine: the same in one line', () => {
    expect(summaryLine(redlineOf({}, true))).toBe('No differences between these versions.');
    expect(summaryLine(redlineOf({ wordsAdded: 5, wordsRemoved: 1, blocksAdded: 1, blocksChanged: 2, blocksMoved: 1, blocksSplit: 2, sectionsChanged: ['Scope', 'Records'] }))).toBe(
      'Sections changed: Scope, Records. Words: 5 added, 1 removed. Blocks: 1 added, 0 removed, 2 changed, 1 moved. Also: 2 blocks split.',
    );
    expect(summaryLine(redlineOf({ wordsAdded: 1, blocksChanged: 1, blocksJoined: 1, sectionsChanged: ['Introduction'] }))).toBe('Sections changed: Introduction. Words: 1 added, 0 removed. Blocks: 0 added, 0 removed, 1 changed. Also: 1 block joined.');
    expect(summaryLine(redlineOf({ wordsAdded: 1, blocksChanged: 1, sectionsChanged: ['Introduction'] }))).toBe('Sections changed: Introduction. Words: 1 added, 0 removed. Blocks: 0 added, 0 removed, 1 changed.');
    expect(summaryLine(redlineOf({ formattingOnly: true, formatChanged: 1, linksChanged: 2, sectionsChanged: ['Scope'] }))).toBe('Sections changed: Scope. Formatting and links only: 2 links changed, 1 list style or heading level changed; no words changed.');
    expect(summaryLine(redlineOf({ wordsAdded: 3, blocksChanged: 2, blocksSplit: 2, blocksJoined: 1, sectionsChanged: ['Scope'] }))).toBe('Sections changed: Scope. Words: 3 added, 0 removed. Blocks: 0 added, 0 removed, 2 changed. Also: 2 blocks split, 1 block joined.');
  });

  const item = (text: string, ordered: boolean, depth = 1): BlockDiff => ({ type: 'same', block: { kind: 'listItem', text, ordered, depth } });
  const row = (text: string, header = false): BlockDiff => ({ type: 'same', block: { kind: 'tableRow', text, cells: [text], header } });
  const para = (text: string): BlockDiff => ({ type: 'same', block: { kind: 'paragraph', text } });
  const grouped = (blocks: BlockDiff[]) => units(blocks).map((u) => u.map((d) => shown(d).text));

  it('units: a list runs on through nested items of any type; a top-level item of the other type starts a new list', () => {
    expect(grouped([item('a', true), item('b', true), item('b1', false, 2), item('c', true), item('x', false), item('y', false), para('p'), item('z', false)])).toEqual([['a', 'b', 'b1', 'c'], ['x', 'y'], ['p'], ['z']]);
    // An item with no depth is a top-level one.
    expect(grouped([item('a', true), { type: 'same', block: { kind: 'listItem', text: 'b', ordered: false } }])).toEqual([['a'], ['b']]);
  });

  it('units: a table runs on through body rows and header rows in a row; a header after body rows starts a new table', () => {
    expect(grouped([row('H1', true), row('H2', true), row('r1'), row('r2'), row('H3', true), row('r3'), para('p'), row('r4')])).toEqual([['H1', 'H2', 'r1', 'r2'], ['H3', 'r3'], ['p'], ['r4']]);
    expect(grouped([para('p'), para('q'), item('a', false), row('r')])).toEqual([['p'], ['q'], ['a'], ['r']]);
  });

  it('movedAs, cellChanges and notes', () => {
    const block = { kind: 'paragraph' as const, text: 'Use the portal.' };
    expect([movedAs({ type: 'insert', block, moved: true }), movedAs({ type: 'delete', block, moved: true }), movedAs({ type: 'insert', block }), movedAs({ type: 'same', block })]).toEqual(['insert', 'delete', undefined, undefined]);
    const change: BlockDiff = {
      type: 'change',
      from: block,
      to: { kind: 'listItem', text: 'Use the portal.' },
      words: [{ type: 'same', value: 'Use the portal.' }],
      split: 'rest',
      joined: [block, block],
      format: [{ type: 'list', from: 'numbered', to: 'bullets' }],
      links: [
        { type: 'added', text: 'portal', to: '/portal/' },
        { type: 'removed', text: 'form', from: '/form/' },
      ],
    };
    expect(notes(change)).toEqual([
      [{ type: 'same', value: 'Split from the item above' }],
      [{ type: 'same', value: 'Joined from 3 items' }],
      [{ type: 'same', value: 'List style changed from numbered to bullets' }],
      [{ type: 'same', value: 'Link added on “portal”: ' }, { type: 'insert', value: '/portal/' }],
      [{ type: 'same', value: 'Link removed from “form”, was ' }, { type: 'delete', value: '/form/' }],
    ]);
    expect(notes({ type: 'insert', block })).toEqual([]);
    // A changed block without cells is one cell of its words; an inserted row, its cells.
    expect(cellChanges(change)).toEqual([[{ type: 'same', value: 'Use the portal.' }]]);
    expect(cellChanges({ type: 'insert', block: { kind: 'tableRow', text: 'a b', cells: ['a', 'b'] } })).toEqual([[{ type: 'insert', value: 'a' }], [{ type: 'insert', value: 'b' }]]);
    expect(cellChanges({ type: 'delete', block: { kind: 'tableRow', text: '' } })).toEqual([]);
  });
});

describe('redlineToHtml, block by block', () => {
  const html = (before: string, after: string) => redlineToHtml(redlineSources(before, after)).split('\n');
  const I = (s: string) => `<ins><span class="visually-hidden">inserted: </span>${s}</ins>`;
  const D = (s: string) => `<del><span class="visually-hidden">deleted: </span>${s}</del>`;

  it('code in <pre>, quotes in <blockquote>, rules labelled for screen readers', () => {
    expect(html(doc('```\nrm old\n```'), doc('```\nrm new\n```'))).toEqual([`<pre class="rl-chg"><code>rm ${D('old')} ${I('new')}</code></pre>`]);
    expect(html(doc('> Ask the partner first.'), doc('> Ask the supervising partner first.'))).toEqual([`<blockquote class="rl-chg"><p>Ask the ${I('supervising')} partner first.</p></blockquote>`]);
    expect(html(doc('Intro.'), doc('Intro.', '---'))).toEqual(['<p class="rl-fold">1 unchanged block hidden</p>', '<div class="rl-unchanged" data-count="1">', '<p class="rl-same">Intro.</p>', '</div>', '<hr class="rl-ins" aria-label="inserted horizontal rule">']);
    expect(html(doc('Intro.', '---'), doc('Intro.'))).toEqual(['<p class="rl-fold">1 unchanged block hidden</p>', '<div class="rl-unchanged" data-count="1">', '<p class="rl-same">Intro.</p>', '</div>', '<hr class="rl-del" aria-label="deleted horizontal rule">']);
  });

  it('an unchanged rule has no label; a table head replaced whole has both head rows', () => {
    expect(html(doc('Intro.', '---', 'Keep it.'), doc('Intro.', '---', 'Keep it all.'))).toEqual([
      '<p class="rl-fold">2 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="2">',
      '<p class="rl-same">Intro.</p>',
      '<hr class="rl-same">',
      '</div>',
      `<p class="rl-chg">Keep it ${I('all')}.</p>`,
    ]);
    expect(html(doc('| A | B |\n| --- | --- |\n| 1 | 2 |'), doc('| C | D |\n| --- | --- |\n| 1 | 2 |'))).toEqual([
      `<table><thead><tr class="rl-del"><th scope="col">${D('A')}</th><th scope="col">${D('B')}</th></tr><tr class="rl-ins"><th scope="col">${I('C')}</th><th scope="col">${I('D')}</th></tr></thead><tbody><tr class="rl-same"><td>1</td><td>2</td></tr></tbody></table>`,
    ]);
  });

  it('nests list items and closes every level, a numbered list as <ol>', () => {
    expect(html(doc('1. Open\n   - Identity\n   - Funds of the client\n2. Close'), doc('1. Open\n   - Identity\n   - Funds of the new client\n2. Close'))).toEqual([
      `<ol><li class="rl-same">Open<ul><li class="rl-same">Identity</li><li class="rl-chg">Funds of the ${I('new')} client</li></ul></li><li class="rl-same">Close</li></ol>`,
    ]);
    expect(html(doc('- Open\n   - Identity of the client'), doc('- Open\n   - Identity of the new client'))).toEqual([`<ul><li class="rl-same">Open<ul><li class="rl-chg">Identity of the ${I('new')} client</li></ul></li></ul>`]);
  });

  // A word at the start of a block or cell has no space before it, so its old and new forms touch.
  it('a table with head and body; an unchanged table is folded whole', () => {
    const table = (cell: string) => `| Record | Period |\n| --- | --- |\n| Files | ${cell} |`;
    expect(html(doc(table('6 years')), doc(table('7 years')))).toEqual([
      `<table><thead><tr class="rl-same"><th scope="col">Record</th><th scope="col">Period</th></tr></thead><tbody><tr class="rl-chg"><td>Files</td><td>${D('6')}${I('7')} years</td></tr></tbody></table>`,
    ]);
    expect(html(doc(table('6 years'), 'Keep them.'), doc(table('6 years'), 'Keep them all.'))).toEqual([
      '<p class="rl-fold">2 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="2">',
      '<table><thead><tr class="rl-same"><th scope="col">Record</th><th scope="col">Period</th></tr></thead><tbody><tr class="rl-same"><td>Files</td><td>6 years</td></tr></tbody></table>',
      '</div>',
      `<p class="rl-chg">Keep them ${I('all')}.</p>`,
    ]);
  });

  it('keeps the nearest heading of each higher level above a change out of the folds, and none of a lower level', () => {
    const before = doc('## Scope', 'Who it covers.', '### Staff', 'All staff.', '#### Notes', 'None.', '### Partners', 'Every partner.');
    const after = doc('## Scope', 'Who it covers.', '### Staff', 'All staff.', '#### Notes', 'None.', '### Partners', 'Every equity partner.');
    expect(html(before, after)).toEqual([
      '<h2 class="rl-same">Scope</h2>',
      '<p class="rl-fold">5 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="5">',
      '<p class="rl-same">Who it covers.</p>',
      '<h3 class="rl-same">Staff</h3>',
      '<p class="rl-same">All staff.</p>',
      '<h4 class="rl-same">Notes</h4>',
      '<p class="rl-same">None.</p>',
      '</div>',
      '<h3 class="rl-same">Partners</h3>',
      `<p class="rl-chg">Every ${I('equity')} partner.</p>`,
    ]);
    // A changed h3 keeps only the h2 above it; a changed h2, nothing.
    expect(html(doc('## Scope', 'Text.', '### Staff', 'More.', '### Old name'), doc('## Scope', 'Text.', '### Staff', 'More.', '### New name'))).toEqual([
      '<h2 class="rl-same">Scope</h2>',
      '<p class="rl-fold">3 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="3">',
      '<p class="rl-same">Text.</p>',
      '<h3 class="rl-same">Staff</h3>',
      '<p class="rl-same">More.</p>',
      '</div>',
      `<h3 class="rl-chg">${D('Old')}${I('New')} name</h3>`,
    ]);
    expect(html(doc('## Scope', 'Text.', '## Old name'), doc('## Scope', 'Text.', '## New name'))[0]).toBe('<p class="rl-fold">2 unchanged blocks hidden</p>');
  });
});

describe('parseBlocks: what each kind of Markdown and MDX reads as', () => {
  const mdx = (source: string) => parseBlocks(source);
  const md = (source: string) => parseBlocks(source, { mdx: false });

  it('line breaks, images and footnotes read as the page does; sections follow headings', () => {
    expect(md('Hard  \nbreak and ![a chart](c.png) here[^1].\n\n## Scope\n\n![logo][img] stays.\n\n[img]: logo.png\n\n[^1]: The note.\n')).toStrictEqual([
      { kind: 'paragraph', text: 'Hard break and a chart here.' },
      { kind: 'heading', text: 'Scope', depth: 2, section: 'Scope' },
      { kind: 'paragraph', text: 'logo stays.', section: 'Scope' },
      { kind: 'paragraph', text: 'The note.', section: 'Scope' },
    ]);
  });

  it('HTML: tags and comments render no text; a block of only tags is left out; an empty paragraph too', () => {
    expect(md('<div>\n<p>One</p><!-- a > b --><p>Two</p>\n</div>\n\n<!-- hidden -->\n\n<span></span>\n\nText <b>bold</b>.\n')).toStrictEqual([
      { kind: 'html', text: 'One Two' },
      { kind: 'paragraph', text: 'Text bold.' },
    ]);
  });

  it('quotes and loose list items join their paragraphs with a space; links stay with their own item', () => {
    expect(md('> One.\n>\n> Two.\n\n- First [a](/a/).\n\n  Second.\n  - Nested [b][ref].\n\n[ref]: /b/\n')).toStrictEqual([
      { kind: 'quote', text: 'One. Two.' },
      { kind: 'listItem', text: 'First a. Second.', ordered: false, depth: 1, links: [{ text: 'a', href: '/a/' }] },
      { kind: 'listItem', text: 'Nested b.', ordered: false, depth: 2, links: [{ text: 'b', href: '/b/' }] },
    ]);
  });

  it('finds a reference definition written inside a quote', () => {
    expect(md('> See below.\n>\n> [f]: /form/\n\nUse [the form][f].\n')).toStrictEqual([
      { kind: 'quote', text: 'See below.' },
      { kind: 'paragraph', text: 'Use the form.', links: [{ text: 'the form', href: '/form/' }] },
    ]);
  });

  it('MDX: expressions read as written, components as name, props and text', () => {
    expect(mdx('Call {ext} now.\n\n{total}\n\n<Fee tier="2" waived {...rest} amount={10} />\n\n<Note>\nFirst.\n\nSecond.\n</Note>\n\n<>\nOnly text.\n</>\n\nPay the <Fee tier="2" /> today, <B>in *full*</B>.\n')).toStrictEqual([
      { kind: 'paragraph', text: 'Call {ext} now.' },
      { kind: 'component', text: '{total}' },
      { kind: 'component', text: 'Fee tier="2" waived {...rest} amount={10}', name: 'Fee' },
      { kind: 'component', text: 'Note: First. Second.', name: 'Note' },
      { kind: 'component', text: 'Only text.' },
      { kind: 'paragraph', text: 'Pay the <Fee tier="2" /> today, in full.' },
    ]);
  });

  it('MDX: a paragraph that is only a component, spaces aside, is a component block', () => {
    expect(mdx('<Note>Read this.</Note> \n\nSee <Note>this</Note> too.\n')).toStrictEqual([
      { kind: 'component', text: 'Note: Read this.', name: 'Note' },
      { kind: 'paragraph', text: 'See this too.' },
    ]);
  });
});

describe('links, splits and table columns in the redline', () => {
  const p = (text: string, links: { text: string; href: string }[] = []) => ({ kind: 'paragraph' as const, text, ...(links.length ? { links } : {}) });

  it('linkChanges: a re-pointed link is a change; words that changed, or came with their link, are in the word diff', () => {
    expect(linkChanges(p('Use the portal and the form.', [{ text: 'portal', href: '/a/' }, { text: 'form', href: '/f/' }]), p('Use the form and the portal.', [{ text: 'form', href: '/f/' }, { text: 'portal', href: '/b/' }]))).toEqual([
      { type: 'changed', text: 'portal', from: '/a/', to: '/b/' },
    ]);
    expect(linkChanges(p('Use the portal.', [{ text: 'the portal', href: '/p/' }]), p('Use our portal.', [{ text: 'our portal', href: '/p/' }]))).toEqual([]);
    expect(linkChanges(p('Use it.'), p('Use the portal.', [{ text: 'portal', href: '/p/' }]))).toEqual([]);
  });

  it('linkChanges: the same words becoming, or no longer being, a link', () => {
    expect(linkChanges(p('Use the portal.'), p('Use the portal.', [{ text: 'portal', href: '/p/' }]))).toEqual([{ type: 'added', text: 'portal', to: '/p/' }]);
    expect(linkChanges(p('Use the portal.', [{ text: 'portal', href: '/p/' }]), p('Use the portal.'))).toEqual([{ type: 'removed', text: 'portal', from: '/p/' }]);
  });

  it('a paragraph split in two keeps a re-pointed link\'s note with the part that holds it', () => {
    const before = doc('Use the [portal](/a/) every day of the week. Ask the [desk](/d/) first when in any doubt.');
    const after = doc('Use the [portal](/a/) every day of the week.', 'Ask the [desk](/e/) first when in any doubt.');
    expect(redlineToText(redlineSources(before, after), { color: false }).split('\n').slice(2)).toEqual([
      'Use the portal every day of the week.',
      '',
      'Ask the desk first when in any doubt.',
      'Note: Split from the paragraph above',
      'Note: Link “desk”: address changed from [-/d/-] to [+/e/+]',
      '',
    ]);
  });

  it('a changed table row\'s words are its cells\' word diffs side by side', () => {
    const r = redlineSources(doc('| Record | Period |\n| --- | --- |\n| Files | 6 years |'), doc('| Record | Period |\n| --- | --- |\n| Files | 7 years |'));
    const row = r.blocks.find((d) => d.type === 'change');
    expect(row?.type === 'change' && row.words).toEqual([
      { type: 'same', value: 'Files' },
      { type: 'same', value: ' | ' },
      { type: 'delete', value: '6' },
      { type: 'insert', value: '7' },
      { type: 'same', value: ' years' },
    ]);
  });

  it('a table that gains a column shows the new cells inserted', () => {
    const before = doc('| Record | Period |\n| --- | --- |\n| Files | 6 years |');
    const after = doc('| Record | Period | Where |\n| --- | --- | --- |\n| Files | 6 years | Archive |');
    expect(text(before, after)).toEqual(['| Record | Period | [+Where+] |', '| --- | --- | --- |', '| Files | 6 years | [+Archive+] |', '']);
  });
});

describe('a component\'s text', () => {
  it('joins inline content as written and keeps blocks apart by a space', () => {
    expect(parseBlocks('<Callout>Read [this](/x/).</Callout>', { mdx: true }).map((b) => b.text)).toEqual(['Callout: Read this.']);
    expect(parseBlocks('<Callout>\n\nRead [this](/x/).\n\nAnd *that*.\n\n</Callout>', { mdx: true }).map((b) => b.text)).toEqual(['Callout: Read this. And that.']);
  });
});
