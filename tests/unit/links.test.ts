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
    ['../retention/2.0.mdx', '/policies/retention/2.0/'],
    ['../retention/1.10.md#scope', '/policies/retention/1.10/#scope'],
    ['./1.1.mdx', '/policies/intake/1.1/'],
    ['../retention/', '/policies/retention/'],
    ['../../agreements/staff.mdx', '/agreements/staff/'],
    ['/policies/my%20policy/', '/policies/my policy/'],
  ])('%s → %s', (href, path) => {
    expect(targetPath(resolveLink(href, from))).toBe(path);
  });

  it.each([['https://example.com/'], ['mailto:a@b.example'], ['tel:+441234'], ['#section'], ['//cdn.example/x.js'], ['image.png'], ['']])(
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
  it('finds inline, reference and HTML links with their lines', () => {
    const body = ['Intro [a](/policies/a/) and [b](<../b/1.0.mdx> "title").', '', '[ref]: /policies/c/#x', '<a href="/policies/d/">d</a>'].join('\n');
    expect(findLinks(body)).toEqual([
      { href: '/policies/a/', line: 1 },
      { href: '../b/1.0.mdx', line: 1 },
      { href: '/policies/c/#x', line: 3 },
      { href: '/policies/d/', line: 4 },
    ]);
  });
});
