/** Sends the "compare two versions" form to the address of that comparison (static or redlined in the browser). */
import { compareVersions } from '../lib/versions.ts';

/** Makes one picker form go to the comparison chosen, keeping the "changes only" view if it is on. */
export function bindComparePicker(form: HTMLFormElement): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let from = String(data.get('from'));
    let to = String(data.get('to'));
    const error = form.querySelector<HTMLElement>('.compare-error');
    if (from === to) {
      if (error) {
        error.hidden = false;
        error.textContent = 'Choose two different versions.';
      }
      return;
    }
    if (compareVersions(from, to) > 0) [from, to] = [to, from];
    const view = new URLSearchParams(location.search).get('view');
    location.href = form.dataset['compareTemplate']!.replace('FROM', from).replace('TO', to) + (view === 'changes' ? '?view=changes' : '');
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-compare-template]')) bindComparePicker(form);
