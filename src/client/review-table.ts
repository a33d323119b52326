/**
 * The review dashboard in the reader's today: rows in the dashboard's order (the same rule as
 * the build, src/lib/review-table.ts), sortable by any column, filtered by owner and state,
 * with each row's state as its badge says (recomputed by src/client/in-force.ts).
 */
import { context, factsOf } from './in-force.ts';
import { inForce, reviewOf, versionStates, type PolicyFacts } from '../lib/in-force.ts';
import { byReviewOrder } from '../lib/review-table.ts';
import { compareVersions } from '../lib/versions.ts';

const table = document.querySelector<HTMLTableElement>('.reviews-table');
const form = document.querySelector<HTMLFormElement>('form[data-review-filters]');
if (table && form) {
  const body = table.tBodies[0]!;
  const rows = [...body.rows].map((tr) => {
    const facts = factsOf.get(tr) as PolicyFacts;
    const state = reviewOf(facts, context);
    tr.dataset['state'] = state;
    const upcoming = versionStates(facts, context.today).find((c) => c.state === 'upcoming');
    return { tr, facts, state, owner: tr.dataset['owner'] ?? '', version: inForce(facts, context.today)?.version ?? '', upcoming: upcoming?.item.effective ?? '' };
  });
  type Row = (typeof rows)[number];
  const row = (r: Row) => ({ state: r.state, nextReview: r.facts.r.next, title: r.facts.t });
  const orders: Record<string, (a: Row, b: Row) => number> = {
    title: (a, b) => a.facts.t.localeCompare(b.facts.t),
    owner: (a, b) => a.owner.localeCompare(b.owner) || byReviewOrder(row(a), row(b)),
    last: (a, b) => a.facts.r.last.localeCompare(b.facts.r.last),
    next: (a, b) => a.facts.r.next.localeCompare(b.facts.r.next) || a.facts.t.localeCompare(b.facts.t),
    state: (a, b) => byReviewOrder(row(a), row(b)),
    version: (a, b) => compareVersions(a.version || '0.0', b.version || '0.0') || a.facts.t.localeCompare(b.facts.t),
    // Policies with an upcoming version first, soonest first.
    upcoming: (a, b) => (a.upcoming || '9999') .localeCompare(b.upcoming || '9999') || a.facts.t.localeCompare(b.facts.t),
  };
  const headers = [...table.tHead!.rows[0]!.cells].filter((th) => th.dataset['sort']);
  const sort = (key: string, direction: 'ascending' | 'descending') => {
    const order = orders[key]!;
    const sorted = [...rows].sort((a, b) => (direction === 'ascending' ? order(a, b) : order(b, a)));
    body.append(...sorted.map((r) => r.tr));
    for (const th of headers) {
      if (th.dataset['sort'] === key) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    }
  };
  // Each header becomes a button; pressing it again reverses the order.
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', () => sort(th.dataset['sort']!, th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending'));
  }
  sort('state', 'ascending');

  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const apply = () => {
    const data = new FormData(form);
    const owner = String(data.get('owner') ?? '');
    const state = String(data.get('state') ?? '');
    let shown = 0;
    for (const r of rows) {
      const visible = (!owner || r.owner === owner) && (!state || r.state === state);
      r.tr.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) count.textContent = `${shown} ${shown === 1 ? 'policy' : 'policies'} shown`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
}
