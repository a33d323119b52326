/** Sends the "compare two versions" form to the address of that comparison. */
import { compareVersions } from '../lib/versions.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-compare-template]')) {
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
    location.href = form.dataset['compareTemplate']!.replace('FROM', from).replace('TO', to);
  });
}
