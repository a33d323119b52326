/**
 * Fills an agreement in the browser: what the reader types is written into the document as
 * text (never as markup), and nothing leaves the page: no request, no storage, no address.
 * Also the paper size for printing, "Print", "Print blank" and "Clear".
 */
import { formatDate, parseCalendarDate } from '../lib/dates.ts';

const panel = document.querySelector<HTMLElement>('[data-agreement-panel]');
const form = panel?.querySelector<HTMLFormElement>('[data-agreement-form]');
const doc = document.querySelector<HTMLElement>('[data-agreement-doc]');

/** What a field shows in the document: dates the way the firm writes them, the rest as typed. */
function display(type: string | undefined, value: string): string {
  const trimmed = value.trim();
  if (type === 'date') {
    const date = parseCalendarDate(trimmed);
    return date ? formatDate(date) : trimmed;
  }
  return type === 'multiline' ? trimmed : trimmed.replace(/\s+/g, ' ');
}

if (panel && form && doc) {
  const fields = [...doc.querySelectorAll<HTMLElement>('[data-field]')];
  // "Full name" under a signature: the party's name field, as typed.
  const signatureNames = [...doc.querySelectorAll<HTMLElement>('[data-signature-name]')];
  const status = panel.querySelector<HTMLElement>('[data-agreement-status]');

  const update = () => {
    const data = new FormData(form);
    for (const field of fields) {
      const name = field.dataset['field'] ?? '';
      const text = display(field.dataset['fieldType'], String(data.get(name) ?? ''));
      const target = field.querySelector('[data-field-value]');
      // textContent, never innerHTML: typed markup must stay text.
      if (target) target.textContent = text;
      field.classList.toggle('is-filled', text !== '');
    }
    for (const name of signatureNames) name.textContent = display('text', String(data.get(name.dataset['signatureName'] ?? '') ?? ''));
  };

  const highlight = (name: string | undefined) => {
    for (const field of fields) field.classList.toggle('is-active', field.dataset['field'] === name);
  };

  const setPaper = (size: string) => {
    document.body.classList.toggle('paper-a4', size === 'a4');
    document.body.classList.toggle('paper-letter', size === 'letter');
  };

  const say = (message: string) => {
    if (status) status.textContent = message;
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  // There is nowhere to send the values: a submission (Enter in a field) does nothing.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('focusin', (event) => highlight((event.target as HTMLInputElement).name));
  form.addEventListener('focusout', () => highlight(undefined));

  const paper = panel.querySelector<HTMLSelectElement>('[data-paper]');
  paper?.addEventListener('change', () => setPaper(paper.value));
  setPaper(paper?.value ?? 'a4');

  panel.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset['action'];
    if (action === 'print') {
      // The schema's `required`: filled in before printing (or print blank to fill in by hand).
      if (!form.reportValidity()) {
        say('Fill in the required fields before printing, or use "Print blank" to fill it in by hand.');
        // The first missing field with its label, clear of the sticky print buttons at the panel's foot.
        form.querySelector(':invalid')?.closest('.form-field')?.scrollIntoView({ block: 'center' });
        return;
      }
      say('');
      window.print();
    } else if (action === 'print-blank') {
      // print() returns when the print dialog closes; the values are shown again afterwards.
      doc.classList.add('print-blank');
      window.print();
      doc.classList.remove('print-blank');
    } else if (action === 'clear') {
      form.reset();
      update();
      say('The form is cleared.');
    }
  });

  document.querySelector('[data-agreement-nojs]')?.remove();
  panel.hidden = false;
}
