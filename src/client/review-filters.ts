/** Filters the review dashboard by owner and state (the states as recomputed for the reader's today). */
const form = document.querySelector<HTMLFormElement>('form[data-review-filters]');
if (form) {
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('.reviews-table tbody tr')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const apply = () => {
    const data = new FormData(form);
    const owner = String(data.get('owner') ?? '');
    const state = String(data.get('state') ?? '');
    let shown = 0;
    for (const row of rows) {
      const badge = row.querySelector<HTMLElement>('[data-review-state]');
      const rowState = badge?.dataset['reviewState'] ?? row.dataset['state'];
      const visible = (!owner || row.dataset['owner'] === owner) && (!state || rowState === state);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) count.textContent = `${shown} ${shown === 1 ? 'policy' : 'policies'} shown`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
}
