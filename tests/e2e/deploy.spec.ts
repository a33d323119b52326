/**
 * Deploy anywhere, leak nothing: the built site, served by nginx under /handbook/, is crawled
 * page by page in the browser; every built file is checked for validity, the base path, the
 * confidentiality metas and draft text; and the same content is built and served at `/` too.
 * Written against whatever pages exist: new pages are covered as soon as they are built.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveSite } from '../../scripts/local-site.ts';
import { builtFiles, checkHtml, metaContent, pathOfHtmlFile, readBuiltText, referencesIn, startTags } from './crawl-helpers.ts';
import { buildSite, E2E_BASE, SITE_DIR } from './global-setup.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

/** A word that only the draft content/policies/reporting-a-breach/3.0.mdx contains. */
const DRAFT_WORD = 'tabletop';
/** Any address of the draft version: its page, or a comparison with it. */
const DRAFT_ADDRESS = /reporting-a-breach\/(?:compare\/\d+\.\d+\/)?3\.0\b/;
/** Files every deployment must serve besides the pages (relative to the base). */
const SEED_ASSETS = ['feed.xml', 'robots.txt', 'reviews.csv', 'pagefind/pagefind.js', 'favicon.svg'];
/** CSP sources allowed: the site itself, inline hashes, Pagefind's WebAssembly, data: images. */
const ALLOWED_SOURCE = /^(?:'self'|'none'|'wasm-unsafe-eval'|'sha(?:256|384|512)-[A-Za-z0-9+/=]+'|data:)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const htmlFiles = () => builtFiles(SITE_DIR).filter((f) => f.endsWith('.html'));
const readSite = (file: string) => readFileSync(join(SITE_DIR, file), 'utf8');

/** A page address counts as a page (visited in the browser) when it names a folder or an HTML file. */
const isPage = (url: URL) => url.pathname.endsWith('/') || url.pathname.endsWith('.html');

/** Every address a loaded page refers to, resolved by the browser. */
function collectReferences(page: Page): Promise<{ tag: string; url: string }[]> {
  return page.evaluate(() => {
    const found: { tag: string; url: string }[] = [];
    const add = (el: Element, value: string | null) => {
      if (value) found.push({ tag: el.localName, url: new URL(value, document.baseURI).href });
    };
    for (const el of document.querySelectorAll('[href], [src], form[action], [srcset], object[data], video[poster]')) {
      for (const attribute of ['href', 'src', 'action', 'data', 'poster']) add(el, el.getAttribute(attribute));
      for (const candidate of el.getAttribute('srcset')?.split(',') ?? []) add(el, candidate.trim().split(/\s+/)[0] ?? null);
    }
    return found;
  });
}

test.describe('deploy anywhere, leak nothing', () => {
  test('crawl: every page and asset answers 200, with no request to another host and no console error', async ({ page, request, watch, baseURL }) => {
    test.setTimeout(240_000);
    const base = new URL(baseURL ?? '');
    const problems: string[] = [];
    let current = '';
    // Attribute every problem to the page that caused it (`watch` also fails the test, unattributed).
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${current}: console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && url.origin !== base.origin) problems.push(`${current}: request to another host: ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${current}: ${r.status()} for ${r.url()}`);
    });

    const pages = new Map<string, string>(); // page address → where it was first found
    const assets = new Map<string, string>();
    const queue: string[] = [];
    let links = 0;
    const external = new Set<string>();
    const found = (href: string, from: string) => {
      const url = new URL(href);
      url.hash = '';
      if (!url.protocol.startsWith('http')) return;
      if (url.origin !== base.origin) return void external.add(url.href);
      const target = isPage(url) ? pages : assets;
      if (target.has(url.href)) return;
      target.set(url.href, from);
      if (target === pages) queue.push(url.href);
    };

    found(base.href, 'start');
    for (const asset of SEED_ASSETS) found(new URL(asset, base).href, 'seed');
    // The feed's entries are links into the site too.
    const feed = await request.get(new URL('feed.xml', base).href);
    for (const [, href = ''] of (await feed.text()).matchAll(/<link[^>]*\shref="([^"]+)"/g)) found(new URL(href.replaceAll('&amp;', '&'), feed.url()).href, 'feed.xml');

    const visit = async (address: string) => {
      current = address;
      const response = await page.goto(address);
      if (response?.status() !== 200) return void problems.push(`${address}: answered ${response?.status()} (linked from ${pages.get(address)})`);
      if (!response.headers()['content-type']?.startsWith('text/html')) problems.push(`${address}: served as ${response.headers()['content-type']}`);
      for (const ref of await collectReferences(page)) {
        links += 1;
        found(ref.url, address);
      }
    };
    await test.step('follow every link from the home page', async () => {
      for (let address = queue.shift(); address; address = queue.shift()) await visit(address);
    });
    const linked = pages.size;

    const unlinked: string[] = [];
    await test.step('visit every built page that no link reaches', async () => {
      for (const file of htmlFiles()) {
        const address = new URL(pathOfHtmlFile(file), base).href;
        if (pages.has(address)) continue;
        unlinked.push(file);
        pages.set(address, 'the built files');
        await visit(address);
        for (let next = queue.shift(); next; next = queue.shift()) await visit(next);
      }
    });

    await test.step('fetch every asset, and what the stylesheets refer to', async () => {
      for (const [address, from] of assets) {
        const response = await request.get(address);
        if (response.status() !== 200) {
          problems.push(`${address}: answered ${response.status()} (referred to by ${from})`);
          continue;
        }
        if (response.headers()['content-type']?.startsWith('text/css')) {
          for (const [, raw = ''] of (await response.text()).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!raw.startsWith('data:')) found(new URL(raw, address).href, address);
        }
      }
    });

    const builtPages = htmlFiles().length;
    console.log(
      `Crawl: ${pages.size} pages visited (${linked} reached by links from the home page and the feed, ${unlinked.length} only in the built files${unlinked.length ? `: ${unlinked.join(', ')}` : ''}), ` +
        `${builtPages} HTML files built; ${links} links and references followed, ${pages.size + assets.size} distinct internal addresses (${assets.size} assets), ${external.size} external links.`,
    );
    expect(problems, 'crawl problems').toEqual([]);
    expect(pages.size).toBeGreaterThanOrEqual(builtPages);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('a missing address answers 404 with the handbook\'s own page, styled, at any depth', async ({ page, watch }) => {
    for (const address of ['no-such-page/', 'policies/no-such-policy/9.9/']) {
      const failed: string[] = [];
      const listener = (r: { status(): number; url(): string }) => void (r.status() >= 400 && !r.url().endsWith(address) && failed.push(`${r.status()} ${r.url()}`));
      page.on('response', listener);
      const response = await page.goto(address);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('link', { name: /chapters/i }).first()).toHaveAttribute('href', E2E_BASE);
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      page.off('response', listener);
      expect(failed, 'subresources of the 404 page').toEqual([]);
    }
    // The 404 page's own console error is the browser reporting the 404 status: expected here.
    watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((e) => !/status of 404/.test(e)));
  });

  test('every built page passes the Nu HTML Checker', () => {
    test.setTimeout(120_000);
    const errors = checkHtml(SITE_DIR);
    if (errors.length) console.log(errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}${e.extract ? `\n    ${e.extract}` : ''}`).join('\n'));
    expect(errors.map((e) => `${e.file}: ${e.message}`)).toEqual([]);
  });

  test('every page stays under the base path, with consistent trailing slashes', () => {
    const problems: string[] = [];
    const files = htmlFiles();
    for (const file of files) {
      const pageUrl = new URL(`${E2E_BASE}${pathOfHtmlFile(file)}`, 'http://site.invalid');
      for (const { tag, attribute, value } of referencesIn(readSite(file))) {
        if (value.startsWith('#') || value.startsWith('?')) continue;
        if (value.startsWith('//')) problems.push(`${file}: <${tag} ${attribute}="${value}"> leaves the site`);
        if (SCHEME.test(value)) continue; // mailto:, https: to elsewhere (links, not requests), data:
        const url = new URL(value, pageUrl);
        if (!url.pathname.startsWith(E2E_BASE)) problems.push(`${file}: <${tag} ${attribute}="${value}"> escapes the base path`);
        const last = url.pathname.split('/').pop() ?? '';
        if (last !== '' && !last.includes('.')) problems.push(`${file}: <${tag} ${attribute}="${value}"> has no trailing slash`);
      }
    }
    for (const file of builtFiles(SITE_DIR).filter((f) => f.endsWith('.css'))) {
      for (const [, raw = ''] of readSite(file).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (!raw.startsWith('data:') && !new URL(raw, `http://site.invalid${E2E_BASE}${file}`).pathname.startsWith(E2E_BASE)) problems.push(`${file}: url(${raw}) escapes the base path`);
      }
    }
    for (const [, href = ''] of readSite('feed.xml').matchAll(/\shref="([^"]+)"/g)) {
      if (!new URL(href, `http://site.invalid${E2E_BASE}feed.xml`).pathname.startsWith(E2E_BASE)) problems.push(`feed.xml: ${href} escapes the base path`);
    }
    expect(files.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('confidential by default: robots.txt disallows all; every page has noindex, no-referrer and a strict CSP', async ({ request, baseURL }) => {
    const robots = await request.get(new URL('robots.txt', baseURL).href);
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*\s*\nDisallow: \/\s*$/);

    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const html = readSite(file);
      if (!/noindex/.test(metaContent(html, 'name', 'robots') ?? '')) problems.push(`${file}: no robots noindex meta`);
      if (metaContent(html, 'name', 'referrer') !== 'no-referrer') problems.push(`${file}: no referrer no-referrer meta`);
      const csp = metaContent(html, 'http-equiv', 'content-security-policy');
      if (!csp) {
        problems.push(`${file}: no Content-Security-Policy meta`);
        continue;
      }
      const directives = new Map(
        csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
          const [name = '', ...sources] = d.split(/\s+/);
          return [name, sources] as const;
        }),
      );
      if (directives.get('default-src')?.join(' ') !== "'self'") problems.push(`${file}: default-src is not 'self'`);
      if (directives.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src is not 'none'`);
      const scripts = directives.get('script-src');
      if (!scripts) problems.push(`${file}: no script-src`);
      else if (scripts.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'")) problems.push(`${file}: script-src allows ${scripts.join(' ')}`);
      for (const [name, sources] of directives) {
        for (const source of sources) if (!ALLOWED_SOURCE.test(source)) problems.push(`${file}: ${name} allows ${source}`);
      }
      // Inline handlers would need 'unsafe-inline' (or be blocked and silently break the page).
      for (const { tag, attributes } of startTags(html)) {
        for (const name of attributes.keys()) if (/^on[a-z]+$/.test(name)) problems.push(`${file}: <${tag} ${name}> is an inline event handler`);
      }
    }
    expect(htmlFiles().length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('a word only in a draft appears nowhere in the output: no page, no search entry, no link, no feed item', async ({ page, request, watch }) => {
    const files = builtFiles(SITE_DIR);
    const texts = new Map(files.map((f) => [f, readBuiltText(join(SITE_DIR, f))]));
    expect([...texts].filter(([, text]) => text.toLowerCase().includes(DRAFT_WORD)).map(([f]) => f), `files containing "${DRAFT_WORD}"`).toEqual([]);
    expect(files.filter((f) => DRAFT_ADDRESS.test(f)), 'files for the draft version').toEqual([]);
    expect([...texts].filter(([, text]) => DRAFT_ADDRESS.test(text)).map(([f]) => f), 'files linking to the draft version').toEqual([]);
    // The scan reads inside Pagefind's gzipped fragments: the published version's words are there.
    const fragments = files.filter((f) => f.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.some((f) => texts.get(f)?.includes('Report within one hour'))).toBe(true);

    // And the search itself, as a reader would run it. Pagefind falls back to the closest
    // prefix when a word is not indexed ("tabletop" finds "tablet"), so the test is that no
    // result holds the word, not that there are no results.
    await page.goto('./');
    const results = await page.evaluate(async (words) => {
      type Result = { data(): Promise<{ url: string; content: string }> };
      const pagefind = (await import(new URL('pagefind/pagefind.js', document.baseURI).href)) as {
        search(q: string): Promise<{ results: Result[] }>;
        mergeIndex(path: string, options: { baseUrl: string }): Promise<void>;
      };
      // Older versions have their own index: search both, as a reader who ticks "older versions" does.
      await pagefind.mergeIndex(new URL('pagefind-older/', document.baseURI).pathname, { baseUrl: new URL('./', document.baseURI).pathname });
      const found: Record<string, { url: string; content: string }[]> = {};
      for (const word of words) found[word] = await Promise.all((await pagefind.search(word)).results.map((r) => r.data()));
      return found;
    }, [DRAFT_WORD, 'breach']);
    expect((results[DRAFT_WORD] ?? []).filter((r) => r.content.toLowerCase().includes(DRAFT_WORD) || DRAFT_ADDRESS.test(r.url)).map((r) => r.url)).toEqual([]);
    expect(results['breach']?.length).toBeGreaterThan(0);
    for (const { url } of results['breach'] ?? []) expect((await request.get(new URL(url, page.url()).href)).status(), `search result ${url}`).toBe(200);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the same content works at the root of a host (base /), served as plain files', async ({ browser }) => {
    test.setTimeout(180_000);
    const out = mkdtempSync(join(tmpdir(), 'handbook-root-'));
    const build = () => buildSite(out, '/');
    try {
      try {
        build();
      } catch {
        // Concurrent builds share Astro's cache folder and can trip over each other once: retry.
        build();
      }
      const server = await serveSite(out);
      const context = await browser.newContext({ baseURL: `${server.origin}/` });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => void (msg.type() === 'error' && problems.push(`console error: ${msg.text()}`)));
      page.on('request', (r) => void (r.url().startsWith('http') && !r.url().startsWith(server.origin) && problems.push(`request to another host: ${r.url()}`)));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} for ${r.url()}`)));
      try {
        expect((await page.goto('/'))?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const hrefs = await page.locator('a[href^="/"], link[href^="/"], script[src^="/"]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
        expect(hrefs.length).toBeGreaterThan(5);
        expect(hrefs.filter((h) => h.startsWith(E2E_BASE))).toEqual([]);
        expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);

        await page.getByRole('link', { name: 'Secure communication' }).first().click();
        await expect(page).toHaveURL(`${server.origin}/policies/secure-communication/`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Secure communication');

        const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
        expect(stylesheet).toMatch(/^\/_astro\/.+\.css$/);
        for (const asset of [stylesheet ?? '', '/feed.xml', '/robots.txt', '/pagefind/pagefind.js', '/favicon.svg']) {
          expect((await context.request.get(`${server.origin}${asset}`)).status(), asset).toBe(200);
        }
        const found = await page.evaluate(async (src) => {
          const pagefind = (await import(src)) as { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> };
          return Promise.all((await pagefind.search('breach')).results.map(async (r) => (await r.data()).url));
        }, '/pagefind/pagefind.js');
        expect(found.length).toBeGreaterThan(0);
        for (const url of found) {
          expect(url).not.toMatch(new RegExp(`^${E2E_BASE}`));
          expect((await context.request.get(`${server.origin}${url}`)).status(), `search result ${url}`).toBe(200);
        }

        const missing = await page.goto('/no-such-page/');
        expect(missing?.status()).toBe(404);
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
        expect(problems.filter((p) => !p.includes('/no-such-page/') && !/status of 404/.test(p))).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** One page of each kind, by its address below the base; the 404 kind answers 404. */
const KINDS: [kind: string, address: string][] = [
  ['home', ''],
  ['policy', 'policies/secure-communication/'],
  ['old version', 'policies/secure-communication/1.0/'],
  ['upcoming version', 'policies/retention-and-disposal/2.1/'],
  ['history', 'policies/secure-communication/history/'],
  ['compare', 'policies/secure-communication/compare/1.0/2.1/'],
  ['changes', 'changes/'],
  ['reviews', 'reviews/'],
  ['agreements', 'agreements/'],
  ['agreement', 'agreements/staff-confidentiality/'],
  ['print', 'print/'],
  ['search', 'search/?q=retention'],
  ['404', 'no-such-page/'],
];

test.describe('accessibility of every kind of page (axe, WCAG 2.2 AA)', () => {
  for (const [kind, address] of KINDS) {
    test(kind, async ({ page, watch }) => {
      const response = await page.goto(address);
      expect(response?.status()).toBe(kind === '404' ? 404 : 200);
      // Let scripts that fetch (search results, review states) finish before axe looks.
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
      if (kind === '404') watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((e) => !/status of 404/.test(e)));
    });
  }
});
