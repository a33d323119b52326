/**
 * "The handbook as at a date": recomputes the table for the chosen day with the same
 * version rule as the build (src/lib/versions.ts). Without JavaScript the table shows today.
 */
import { formatDate, parseCalendarDate } from '../lib/dates.ts';
import { versionInForce } from '../lib/versions.ts';

interface Period {
  slug: string;
  versions: { version: string; effective: string; href: string }[];
}

const form = document.querySelector<HTMLFormElement>('form[data-as-at]');
const data = document.getElementById('as-at-data');
if (form && data) {
  const periods = JSON.parse(data.textContent ?? '[]') as Period[];
  const caption = document.querySelector<HTMLElement>('[data-as-at-caption]');
  const show = (date: string) => {
    for (const p of periods) {
      const row = document.querySelector<HTMLTableRowElement>(`tr[data-slug="${CSS.escape(p.slug)}"]`);
      if (!row) continue;
      const v = versionInForce(p.versions, date);
      const after = v ? p.versions.find((x) => x.effective > v.effective) : p.versions[0];
      const versionCell = row.querySelector<HTMLElement>('[data-cell=version]')!;
      versionCell.replaceChildren();
      if (v) {
        const a = document.createElement('a');
        a.href = v.href;
        a.textContent = v.version;
        versionCell.append(a);
      } else {
        versionCell.textContent = 'not yet published';
      }
      row.querySelector<HTMLElement>('[data-cell=from]')!.textContent = v ? formatDate(v.effective) : '—';
      row.querySelector<HTMLElement>('[data-cell=until]')!.textContent = after ? formatDate(after.effective) : '—';
    }
    if (caption) caption.textContent = `In force on ${formatDate(date)}:`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const date = parseCalendarDate(new FormData(form).get('date'));
    if (date) show(date);
  });
}
