import { describe, expect, it } from 'vitest';
import {
  diffMetadata,
  parseBlocks,
  redline,
  redlineSources,
  redlineToHtml,
  redlineToMarkdown,
  redlineToText,
  type BlockDiff,
  type Redline,
} from '../../src/lib/diff.ts';
import { summaryLine as summaryLineOf } from '../../src/lib/diff/layout.ts';

const doc = (...blocks: string[]) => blocks.join('\n\n') + '\n';
const plain = (r: Redline) => redlineToText(r, { color: false });
/** The text lines of a plain-text redline, without the summary line. */
const body = (r: Redline) => plain(r).split('\n\n').slice(1).join('\n\n').trim();
const types = (r: Redline) => r.blocks.map((d) => d.type);
const changed = (r: Redline) => r.blocks.filter((d): d is Extract<BlockDiff, { type: 'change' }> => d.type === 'change');

const INTRO = 'This policy explains how the firm keeps client records.';
const RETAIN = 'The firm must retain client files for six years after the matter closes.';
const CLOSING = 'Questions about this policy go to the Records Manager.';

describe('parseBlocks', () => {
  it('turns Markdown into blocks of rendered text', () => {
    const blocks = parseBlocks(
      doc(
        '# Records',
        'Some *emphasised* and **strong** text with a [link](https://example.com)\nover two lines.',
        '- Email\n- [x] Paper\n  1. Originals',
        '| Item | Period |\n| --- | --- |\n| Files | 6 years |',
        '> A quote.',
        '```\nkeep  this\n  layout\n```',
        '---',
        '<!-- a comment renders nothing -->',
      ),
      { mdx: false },
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Records', depth: 1, section: 'Records' },
      { kind: 'paragraph', text: 'Some emphasised and strong text with a link over two lines.', section: 'Records', links: [{ text: 'link', href: 'https://example.com' }] },
      { kind: 'listItem', text: 'Email', ordered: false, depth: 1, section: 'Records' },
      { kind: 'listItem', text: 'Paper', ordered: false, depth: 1, checked: true, section: 'Records' },
      { kind: 'listItem', text: 'Originals', ordered: true, depth: 2, section: 'Records' },
      { kind: 'tableRow', text: 'Item | Period', cells: ['Item', 'Period'], header: true, section: 'Records' },
      { kind: 'tableRow', text: 'Files | 6 years', cells: ['Files', '6 years'], header: false, section: 'Records' },
      { kind: 'quote', text: 'A quote.', section: 'Records' },
      { kind: 'code', text: 'keep  this\n  layout', section: 'Records' },
      { kind: 'rule', text: '', section: 'Records' },
    ]);
  });

  it('turns MDX components into component blocks with their props, and skips imports', () => {
    const blocks = parseBlocks(
      doc(
        "import Callout from '../../components/Callout.astro';",
        '<Callout type="warning" open>Do not share passwords.</Callout>',
        '<Callout type="info" level={2}>\n  Report **at once**.\n</Callout>',
        'The <Term id="client">client</Term> pays <Fee tier="2" /> per hour.',
      ),
    );
    expect(blocks).toEqual([
      { kind: 'component', name: 'Callout', text: 'Callout type="warning" open: Do not share passwords.' },
      { kind: 'component', name: 'Callout', text: 'Callout type="info" level={2}: Report at once.' },
      { kind: 'paragraph', text: 'The client pays <Fee tier="2" /> per hour.' },
    ]);
  });

  it('reads a .md body as plain Markdown, where a tag renders no text', () => {
    expect(parseBlocks('Use <b>bold</b> sparingly.\n', { mdx: false })).toEqual([{ kind: 'paragraph', text: 'Use bold sparingly.' }]);
  });
});

describe('redline', () => {
  it('shows a word change inside a paragraph word by word', () => {
    const r = redlineSources(doc(INTRO, RETAIN), doc(INTRO, RETAIN.replace('must', 'shall').replace('six', 'seven')));
    expect(types(r)).toEqual(['same', 'change']);
    expect(changed(r)[0]?.words).toEqual([
      { type: 'same', value: 'The firm ' },
      { type: 'delete', value: 'must' },
      { type: 'same', value: ' ' },
      { type: 'insert', value: 'shall' },
      { type: 'same', value: ' retain client files for ' },
      { type: 'delete', value: 'six' },
      { type: 'same', value: ' ' },
      { type: 'insert', value: 'seven' },
      { type: 'same', value: ' years after the matter closes.' },
    ]);
    expect(body(r)).toBe(`${INTRO}\n\nThe firm [-must-] [+shall+] retain client files for [-six-] [+seven+] years after the matter closes.`);
  });

  it('shows a paragraph inserted in the middle as one whole block', () => {
    const added = 'Paper files are scanned and then shredded.';
    const r = redlineSources(doc(INTRO, RETAIN, CLOSING), doc(INTRO, RETAIN, added, CLOSING));
    expect(r.blocks).toEqual([
      { type: 'same', block: { kind: 'paragraph', text: INTRO } },
      { type: 'same', block: { kind: 'paragraph', text: RETAIN } },
      { type: 'insert', block: { kind: 'paragraph', text: added } },
      { type: 'same', block: { kind: 'paragraph', text: CLOSING } },
    ]);
  });

  it('marks a moved paragraph on both sides and counts it as moved, not as words added and removed', () => {
    const r = redlineSources(doc('## Scope', INTRO, '## Retention', RETAIN, CLOSING), doc('## Scope', RETAIN, INTRO, '## Retention', CLOSING));
    expect(types(r)).toEqual(['same', 'insert', 'same', 'same', 'delete', 'same']);
    const moved = r.blocks.filter((d) => 'moved' in d && d.moved);
    expect(moved.map((d) => d.type).sort()).toEqual(['delete', 'insert']);
    expect(moved.every((d) => d.type !== 'change' && d.block.text === RETAIN)).toBe(true);
    expect(r.summary).toMatchObject({ wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, blocksMoved: 1 });
    expect(r.summary.sectionsChanged.sort()).toEqual(['Retention', 'Scope']);
  });

  it('shows a list item inserted as a whole item, the others unchanged', () => {
    const r = redlineSources('- Email\n- Paper files\n- Voicemail\n', '- Email\n- Chat messages\n- Paper files\n- Voicemail\n');
    expect(types(r)).toEqual(['same', 'insert', 'same', 'same']);
    expect(body(r)).toBe('- Email\n- [+Chat messages+]\n- Paper files\n- Voicemail');
  });

  it('diffs a changed table cell within its row', () => {
    const table = (period: string) => `| Record | Period |\n| --- | --- |\n| Client files | ${period} |\n| Email | 2 years |\n`;
    const r = redlineSources(table('6 years'), table('7 years'));
    expect(types(r)).toEqual(['same', 'change', 'same']);
    expect(changed(r)[0]?.cells).toEqual([
      [{ type: 'same', value: 'Client files' }],
      [
        { type: 'delete', value: '6' },
        { type: 'insert', value: '7' },
        { type: 'same', value: ' years' },
      ],
    ]);
    expect(body(r)).toBe('| Record | Period |\n| --- | --- |\n| Client files | [-6-][+7+] years |\n| Email | 2 years |');
  });

  it('pairs a table row with half its cells unchanged even when most of its words changed', () => {
    const r = redlineSources('| Record | Period |\n| --- | --- |\n| Email | 2 years |\n', '| Record | Period |\n| --- | --- |\n| Email | 3 months |\n');
    expect(body(r)).toBe('| Record | Period |\n| --- | --- |\n| Email | [-2 years-][+3 months+] |');
  });

  it('shows a punctuation-only change, which adds and removes no words', () => {
    const r = redlineSources(RETAIN, RETAIN.replace('years after', 'years, after').replace('closes.', 'closes;'));
    expect(body(r)).toBe('The firm must retain client files for six years[+,+] after the matter closes[-.-][+;+]');
    expect(r.summary).toMatchObject({ wordsAdded: 0, wordsRemoved: 0, blocksChanged: 1 });
  });

  it('shows no change for reflowed lines or whitespace-only edits', () => {
    const reflowed = 'The firm must retain\nclient files   for six years\n  after the matter closes.  ';
    const r = redlineSources(doc(INTRO, RETAIN, '- Email\n- Paper'), doc(`${INTRO}   `, reflowed, '-   Email\n-   Paper'));
    expect(r.identical).toBe(true);
    expect(types(r)).toEqual(['same', 'same', 'same', 'same']);
  });

  it('does not show an inline formatting change, because the rendered text is the same', () => {
    expect(redlineSources('The firm **must** retain files.', 'The firm must retain _files_.').identical).toBe(true);
  });

  it('shows a changed MDX component prop and text', () => {
    const r = redlineSources(
      doc(INTRO, '<Callout type="warning">Do not share passwords.</Callout>'),
      doc(INTRO, '<Callout type="info">Do not share passwords or keys.</Callout>'),
    );
    expect(types(r)).toEqual(['same', 'change']);
    expect(body(r)).toBe(`${INTRO}\n\nCallout type="[-warning-][+info+]": Do not share passwords [+or keys+].`);
  });

  it('says "no differences" for identical versions in every format', () => {
    const r = redlineSources(doc('## Scope', INTRO, RETAIN), doc('## Scope', INTRO, RETAIN));
    expect(r.identical).toBe(true);
    expect(r.summary).toEqual({
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
    });
    expect(redlineToHtml(r)).toBe('<p class="rl-none">No differences between these versions.</p>');
    expect(plain(r)).toBe('No differences between these versions.\n');
    expect(redlineToMarkdown(r)).toBe('No differences between these versions.\n');
  });

  it('shows a rewritten paragraph (similarity under the threshold) as deleted and inserted whole', () => {
    const r = redlineSources(RETAIN, 'Records are kept until the retention schedule says otherwise.');
    expect(types(r)).toEqual(['delete', 'insert']);
  });

  it('pairs reworded blocks in order when several change in one run', () => {
    const r = redlineSources(doc('- Email is kept for two years', '## Paper', RETAIN), doc('- Email is kept for three years', '## Paper records', RETAIN.replace('six', 'seven')));
    expect(types(r)).toEqual(['change', 'change', 'change']);
  });

  it('shows ticking a task item', () => {
    expect(body(redlineSources('- [ ] Shred the copies\n', '- [x] Shred the copies\n'))).toBe('- [-☐-][+☑+] Shred the copies');
  });

  it('works on blocks directly and counts the summary', () => {
    const r = redline(
      [
        { kind: 'heading', text: 'Scope', depth: 2, section: 'Scope' },
        { kind: 'paragraph', text: 'Applies to all staff.', section: 'Scope' },
        { kind: 'heading', text: 'Retention', depth: 2, section: 'Retention' },
        { kind: 'paragraph', text: 'Keep files for six years.', section: 'Retention' },
        { kind: 'paragraph', text: 'Obsolete rule about fax machines.', section: 'Retention' },
      ],
      [
        { kind: 'paragraph', text: 'Read this first.' },
        { kind: 'heading', text: 'Scope', depth: 2, section: 'Scope' },
        { kind: 'paragraph', text: 'Applies to all staff.', section: 'Scope' },
        { kind: 'heading', text: 'Retention', depth: 2, section: 'Retention' },
        { kind: 'paragraph', text: 'Keep client files for seven years.', section: 'Retention' },
      ],
    );
    expect(r.summary).toEqual({
      sectionsChanged: ['Introduction', 'Retention'],
      wordsAdded: 3 + 2, // "Read this first" + "client", "seven"
      wordsRemoved: 5 + 1, // "Obsolete rule about fax machines" + "six"
      blocksAdded: 1,
      blocksRemoved: 1,
      blocksChanged: 1,
      blocksMoved: 0,
      linksChanged: 0,
      formatChanged: 0,
      blocksSplit: 0,
      blocksJoined: 0,
      formattingOnly: false,
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('redlineToHtml', () => {
  const r = redlineSources(
    doc('## Scope', INTRO, '## Retention', RETAIN, '- Email\n- Paper', '| Record | Period |\n| --- | --- |\n| Files | 6 years |', CLOSING),
    doc('## Scope', INTRO, '## Retention', RETAIN.replace('six', 'seven'), '- Email\n- Chat\n- Paper', '| Record | Period |\n| --- | --- |\n| Files | 6 years |', 'A new paragraph.', CLOSING),
  );
  const html = redlineToHtml(r);

  it('marks words with ins/del, announced to screen readers', () => {
    expect(html).toContain(
      '<p class="rl-chg">The firm must retain client files for <del><span class="visually-hidden">deleted: </span>six</del> <ins><span class="visually-hidden">inserted: </span>seven</ins> years after the matter closes.</p>',
    );
    expect(html).toContain('<p class="rl-ins"><ins><span class="visually-hidden">inserted: </span>A new paragraph.</ins></p>');
  });

  it('keeps a partly changed list whole and marks its items', () => {
    expect(html).toContain('<ul><li class="rl-same">Email</li><li class="rl-ins"><ins><span class="visually-hidden">inserted: </span>Chat</ins></li><li class="rl-same">Paper</li></ul>');
  });

  it('folds runs of unchanged blocks, whole unchanged tables included, keeping the heading above a change', () => {
    expect(html.split('\n').slice(0, 6)).toEqual([
      '<p class="rl-fold">2 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="2">',
      '<h2 class="rl-same">Scope</h2>',
      `<p class="rl-same">${INTRO}</p>`,
      '</div>',
      '<h2 class="rl-same">Retention</h2>',
    ]);
    expect(html).toContain(
      '<p class="rl-fold">2 unchanged blocks hidden</p>\n<div class="rl-unchanged" data-count="2">\n<table><thead><tr class="rl-same"><th scope="col">Record</th><th scope="col">Period</th></tr></thead><tbody><tr class="rl-same"><td>Files</td><td>6 years</td></tr></tbody></table>\n</div>',
    );
    expect(html.endsWith(`<p class="rl-fold">1 unchanged block hidden</p>\n<div class="rl-unchanged" data-count="1">\n<p class="rl-same">${CLOSING}</p>\n</div>`)).toBe(true);
  });

  it('nests lists by depth and marks moved blocks', () => {
    const moved = redlineToHtml(redlineSources(doc('- One\n  - Sub', 'First.', 'Second.', 'Third.'), doc('- One\n  - Sub\n- Two', 'Second.', 'Third.', 'First.')));
    expect(moved).toContain('<ul><li class="rl-same">One<ul><li class="rl-same">Sub</li></ul></li><li class="rl-ins">');
    expect(moved).toContain('<p class="rl-del rl-moved"><span class="visually-hidden">Moved from here to elsewhere in this policy. </span><del>');
    expect(moved).toContain('<p class="rl-ins rl-moved"><span class="visually-hidden">Moved here from elsewhere in this policy. </span><ins>');
  });

  it('escapes all policy text', () => {
    const escaped = redlineToHtml(redlineSources('Safe text.', 'Type `<script>alert("x")</script>` & see.'));
    expect(escaped).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; see.');
    expect(escaped).not.toContain('<script>');
    const component = redlineToHtml(redline([], [{ kind: 'component', name: 'X', text: 'X title="<img src=x onerror=alert(1)>"' }]));
    expect(component).toBe(
      '<div class="rl-component rl-ins"><p><ins><span class="visually-hidden">inserted: </span>X title=&quot;&lt;img src=x onerror=alert(1)&gt;&quot;</ins></p></div>',
    );
  });
});

describe('redlineToText and redlineToMarkdown', () => {
  // In plain Markdown a tag renders no text: "<logs>" is not in the redline.
  const r = redlineSources(doc('## Retention', RETAIN, '1. Email\n2. Paper'), doc('## Retention', RETAIN.replace('must', 'shall'), '1. Email\n2. Paper\n3. Chat <logs>'), { mdx: false });

  it('uses [+ +] and [- -] markers without colour', () => {
    expect(plain(r)).toBe(
      [
        'Sections changed: Retention. Words: 2 added, 1 removed. Blocks: 1 added, 0 removed, 1 changed.',
        '## Retention',
        'The firm [-must-] [+shall+] retain client files for six years after the matter closes.',
        '1. Email\n2. Paper\n3. [+Chat+]',
      ].join('\n\n') + '\n',
    );
  });

  it('uses underline/green and strikethrough/red on a terminal', () => {
    const colored = redlineToText(r, { color: true });
    expect(colored).toContain('The firm \x1b[9;31mmust\x1b[0m \x1b[4;32mshall\x1b[0m retain');
    expect(colored).not.toContain('[+');
    expect(redlineToText(redlineSources('Safe.', 'Not \x1b[2J safe.'), { color: true })).not.toContain('\x1b[2J');
  });

  it('writes Markdown with <ins>/<del> and escaped text', () => {
    const markdown = redlineToMarkdown(redlineSources('Keep *all* files.\n\n- a\n', 'Keep all files (see clause 2).\n\n- a\n- b_c &lt;x&gt;\n'));
    expect(markdown).toBe(
      [
        'Sections changed: Introduction. Words: 6 added, 0 removed. Blocks: 1 added, 0 removed, 1 changed.',
        'Keep all files <ins>(see clause 2)</ins>.',
        '- a\n- <ins>b\\_c \\<x\\></ins>',
      ].join('\n\n') + '\n',
    );
  });
});

describe('diffMetadata', () => {
  it('lists the changed reader-facing fields, skipping dates, status and change notes', () => {
    const from = { title: 'Records', owner: 'Records Manager', reviewEveryMonths: 12, appliesTo: ['All staff'], tags: ['files'], effective: '2025-01-01', status: 'active', changes: [] };
    const to = { title: 'Records', owner: 'General Counsel', reviewEveryMonths: 6, appliesTo: ['All staff'], tags: ['files', 'email'], approvedBy: 'Board', effective: '2026-01-01', status: 'draft', changes: ['x'] };
    expect(diffMetadata(from, to)).toEqual([
      { field: 'owner', label: 'Owner', from: 'Records Manager', to: 'General Counsel' },
      { field: 'approvedBy', label: 'Approved by', from: '—', to: 'Board' },
      { field: 'reviewEveryMonths', label: 'Review interval', from: '12 months', to: '6 months' },
      { field: 'tags', label: 'Tags', from: 'files', to: 'files, email' },
    ]);
  });

  it('ignores re-wrapped text', () => {
    expect(diffMetadata({ summary: 'How we keep\nrecords.' }, { summary: 'How we keep records.' })).toEqual([]);
  });
});

describe('performance', () => {
  it('redlines two 5,000-word versions (time printed, not asserted)', () => {
    const words = (
      'the firm client matter records retention partner privilege conflict engagement billing court deadline ' +
      'confidential file email review approve must shall may not within days of any all staff fee earner ' +
      'supervisor report breach data protection paper electronic archive destroy securely after before closing ' +
      'opening instruction letter consent notify compliance officer risk register training annual'
    ).split(' ');
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
    const parts: string[] = [];
    for (let section = 1, count = 0; count < 5000; section++) {
      parts.push(`## Section ${section}`);
      for (let p = 0; p < 4; p++) parts.push(`${sentence(12)} ${sentence(13)}`);
      parts.push(['- ' + sentence(8), '- ' + sentence(8), '- ' + sentence(8)].join('\n'));
      count += 2 + 4 * 25 + 24;
    }
    const before = parts.join('\n\n');
    // Every 7th block reworded, every 23rd dropped, every 31st gains a new paragraph after it.
    const after = parts
      .flatMap((part, i) => (i % 23 === 5 ? [] : i % 31 === 9 ? [part, sentence(20)] : i % 7 === 3 ? [part.replace(/\b\w+\b/, 'amended')] : [part]))
      .join('\n\n');
    expect(before.split(/\s+/).length).toBeGreaterThan(5000);

    // The first run includes the JIT warming up (as in a one-off CLI call); the second is a site build's steady state.
    for (const run of ['cold', 'warm']) {
      const start = performance.now();
      const oldBlocks = parseBlocks(before);
      const newBlocks = parseBlocks(after);
      const parsed = performance.now();
      const r = redline(oldBlocks, newBlocks);
      const diffed = performance.now();
      const html = redlineToHtml(r);
      const done = performance.now();
      const ms = (from: number, to: number) => `${(to - from).toFixed(1)} ms`;
      console.log(
        `${run}: redline of two ${before.split(/\s+/).length}-word versions (${oldBlocks.length} blocks): ` +
          `parse ${ms(start, parsed)}, redline ${ms(parsed, diffed)}, HTML ${ms(diffed, done)}, total ${ms(start, done)}`,
      );
      expect(r.summary.blocksChanged).toBeGreaterThan(0);
      expect(html).toContain('rl-chg');
    }
  });
});

describe('regressions', () => {
  it('finishes when a deleted block comes first and the document starts with a change (no inserted block left)', () => {
    const r = redlineSources('# A heading\n\nPlain Markdown, as most firms already have it. See the checks and the rest.\n', 'Plain Markdown, as most firms already have it.\n', { mdx: false });
    expect(r.blocks.map((d) => d.type)).toEqual(['delete', 'change']);
  });
});

describe('random documents (property test)', () => {
  // A small seeded generator: the same cases on every run, many shapes of edit.
  let seed = 20261115;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = ['Staff must lock the cabinet.', 'Files are kept for seven years.', 'Report a breach within one hour.', 'Use the client portal.', 'The Records Manager keeps the log.', 'Never use public Wi-Fi.'];
  const block = () =>
    pick([
      () => `## ${pick(sentences).slice(0, 20)}`,
      () => `${pick(sentences)} ${pick(sentences)}`,
      () => `- ${pick(sentences)}`,
      () => `| Record | Period |\n| --- | --- |\n| ${pick(sentences)} | ${pick(['6 years', '7 years'])} |`,
      () => `1. ${pick(sentences)}`,
    ])();
  const doc = () => Array.from({ length: Math.floor(random() * 8) }, block).join('\n\n');
  const mutate = (source: string) =>
    source
      .split('\n\n')
      .flatMap((b) => (random() < 0.2 ? [] : random() < 0.2 ? [b, block()] : random() < 0.2 ? [block()] : [b]))
      .join('\n\n');

  it('always finishes, and each side of the redline is exactly that version', () => {
    for (let n = 0; n < 300; n++) {
      const before = random() < 0.5 ? doc() : `${block()}\n\n${doc()}`;
      const after = mutate(before);
      const oldBlocks = parseBlocks(before, { mdx: false });
      const newBlocks = parseBlocks(after, { mdx: false });
      const r = redline(oldBlocks, newBlocks);
      // A split's later parts share their old block with the first; a join lists the other old blocks.
      const oldSide = r.blocks.flatMap((d) =>
        d.type === 'same' || d.type === 'delete' ? [d.block.text] : d.type === 'change' ? (d.split === 'rest' ? [] : [d.from.text, ...(d.joined ?? []).map((b) => b.text)]) : [],
      );
      const newSide = r.blocks.flatMap((d) => (d.type === 'same' ? [d.block.text] : d.type === 'insert' ? [d.block.text] : d.type === 'change' ? [d.to.text] : []));
      expect(newSide).toEqual(newBlocks.map((b) => b.text));
      expect(oldSide.sort()).toEqual(oldBlocks.map((b) => b.text).sort());
      // Identical exactly when both versions have the same blocks in the same order (worked out from the parse, not from the redline).
      const sameBlocks = oldBlocks.length === newBlocks.length && oldBlocks.every((b, i) => b.text === newBlocks[i]!.text);
      expect(r.identical).toBe(sameBlocks);
    }
  });
});

describe('changes that are not words', () => {
  const PORTAL = (href: string) => `Order from the [supplier portal](${href}) only.\n`;
  const OLD = 'https://old.example.com/portal';
  const NEW = 'https://new.example.org/portal';

  it('shows a re-pointed link as changed, with both addresses, in every format', () => {
    const r = redlineSources(PORTAL(OLD), PORTAL(NEW));
    expect(r.identical).toBe(false);
    expect(changed(r)[0]?.links).toEqual([{ type: 'changed', text: 'supplier portal', from: OLD, to: NEW }]);
    expect(r.summary).toMatchObject({ wordsAdded: 0, wordsRemoved: 0, blocksChanged: 1, linksChanged: 1, formattingOnly: true });
    expect(plain(r)).toBe(
      'Sections changed: Introduction. Formatting and links only: 1 link changed; no words changed.\n\n' +
        `Order from the supplier portal only.\nNote: Link “supplier portal”: address changed from [-${OLD}-] to [+${NEW}+]\n`,
    );
    expect(redlineToHtml(r)).toBe(
      '<p class="rl-chg">Order from the supplier portal only.<span class="rl-note">Link “supplier portal”: address changed from ' +
        `<del><span class="visually-hidden">deleted: </span>${OLD}</del> to <ins><span class="visually-hidden">inserted: </span>${NEW}</ins></span></p>`,
    );
    expect(redlineToMarkdown(r)).toContain(`Note: Link “supplier portal”: address changed from <del>${OLD}</del> to <ins>${NEW}</ins>`);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('shows a link removed or added while its words stayed, and a reference-style link', () => {
    const removed = redlineSources(PORTAL(OLD), 'Order from the supplier portal only.\n');
    expect(changed(removed)[0]?.links).toEqual([{ type: 'removed', text: 'supplier portal', from: OLD }]);
    expect(body(removed)).toBe(`Order from the supplier portal only.\nNote: Link removed from “supplier portal”, was [-${OLD}-]`);
    const added = redlineSources('Order from the supplier portal only.\n', `Order from the [supplier portal][p] only.\n\n[p]: ${NEW}\n`);
    expect(changed(added)[0]?.links).toEqual([{ type: 'added', text: 'supplier portal', to: NEW }]);
  });

  it('does not add a link note when the link came with its words', () => {
    const r = redlineSources('Order from the portal only.\n', `Order from the portal or the [help desk](${NEW}) only.\n`);
    expect(changed(r)[0]?.links).toBeUndefined();
    expect(r.summary).toMatchObject({ wordsAdded: 4, linksChanged: 0, formattingOnly: false });
  });

  it('notes a numbered list that became bullets, once for the list', () => {
    const r = redlineSources('1. Lock the cabinet\n2. Shred the copies\n', '- Lock the cabinet\n- Shred the copies\n');
    expect(r.identical).toBe(false);
    expect(changed(r).map((d) => d.format)).toEqual([
      [{ type: 'list', from: 'numbered', to: 'bullets' }],
      [{ type: 'list', from: 'numbered', to: 'bullets' }],
    ]);
    expect(body(r)).toBe('- Lock the cabinet\n- Shred the copies\nNote: List style changed from numbered to bullets');
    expect(redlineToHtml(r)).toBe(
      '<ul><li class="rl-chg">Lock the cabinet<span class="rl-note">List style changed from numbered to bullets</span></li><li class="rl-chg">Shred the copies</li></ul>',
    );
    expect(summaryLineOf(r)).toBe('Sections changed: Introduction. Formatting and links only: 2 list styles or heading levels changed; no words changed.');
  });

  it('notes a heading level change after the heading', () => {
    const r = redlineSources(doc('## Scope', INTRO), doc('### Scope', INTRO));
    expect(changed(r)[0]?.format).toEqual([{ type: 'heading', from: 2, to: 3 }]);
    expect(redlineToHtml(r).split('\n')[0]).toBe('<h3 class="rl-chg">Scope</h3><p class="rl-notes"><span class="rl-note">Heading level changed from 2 to 3</span></p>');
    expect(body(r)).toBe(`### Scope\nNote: Heading level changed from 2 to 3\n\n${INTRO}`);
  });

  it('says "No differences" only when words, links and structure are all equal', () => {
    expect(redlineSources(PORTAL(OLD), PORTAL(OLD)).identical).toBe(true);
    expect(redlineSources('- a\n', '1. a\n').identical).toBe(false);
    expect(redlineSources('# A\n', '## A\n').identical).toBe(false);
  });
});

describe('splits, joins and short blocks', () => {
  const WHOLE = 'The firm keeps files for six years. Email is deleted after two years unless a hold applies.';

  it('diffs the words across a paragraph split in two', () => {
    const r = redlineSources(WHOLE, doc('The firm keeps files for seven years.', 'Email is deleted after two years unless a legal hold applies.'));
    expect(r.blocks.map((d) => d.type === 'change' && d.split)).toEqual(['start', 'rest']);
    expect(body(r)).toBe(
      'The firm keeps files for [-six-] [+seven+] years.\n\nEmail is deleted after two years unless a [+legal+] hold applies.\nNote: Split from the paragraph above',
    );
    expect(r.summary).toMatchObject({ wordsAdded: 2, wordsRemoved: 1, blocksAdded: 0, blocksRemoved: 0, blocksSplit: 1 });
    expect(redlineToHtml(r)).toContain('<p class="rl-chg">Email is deleted after two years unless a <ins><span class="visually-hidden">inserted: </span>legal</ins> hold applies.<span class="rl-note">Split from the paragraph above</span></p>');
  });

  it('diffs the words across two paragraphs joined into one', () => {
    const r = redlineSources(doc('The firm keeps files for six years.', 'Email is deleted after two years.'), 'The firm keeps files for six years, and email is deleted after two years.');
    expect(types(r)).toEqual(['change']);
    expect(changed(r)[0]?.joined?.map((b) => b.text)).toEqual(['Email is deleted after two years.']);
    expect(body(r)).toBe('The firm keeps files for six years[-. Email-][+, and email+] is deleted after two years.\nNote: Joined from 2 paragraphs');
    expect(redlineToHtml(r)).toBe(
      '<p class="rl-chg">The firm keeps files for six years<del><span class="visually-hidden">deleted: </span>. Email</del>' +
        '<ins><span class="visually-hidden">inserted: </span>, and email</ins> is deleted after two years.<span class="rl-note">Joined from 2 paragraphs</span></p>',
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(JSON.parse(JSON.stringify(redlineSources(doc('A b c d.', 'E f g h.'), 'A b c d e f g h.')))).toMatchObject({ summary: { blocksJoined: 1, wordsAdded: 1, wordsRemoved: 1 } });
  });

  it('pairs a short heading in the same place even when most of its words changed', () => {
    const r = redlineSources(doc('## Junior Systems Admin', INTRO), doc('## Junior Site Reliability Engineer', INTRO));
    expect(body(r)).toBe(`## Junior [-Systems Admin-] [+Site Reliability Engineer+]\n\n${INTRO}`);
    expect(r.summary).toMatchObject({ wordsAdded: 3, wordsRemoved: 2, blocksChanged: 1 });
  });
});

describe('changes only keeps the heading path', () => {
  it('keeps every heading above a change out of the folds', () => {
    const r = redlineSources(
      doc('## Retention', INTRO, '### Paper', 'Paper is shredded.', '### Email', CLOSING, '## Disposal', 'Shred it.'),
      doc('## Retention', INTRO, '### Paper', 'Paper is shredded.', '### Email', CLOSING.replace('Records Manager', 'IT Lead'), '## Disposal', 'Shred it.'),
    );
    expect(redlineToHtml(r).split('\n')).toEqual([
      '<h2 class="rl-same">Retention</h2>',
      '<p class="rl-fold">3 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="3">',
      `<p class="rl-same">${INTRO}</p>`,
      '<h3 class="rl-same">Paper</h3>',
      '<p class="rl-same">Paper is shredded.</p>',
      '</div>',
      '<h3 class="rl-same">Email</h3>',
      expect.stringMatching(/^<p class="rl-chg">Questions about this policy go to the <del>/),
      '<p class="rl-fold">2 unchanged blocks hidden</p>',
      '<div class="rl-unchanged" data-count="2">',
      '<h2 class="rl-same">Disposal</h2>',
      '<p class="rl-same">Shred it.</p>',
      '</div>',
    ]);
  });
});
