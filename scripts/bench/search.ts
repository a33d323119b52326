/**
 * Times Pagefind searches in a real browser (Debian's Chromium through Playwright) against the
 * built site served on localhost: the first search from cold (loading Pagefind's script,
 * WebAssembly and index, then the first results' data) and later searches.
 *
 * It measures the search engine, not the search page's debounce; over a real network the first
 * search is slower by the transfer time. Skipped, with a note, when Chromium or Playwright is missing.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS, serveSite } from '../local-site.ts';

export interface SearchTiming {
  /** First search, from loading Pagefind to the data of the first five results. */
  firstMs: number | null;
  /** Median of the later searches, each with the data of its first five results. */
  laterMedianMs: number | null;
  /** Each later search, in order. */
  laterMs?: number[];
  /** Results found for each term, first term first. */
  results: number[];
  terms: string[];
  note?: string;
}

/** Words a reader of a compliance handbook types; the first is the cold search. */
export const SEARCH_TERMS = ['confidentiality', 'privilege', 'sanctions', 'retention', 'encryption', 'ransomware', 'undertakings', 'beneficial ownership', 'phishing', 'witness'];

interface Measured {
  first: number;
  later: number[];
  counts: number[];
}

/**
 * Opens `page` of the site in `outDir` and times searches for `terms`.
 *
 * @returns timings, or nulls and a note when the browser is not available or search failed
 */
export async function timeSearch(outDir: string, page: string, terms = SEARCH_TERMS): Promise<SearchTiming> {
  const none = (note: string): SearchTiming => ({ firstMs: null, laterMedianMs: null, results: [], terms, note });
  if (!existsSync(CHROMIUM)) return none(`no browser at ${CHROMIUM} (apt-get install -y chromium)`);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return none('playwright-core is not installed');
  }
  const server = await serveSite(outDir);
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/${page.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
    const measured = await tab.evaluate(async (words: string[]): Promise<Measured> => {
      const base = document.body.dataset['base'] ?? '/';
      const search = async (pf: { search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> }, q: string) => {
        const found = await pf.search(q);
        await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
        return found.results.length;
      };
      let started = performance.now();
      const pf = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
      // The same options as the search page (src/client/search.ts): no worker, whose start-up and
      // round trips cost more than the searches themselves.
      await pf.options({ baseUrl: base, noWorker: true });
      await pf.init?.();
      const counts = [await search(pf, words[0]!)];
      const first = performance.now() - started;
      const later: number[] = [];
      for (const word of words.slice(1)) {
        started = performance.now();
        counts.push(await search(pf, word));
        later.push(performance.now() - started);
      }
      return { first, later, counts };
    }, terms);
    const later = [...measured.later].sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      firstMs: round(measured.first),
      laterMedianMs: later.length ? round(later[Math.floor(later.length / 2)]!) : null,
      laterMs: measured.later.map(round),
      results: measured.counts,
      terms,
    };
  } catch (error) {
    return none(`search failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

export interface SearchComparison {
  /** Browser sessions per site, alternating: handbook, baseline, handbook, … */
  rounds: number;
  /** Pooled: the median first search over the rounds, and the median of every later search. */
  handbook: SearchTiming;
  baseline: SearchTiming;
}

function pooled(timings: readonly SearchTiming[], terms: string[]): SearchTiming {
  const failed = timings.find((t) => t.firstMs === null);
  if (failed) return failed;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
  };
  return {
    firstMs: median(timings.map((t) => t.firstMs!)),
    laterMedianMs: median(timings.flatMap((t) => t.laterMs ?? [])),
    laterMs: timings.flatMap((t) => t.laterMs ?? []),
    results: timings[0]?.results ?? [],
    terms,
  };
}

/**
 * Times the same searches on the handbook's index and the baseline's, in alternating fresh
 * browsers (each first search is cold), so both see the same machine load.
 */
export async function compareSearch(handbook: { outDir: string; page: string }, baseline: { outDir: string; page: string }, rounds = 3, terms = SEARCH_TERMS): Promise<SearchComparison> {
  const ours: SearchTiming[] = [];
  const theirs: SearchTiming[] = [];
  for (let i = 0; i < rounds; i++) {
    ours.push(await timeSearch(handbook.outDir, handbook.page, terms));
    theirs.push(await timeSearch(baseline.outDir, baseline.page, terms));
  }
  return { rounds, handbook: pooled(ours, terms), baseline: pooled(theirs, terms) };
}
