/**
 * `pdf`: blank PDFs of every agreement and of the print edition, printed by the installed
 * Chromium from the built site, which is served on localhost for the purpose (the pages need
 * their scripts and styles, under the base path they were built for).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { basePath, contentDir, normaliseBase, siteUrl } from '../../src/lib/env.ts';
import { builtFile, href, withBase } from '../../src/lib/routes.ts';
import { readSiteOptions } from '../../src/lib/site-options.ts';
import { CHROMIUM, CHROMIUM_ARGS, serveSite } from '../local-site.ts';
import { UsageError, type Command } from './shared.ts';

const PAPER = { a4: 'A4', letter: 'Letter' } as const;
type Paper = keyof typeof PAPER;

/**
 * The base path a site was built for, from its home page (`<body data-base="/handbook/">`).
 *
 * @returns the base, or `undefined` when the page does not say
 */
export function baseFromPage(html: string): string | undefined {
  const match = /<body\b[^>]*\bdata-base="([^"]*)"/.exec(html);
  return match?.[1] ? normaliseBase(match[1]) : undefined;
}

/** A path as the user would type it: relative to the working directory when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** Agreement slugs in the built site: the folders under the agreements' page that hold an agreement's page. */
function builtAgreements(siteDir: string): string[] {
  const dir = join(siteDir, href.agreements());
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((slug) => existsSync(join(siteDir, builtFile(href.agreement({ slug }))))).sort();
}

/** `npm run handbook -- pdf`: prints blank agreements and the print edition from a built site. */
export const pdf: Command = {
  options: {
    site: { type: 'string' },
    out: { type: 'string' },
    paper: { type: 'string' },
  },
  async run(positionals, values) {
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const paper = String(values['paper'] ?? 'a4').toLowerCase();
    if (!Object.hasOwn(PAPER, paper)) throw new UsageError(`--paper takes "a4" or "letter", received "${values['paper']}".`);
    const siteDir = resolve(String(values['site'] ?? 'dist'));
    const outDir = resolve(String(values['out'] ?? join(siteDir, 'pdf')));
    const home = join(siteDir, 'index.html');
    if (!existsSync(home)) {
      console.error(`There is no built site in ${siteDir}. Run \`npm run build\` first (or pass --site DIR).`);
      return 1;
    }
    if (!existsSync(CHROMIUM)) {
      console.error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package with \`apt-get install -y chromium\` (as root), or set CHROMIUM_PATH to a Chromium binary.`);
      return 1;
    }
    const slugs = builtAgreements(siteDir);
    const hasEdition = existsSync(join(siteDir, builtFile(href.page('print'))));
    const options = readSiteOptions(contentDir());
    const base = baseFromPage(readFileSync(home, 'utf8')) ?? basePath(options.base);
    const publicSite = siteUrl(options.url);

    // Playwright is a development dependency: load it only for this command.
    const { chromium } = await import('playwright-core');
    const server = await serveSite(siteDir, base);
    const { origin } = server;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      // A confidential handbook: the printing browser talks to nothing but the local copy.
      await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      const page = await context.newPage();
      mkdirSync(outDir, { recursive: true });
      const jobs = [
        ...slugs.map((slug) => ({ path: href.agreement({ slug }), file: `${slug}.pdf` })),
        ...(hasEdition ? [{ path: href.page('print'), file: 'print-edition.pdf' }] : []),
      ];
      console.log(`Printing ${slugs.length} agreements${hasEdition ? ' and the print edition' : ''} on ${PAPER[paper as Paper]} paper from ${shown(siteDir)} (base ${base}).`);
      for (const [i, job] of jobs.entries()) {
        const address = withBase(base, job.path);
        const response = await page.goto(`${origin}${address}`, { waitUntil: 'load' });
        if (!response?.ok()) throw new Error(`${address} answered ${response?.status() ?? 'nothing'}.`);
        // Links in the PDF would lead to this temporary server: point them at the published site, or drop them.
        await page.evaluate(({ origin, site }) => {
          for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
            if (a.getAttribute('href')?.startsWith('#') || new URL(a.href).origin !== origin) continue;
            if (site) a.href = new URL(a.pathname + a.hash, site).href;
            else a.removeAttribute('href');
          }
        }, { origin, site: publicSite });
        const bytes = await page.pdf({ format: PAPER[paper as Paper], printBackground: true });
        const target = join(outDir, job.file);
        writeFileSync(target, bytes);
        console.log(`[${i + 1}/${jobs.length}] ${shown(target)} (${Math.ceil(bytes.length / 1024)} KB)`);
      }
      console.log(`Done: ${jobs.length} PDFs in ${shown(outDir)}.`);
      return 0;
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
