/**
 * Keeps review badges true after the build: each element with `data-review-next` gets its
 * state recomputed from the reader's own today, with the same rule as the build and the CLI.
 */
import { formatDate, localToday } from '../lib/dates.ts';
import { REVIEW_LABELS, REVIEW_STATES, describeDue, reviewState } from '../lib/review.ts';

const today = localToday();
for (const el of document.querySelectorAll<HTMLElement>('[data-review-next]')) {
  const next = el.dataset['reviewNext'];
  const warn = Number(el.dataset['reviewWarn'] ?? '60');
  if (!next) continue;
  const state = reviewState(next, today, warn);
  el.dataset['reviewState'] = state;
  for (const s of REVIEW_STATES) el.classList.toggle(`review-${s}`, s === state);
  const label = el.querySelector<HTMLElement>('[data-review-label]');
  if (label) label.textContent = el.dataset['reviewShort'] !== undefined ? (state === 'current' ? '' : REVIEW_LABELS[state]) : REVIEW_LABELS[state];
  const due = el.querySelector<HTMLElement>('[data-review-due]');
  if (due) due.textContent = describeDue(next, today);
  const asOf = el.querySelector<HTMLElement>('[data-review-asof]');
  if (asOf) asOf.textContent = `as at ${formatDate(today)}`;
}
