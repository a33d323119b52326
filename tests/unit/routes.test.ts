/**
 * The route table: every page kind's address, the addresses it parses back, and the pages it
 * lists for a handbook (the minimal fixture: two policies, one with versions 1.0, 1.9 and 1.10).
 * Expected addresses are written out by hand from the URL contract in DESIGN.md.
 */
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectedRoutes } from '../../src/integrations/handbook.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { builtFile, href, routes, SITE_PAGES, type PageKind } from '../../src/lib/routes.ts';

const { handbook } = loadHandbook(resolve('tests/fixtures/minimal/content'), '2026-11-15');

describe('the route table', () => {
  it.each<[PageKind, Record<string, string>, string]>([
    ['home', {}, '/'],
    ['policy', { slug: 'intake' }, '/policies/intake/'],
    ['version', { slug: 'intake', version: '1.10' }, '/policies/intake/1.10/'],
    ['versionBlocks', { slug: 'intake', version: '1.9' }, '/policies/intake/1.9/blocks.json'],
    ['versionDocx', { slug: 'intake', version: '1.9', file: 'intake-1.9.docx' }, '/policies/intake/1.9/intake-1.9.docx'],
    ['compareDocx', { slug: 'intake', from: '1.9', to: '1.10', file: 'intake-1.9-to-1.10.docx' }, '/policies/intake/compare/1.9/1.10/intake-1.9-to-1.10.docx'],
    ['history', { slug: 'intake' }, '/policies/intake/history/'],
    ['compare', { slug: 'intake', from: '1.9', to: '1.10' }, '/policies/intake/compare/1.9/1.10/'],
    ['changes', {}, '/changes/'],
    ['feed', {}, '/feed.xml'],
    ['reviews', {}, '/reviews/'],
    ['reviewsCsv', {}, '/reviews.csv'],
    ['agreements', {}, '/agreements/'],
    ['agreement', { slug: 'staff' }, '/agreements/staff/'],
    ['print', {}, '/print/'],
    ['search', {}, '/search/'],
    ['notFound', {}, '/404.html'],
    ['robots', {}, '/robots.txt'],
  ])('%s %j is at %s, and that address parses back', (kind, params, address) => {
    const route = routes[kind] as { path(p: Record<string, string>): string; match(path: string): Record<string, string> | undefined };
    expect(route.path(params)).toBe(address);
    expect(route.match(address)).toEqual(params);
  });

  it.each([
    ['compare', '/policies/intake/compare/1.9/'],
    ['compare', '/policies/intake/compare/1.9/1.10/extra/'],
    ['version', '/policies/intake/1.9/blocks.json'],
    ['policy', '/agreements/intake/'],
    ['home', '/changes/'],
  ] as const)('%s does not take %s', (kind, address) => {
    expect((routes[kind] as { match(path: string): unknown }).match(address)).toBeUndefined();
  });

  it('parses an address without its trailing slash and with escaped characters', () => {
    expect(routes.compare.match('/policies/intake/compare/1.9/1.10')).toEqual({ slug: 'intake', from: '1.9', to: '1.10' });
    expect(routes.policy.match('/policies/in%20take/')).toEqual({ slug: 'in take' });
    expect(routes.agreements.match('/agreements')).toEqual({});
    // A stray % is no escape: it stays as written (a link checked in content must not throw).
    expect(routes.policy.match('/policies/100%/')).toEqual({ slug: '100%' });
  });

  it.each([
    ['/', 'index.html'],
    ['/policies/intake/', 'policies/intake/index.html'],
    ['/policies/intake/1.9/blocks.json', 'policies/intake/1.9/blocks.json'],
    ['/feed.xml', 'feed.xml'],
  ])('writes the page at %s to %s in the built site', (path, file) => {
    expect(builtFile(path)).toBe(file);
  });

  it('refuses to build an address with a parameter missing', () => {
    expect(() => routes.version.path({ slug: 'intake' } as never)).toThrow('No "version" for the address /policies/[slug]/[version]/.');
  });

  it('lists the pages of a handbook with their data', () => {
    expect(handbook).toBeDefined();
    const h = handbook!;
    expect(routes.policy.pages(h).map((p) => p.params)).toEqual([{ slug: 'intake' }, { slug: 'conflicts' }]);
    expect(routes.version.pages(h).map((p) => routes.version.path(p.params))).toEqual([
      '/policies/intake/1.0/',
      '/policies/intake/1.9/',
      '/policies/intake/1.10/',
      '/policies/conflicts/1.0/',
    ]);
    // Each version against the one before, and against the current one (1.10 here).
    expect(routes.compare.pages(h).map((p) => routes.compare.path(p.params))).toEqual([
      '/policies/intake/compare/1.0/1.9/',
      '/policies/intake/compare/1.9/1.10/',
      '/policies/intake/compare/1.0/1.10/',
    ]);
    const [intake, conflicts] = routes.policy.pages(h);
    expect(intake!.props.version.version).toBe('1.10');
    expect(intake!.props.prev).toBeUndefined();
    expect(intake!.props.next?.slug).toBe('conflicts');
    expect(conflicts!.props.prev?.slug).toBe('intake');
    const v19 = routes.version.pages(h).find((p) => p.params.version === '1.9')!;
    expect(v19.props.previousVersion?.version).toBe('1.0');
    expect(routes.agreement.pages(h)).toEqual([]);
    expect(routes.home.pages(h)).toEqual([{ params: {}, props: { handbook: h } }]);
  });

  it('gives every page its handbook with its data', () => {
    const h = handbook!;
    for (const kind of Object.keys(routes) as PageKind[]) {
      for (const page of routes[kind].pages(h)) expect(page.props.handbook, kind).toBe(h);
    }
    // The print edition: chapters with a policy in force, numbered (the minimal fixture's one chapter).
    expect(routes.print.pages(h)[0]!.props.chapters.map((c) => [c.number, c.chapter.id, c.policies.map((p) => p.slug)])).toEqual([[1, 'clients', ['intake', 'conflicts']]]);
  });

  it('gives links their addresses, and content links the single pages', () => {
    expect(href.chapter('clients')).toBe('/#clients');
    expect(href.page('print')).toBe('/print/');
    expect(href.agreements()).toBe('/agreements/');
    expect(href.versionDocx({ slug: 'intake', version: '1.10' })).toBe('/policies/intake/1.10/intake-1.10.docx');
    expect(SITE_PAGES).toEqual(['/', '/changes/', '/as-at/', '/reviews/', '/reviews.csv', '/agreements/', '/print/', '/search/', '/feed.xml']);
  });

  it('is what the integration gives Astro: each kind at its pattern, from its own entrypoint in src/routes/', () => {
    const injected = injectedRoutes().map(({ pattern, entrypoint }) => [pattern, relative(resolve('src/routes'), entrypoint)]);
    expect(injected).toEqual([
      ['/', 'home.astro'],
      ['/policies/[slug]/', 'policy.astro'],
      ['/policies/[slug]/[version]/', 'version.astro'],
      ['/policies/[slug]/[version]/blocks.json', 'versionBlocks.ts'],
      ['/policies/[slug]/[version]/[file]', 'versionDocx.ts'],
      ['/policies/[slug]/history/', 'history.astro'],
      ['/policies/[slug]/compare/[from]/[to]/', 'compare.astro'],
      ['/policies/[slug]/compare/[from]/[to]/[file]', 'compareDocx.ts'],
      ['/changes/', 'changes.astro'],
      ['/as-at/', 'asAt.astro'],
      ['/feed.xml', 'feed.ts'],
      ['/reviews/', 'reviews.astro'],
      ['/reviews.csv', 'reviewsCsv.ts'],
      ['/agreements/', 'agreements.astro'],
      ['/agreements/[slug]/', 'agreement.astro'],
      ['/print/', 'print.astro'],
      ['/search/', 'search.astro'],
      // Astro writes its not-found page to 404.html only from this pattern.
      ['/404', 'notFound.astro'],
      ['/robots.txt', 'robots.ts'],
    ]);
  });
});
