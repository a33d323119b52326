/**
 * The search page: live results from the Pagefind index written after the build
 * (src/integrations/handbook.ts), with facet counts. The address carries the whole search
 * (`?q=…&chapter=…&older=1`), so it can be shared and bookmarked; it is updated as the reader types.
 */

/** The part of Pagefind's browser API used here (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: { baseUrl: string; noWorker: boolean }): Promise<void>;
  mergeIndex(path: string, options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  preload(term: string, options: { filters: Filters }): Promise<void>;
  search(term: string | null, options: { filters: Filters }): Promise<{ results: { data(): Promise<ResultData> }[]; filters: Counts }>;
}
type Filters = Record<string, string | { any: string[] }>;
/** Results per value, per filter: `{ chapter: { Foundations: 3 } }`. */
type Counts = Record<string, Record<string, number>>;
interface Section {
  title: string;
  url: string;
  /** HTML-escaped text apart from the <mark> around the words found. */
  excerpt: string;
  weighted_locations: { balanced_score: number }[];
}
interface ResultData {
  url: string;
  excerpt: string;
  /** Raw page values (PolicyPage.astro): never written as HTML. */
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: Section[];
}

// The version filter as PolicyPage.astro and the agreement pages write it.
const VERSIONS = 'versions';
const IN_FORCE = 'In force';
const OLDER = 'Older and upcoming';
const STATE_LABELS: Record<string, string> = { superseded: 'Superseded', upcoming: 'Not yet in force', withdrawn: 'Withdrawn' };
// Each result's text is one more request: the first screenful comes quicker in small pages.
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 120;

/** A search's results still to show, and the words to highlight on the pages they open. */
interface Listing {
  rest: { data(): Promise<ResultData> }[];
  terms: string[];
}

interface State {
  q: string;
  older: boolean;
  /** Ticked values per filter name; values within one filter are alternatives. */
  selected: Map<string, string[]>;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const base = document.body.dataset['base'] ?? '/';
  // The indexes' addresses, from the route table (src/layouts/Base.astro, src/components/pages/Search.astro).
  const currentAt = document.body.dataset['searchIndex']!;
  const olderAt = root.dataset['olderIndex']!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const box = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const older = root.querySelector<HTMLInputElement>('[data-search-older]')!;
  const facets = [...root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter]')];
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  document.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
  root.hidden = false;

  const pagefind: Promise<Pagefind> = import(/* @vite-ignore */ `${currentAt}pagefind.js`).then(async (pf: Pagefind) => {
    // The index stores addresses from the site root; the base path makes them work on any host.
    // Searches take a few milliseconds here: a worker would add its start-up and a round trip per result.
    await pf.options({ baseUrl: base, noWorker: true });
    await pf.init();
    return pf;
  });

  // Older versions have an index of their own (scripts/search-index.ts), merged in the first time
  // the reader asks for them, so the usual search covers only what is in force.
  let olderIndex: Promise<void> | undefined;
  // Pagefind counts a filter only from the filter chunks it has loaded, and a search does not wait
  // for them: load them (filters()) before the first search of each index, or its counts read 0.
  const withOlder = (pf: Pagefind) => (olderIndex ??= pf.mergeIndex(olderAt, { baseUrl: base }).then(() => pf.filters()).then(() => undefined));

  const initial = readAddress(facets);
  box.value = initial.q;
  older.checked = initial.older;
  // Filters the address ticks stay in view, even on a phone where they are folded.
  if (initial.older || [...initial.selected.values()].some((v) => v.length)) root.querySelector('details')?.setAttribute('open', '');

  // Each search's sequence number: an answer is shown only if no later search has started since,
  // so a slow earlier query can never replace a later one's results.
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // When the reader last asked for something (a keystroke, Enter, a tick), for the timing below.
  let askedAt = performance.now();
  // The results on screen: those not shown yet, and the words to highlight.
  let shown: Listing = { rest: [], terms: [] };
  // The filter checkboxes are made along with the first search; until then the address says what is ticked.
  let optionsMade = false;
  const ticked = (f: HTMLFieldSetElement) =>
    optionsMade ? [...f.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value) : (initial.selected.get(f.dataset['filter']!) ?? []);

  const state = (): State => ({
    q: box.value.trim(),
    older: older.checked,
    selected: new Map(facets.map((f) => [f.dataset['filter']!, ticked(f)])),
  });

  async function run(): Promise<void> {
    clearTimeout(timer);
    const mine = ++generation;
    const current = state();
    history.replaceState(history.state, '', addressOf(current, facets));
    const pf = await pagefind;
    if (current.older) await withOlder(pf);
    const queryStart = performance.now();
    const term = current.q || null;
    const active = term !== null || [...current.selected.values()].some((v) => v.length > 0);
    // A filter's counts come from the search without that filter, so each value says how many
    // results ticking it would give; values within one filter are alternatives (any).
    // The versions filter's count (older versions found) exists only once their index is merged:
    // before that, a search without it would cover the same pages, so it is not run (one Pagefind
    // search per query instead of two, the usual case).
    const countOlder = !current.older && olderIndex !== undefined;
    const restricted = [...(countOlder ? [VERSIONS] : []), ...[...current.selected].filter(([, v]) => v.length).map(([name]) => name)];
    const all = optionsMade ? undefined : await pf.filters();
    const [main, ...without] = await Promise.all([
      pf.search(term, { filters: filtersOf(current) }),
      ...restricted.map((name) => pf.search(term, { filters: filtersOf(current, name) })),
    ]);
    const counts = (name: string) => (without[restricted.indexOf(name)] ?? main).filters[name] ?? {};
    const listing: Listing = { rest: active ? [...main.results] : [], terms: current.q.split(/\s+/).filter(Boolean) };
    const first = await nextPage(listing);
    if (mine !== generation) return;
    shown = listing;

    if (all) {
      for (const fieldset of facets) addOptions(fieldset, Object.keys(all[fieldset.dataset['filter']!] ?? {}), ticked(fieldset));
      optionsMade = true;
    }
    for (const fieldset of facets) showCounts(fieldset, counts(fieldset.dataset['filter']!));
    // Counted only once the older versions' index is in.
    const olderCount = olderIndex ? (counts(VERSIONS)[OLDER] ?? 0) : undefined;
    older.closest('label')!.querySelector('[data-count]')!.textContent = olderCount === undefined ? '' : `(${olderCount})`;
    list.replaceChildren(...first);
    more.hidden = shown.rest.length === 0;
    status.textContent = active ? describe(current, main.results.length, olderCount) : '';
    const done = performance.now();
    // Exposed for the benchmark and the tests: the query itself, and from the last keystroke to results on screen.
    performance.measure('search: query', { start: queryStart, end: done });
    performance.measure('search: typing to results', { start: askedAt, end: done });
  }

  box.addEventListener('input', () => {
    askedAt = performance.now();
    clearTimeout(timer);
    const q = box.value.trim();
    // Fetch the index chunks for the word while the reader is still typing.
    if (q) void pagefind.then((pf) => pf.preload(q, { filters: filtersOf(state()) })).catch(() => undefined);
    timer = setTimeout(() => void run().catch(failed), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    askedAt = performance.now();
    void run().catch(failed);
  });
  root.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type !== 'checkbox') return;
    askedAt = performance.now();
    void run().catch(failed);
  });
  more.addEventListener('click', () => {
    const mine = generation;
    void nextPage(shown).then((items) => {
      if (mine !== generation) return;
      list.append(...items);
      more.hidden = shown.rest.length === 0;
      // Keyboard readers continue from the first new result, not from the bottom of the list.
      items[0]?.querySelector('a')?.focus();
    }).catch(failed);
  });

  function failed(): void {
    generation += 1;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Search could not be loaded. Reload the page to try again, or find the policy from the chapters.';
  }

  // Arriving from the header search (Enter), the reader goes on to the results; arriving
  // without a query, to the box.
  void run().then(() => {
    if (initial.q) status.focus();
    else box.focus();
  }).catch(failed);
}

/** The next page of a listing's results, as list items. */
async function nextPage(listing: Listing): Promise<HTMLLIElement[]> {
  const data = await Promise.all(listing.rest.splice(0, PAGE_SIZE).map((r) => r.data()));
  return data.map((d) => resultItem(d, listing.terms));
}

/** The search as the address gives it; facet values are looked up by each fieldset's parameter. */
function readAddress(facets: HTMLFieldSetElement[]): State {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q')?.trim() ?? '',
    older: params.get('older') === '1',
    selected: new Map(facets.map((f) => [f.dataset['filter']!, params.getAll(f.dataset['param']!)])),
  };
}

/** The address of a search, for the address bar: `?q=…&chapter=…&older=1`. */
function addressOf(state: State, facets: HTMLFieldSetElement[]): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of facets) for (const value of state.selected.get(f.dataset['filter']!) ?? []) params.append(f.dataset['param']!, value);
  if (state.older) params.set('older', '1');
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Pagefind filters for a search, optionally leaving one filter out (for that filter's counts). */
function filtersOf(state: State, except?: string): Filters {
  const filters: Filters = {};
  if (!state.older && except !== VERSIONS) filters[VERSIONS] = IN_FORCE;
  for (const [name, values] of state.selected) if (values.length && name !== except) filters[name] = { any: values };
  return filters;
}

/** One checkbox per value, in the fieldset's order; values only the address names are kept, to be unticked. */
function addOptions(fieldset: HTMLFieldSetElement, values: string[], ticked: string[]): void {
  const order = JSON.parse(fieldset.dataset['order'] ?? '[]') as string[];
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  const all = [...new Set([...values, ...ticked])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const value of all) {
    const label = document.createElement('label');
    label.className = 'search-option';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = value;
    input.checked = ticked.includes(value);
    const text = document.createElement('span');
    const count = document.createElement('span');
    count.className = 'search-count';
    count.dataset['count'] = '';
    text.append(`${value} `, count);
    label.append(input, text);
    fieldset.append(label);
  }
  fieldset.hidden = all.length === 0;
}

function showCounts(fieldset: HTMLFieldSetElement, counts: Record<string, number>): void {
  for (const input of fieldset.querySelectorAll<HTMLInputElement>('input')) {
    const n = counts[input.value] ?? 0;
    const label = input.closest('label')!;
    label.querySelector('[data-count]')!.textContent = `(${n})`;
    label.classList.toggle('search-option-empty', n === 0);
  }
}

function describe(state: State, total: number, olderCount: number | undefined): string {
  const what = state.q ? ` for “${state.q}”` : ' with these filters';
  const found = `${total === 0 ? 'No' : total} ${total === 1 ? 'result' : 'results'}${what}`;
  if (state.older) return `${found}, older versions included.`;
  if (olderCount === undefined) return total === 0 ? `${found} in what is in force. Tick “Include older versions” to search them too.` : `${found} in what is in force.`;
  if (olderCount === 0) return `${found} in what is in force.`;
  if (total === 0) return `${found} in what is in force. ${olderCount} in older versions: tick “Include older versions” to see ${olderCount === 1 ? 'it' : 'them'}.`;
  return `${found} in what is in force (${olderCount} more in older versions).`;
}

/**
 * One result: the title links to the best-matching section, with the words to highlight there.
 * Pagefind's excerpt is the only HTML used, and only its text and <mark> elements are kept.
 */
function resultItem(data: ResultData, terms: string[]): HTMLLIElement {
  const section = bestSection(data.sub_results);
  const title = data.meta['title'] ?? data.url;
  const version = data.meta['version'];
  const state = data.meta['state'] ?? 'current';
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = withHighlight(section?.url ?? data.url, terms);
  // Older and current versions share a title: the link says which one it is.
  link.textContent = version && state !== 'current' ? `${title} (version ${version})` : title;
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  meta.append([data.meta['chapter'] ?? data.filters['chapter']?.[0], version && `Version ${version}`].filter(Boolean).join(' · '));
  if (STATE_LABELS[state]) {
    const badge = document.createElement('strong');
    badge.className = `search-result-state search-state-${state}`;
    badge.textContent = STATE_LABELS[state]!;
    meta.append(' · ', badge);
  }

  item.append(heading, meta);
  if (section && section.title !== title) {
    const where = document.createElement('p');
    where.className = 'search-result-section';
    where.textContent = `Section: ${section.title}`;
    item.append(where);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...markedText(section?.excerpt ?? data.excerpt));
  item.append(excerpt);
  return item;
}

/** The section with the most weight of matching words (Pagefind lists them in page order). */
function bestSection(sections: Section[]): Section | undefined {
  let best: Section | undefined;
  let bestScore = 0;
  for (const s of sections) {
    const score = s.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best ?? sections[0];
}

/** Adds `?highlight=` per word (read by src/client/highlight.ts on the page), before any `#`. */
function withHighlight(href: string, terms: string[]): string {
  const target = new URL(href, location.href);
  for (const term of terms) target.searchParams.append('highlight', term);
  return `${target.pathname}${target.search}${target.hash}`;
}

/** Pagefind's excerpt as nodes: its text, and <mark> around the words found; nothing else survives. */
function markedText(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
