import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/lib/body.ts';
import { printedAddress, resolveLink, targetPath, withBase } from '../../src/lib/links.ts';

const from = 'policies/intake/1.0.mdx';

describe('resolveLink and targetPath', () => {
  it.each([
    ['/policies/retention/', '/policies/retention/'],
    ['/policies/retention', '/policies/retention/'],
    ['/policies/retention/#periods', '/policies/retention/#periods'],
    ['/policies/retention/2.0/', '/policies/retention/2.0/'],
    ['/policies/retention/history/', '/policies/retention/history/'],
    ['/agreements/', '/agreements/'],
    ['/agreements/staff/', '/agreements/staff/'],
    ['/changes', '/changes/'],
    ['/feed.xml', '/feed.xml'],
    ['/policies/retention/compare/1.0/2.0/', '/policies/retention/compare/1.0/2.0/'],
    ['../retention/2.0.mdx', '/policies/retention/2.0/'],
    ['../retention/1.10.md#scope', '/policies/retention/1.10/#scope'],
    ['./1.1.mdx', '/policies/intake/1.1/'],
    ['../retention/', '/policies/retention/'],
    ['../../agreements/staff.mdx', '/agreements/staff/'],
    ['/policies/my%20policy/', '/policies/my policy/'],
  ])('%s → %s', (href, path) => {
    expect(targetPath(resolveLink(href, from))).toBe(path);
  });

  it('treats other relative paths as files beside the content, left as written', () => {
    expect(resolveLink('diagram.png', from)).toEqual({ kind: 'file', path: 'policies/intake/diagram.png' });
    expect(targetPath(resolveLink('diagram.png', from))).toBeUndefined();
  });

  it('marks a relative path that leaves the content folder as outside', () => {
    expect(resolveLink('../../../outside.png', from)).toEqual({ kind: 'outside', path: '../outside.png' });
    expect(resolveLink('../../..', from)).toEqual({ kind: 'outside', path: '..' });
    expect(targetPath(resolveLink('../../../outside.png', from))).toBeUndefined();
  });

  it.each([['https://example.com/'], ['mailto:a@b.example'], ['tel:+441234'], ['#section'], ['//cdn.example/x.js'], ['']])(
    'leaves %s alone',
    (href) => {
      expect(resolveLink(href, from)).toEqual({ kind: 'other' });
    },
  );
});

describe('withBase', () => {
  it.each([
    ['/', '/policies/x/', '/policies/x/'],
    ['/handbook/', '/policies/x/', '/handbook/policies/x/'],
    ['/handbook', '/', '/handbook/'],
  ])('%s + %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('scanBody', () => {
  it('finds links, reference definitions and HTML links with their lines, and nothing that only looks like one', () => {
    const body = [
      'Intro [a](/policies/a/) and [b](<../b/1.0.mdx> "title"), a footnote[^act] and `[code](/nope/)`.',
      '',
      '[ref]: /policies/c/#x',
      '',
      '<a href="/policies/d/">d</a>',
      '',
      '[^act]: Limitation Act 1980.',
    ].join('\n');
    expect(scanBody(body, 'md').links).toEqual([
      { href: '/policies/a/', line: 1 },
      { href: '../b/1.0.mdx', line: 1 },
      { href: '/policies/c/#x', line: 3 },
      { href: '/policies/d/', line: 5 },
    ]);
  });

  it('reads MDX components, their string attributes and the names the file imports', () => {
    const scan = scanBody(['import Note, { Aside as Side } from "./n.astro";', '', '<Note kind="tip">See [x](/policies/x/).</Note> and <Side /> <br />'].join('\n'), 'mdx');
    expect(scan.links).toEqual([{ href: '/policies/x/', line: 3 }]);
    expect(scan.components.map((c) => [c.name, c.line, c.attributes])).toEqual([
      ['Note', 3, { kind: 'tip' }],
      ['Side', 3, {}],
      ['br', 3, {}],
    ]);
    expect([...scan.imported].sort()).toEqual(['Note', 'Side']);
  });

  it('throws on MDX that cannot be parsed', () => {
    expect(() => scanBody('An unclosed <Callout> tag', 'mdx')).toThrow();
  });
});

describe('printedAddress', () => {
  it('is the full address when the site address is known, else the path', () => {
    expect(printedAddress('/handbook/policies/x/compare/1.0/2.0/', 'https://intranet.example')).toBe('https://intranet.example/handbook/policies/x/compare/1.0/2.0/');
    expect(printedAddress('/handbook/policies/x/', new URL('https://intranet.example/handbook/'))).toBe('https://intranet.example/handbook/policies/x/');
    expect(printedAddress('/policies/x/', undefined)).toBe('/policies/x/');
  });
});
