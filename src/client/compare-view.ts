/**
 * Keeps the compare page's "changes only" choice in the address (`?view=changes`), so a shared
 * or reloaded link opens the same view. Without JavaScript the checkbox still works (CSS).
 */
const PARAM = 'view';
const CHANGES = 'changes';

/** Ties a "changes only" checkbox to the address: reads it now, writes it on every change. */
export function keepViewInAddress(box: HTMLInputElement): void {
  if (new URLSearchParams(location.search).get(PARAM) === CHANGES) box.checked = true;
  box.addEventListener('change', () => {
    const address = new URL(location.href);
    if (box.checked) address.searchParams.set(PARAM, CHANGES);
    else address.searchParams.delete(PARAM);
    history.replaceState(history.state, '', address);
  });
}

const box = document.querySelector<HTMLInputElement>('#changes-only');
if (box) keepViewInAddress(box);
