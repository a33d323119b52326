/**
 * `/as-at/?date=YYYY-MM-DD`: recomputes the page for the date in the address, with the same
 * statements as the build (src/lib/in-force.ts). Without a date it shows the reader's today.
 */
import { context, refresh } from './in-force.ts';
import { formatDate, parseCalendarDate } from '../lib/dates.ts';

document.querySelector<HTMLElement>('[data-as-at-static]')?.setAttribute('hidden', '');
const asked = new URLSearchParams(location.search).get('date');
if (asked !== null) {
  const date = parseCalendarDate(asked);
  if (date) {
    for (const el of document.querySelectorAll<HTMLElement>('[data-statement]')) refresh(el, { ...context, today: date });
    document.title = document.title.replace(/^[^·]*/, `The handbook as at ${formatDate(date)} `);
  } else {
    const error = document.querySelector<HTMLElement>('[data-as-at-error]');
    if (error) {
      error.textContent = `"${asked}" is not a date: write it YYYY-MM-DD, for example 2025-06-30. Showing today instead.`;
      error.hidden = false;
    }
  }
}
