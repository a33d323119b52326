import { describe, expect, it } from 'vitest';
import { findLinks, resolveLink, targetPath, withBase } from '../../src/lib/links.ts';

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

  it.each([['https://example.com/'], ['mailto:a@b.example'], ['tel:+441234'], ['#section'], ['//cdn.example/x.js'], ['../../../outside.png'], ['']])(
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

describe('findLinks', () => {
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
    expect(findLinks(body, 'md')).toEqual([
      { href: '/policies/a/', line: 1 },
      { href: '../b/1.0.mdx', line: 1 },
      { href: '/policies/c/#x', line: 3 },
      { href: '/policies/d/', line: 5 },
    ]);
  });

  it('reads MDX, and throws on MDX that cannot be parsed', () => {
    expect(findLinks('<Callout type="note">See [x](/policies/x/).</Callout>', 'mdx')).toEqual([{ href: '/policies/x/', line: 1 }]);
    expect(() => findLinks('An unclosed <Callout> tag', 'mdx')).toThrow();
  });
});
