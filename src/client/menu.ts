/**
 * The menu button on narrow screens: a disclosure that shows the site's and the chapter
 * navigation (hidden behind it to put the page's own text in the first screen). Escape closes
 * it and gives focus back to the button. Without JavaScript the navigation simply shows.
 */
const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-button]');
if (menuButton) {
  const body = document.body;
  const targets = (menuButton.getAttribute('aria-controls') ?? '').split(/\s+/).map((id) => document.getElementById(id)).filter((e) => e !== null);
  menuButton.setAttribute('aria-controls', targets.map((t) => t.id).join(' '));
  const set = (open: boolean) => {
    body.classList.toggle('menu-open', open);
    menuButton.setAttribute('aria-expanded', String(open));
  };
  menuButton.addEventListener('click', () => {
    const open = !body.classList.contains('menu-open');
    set(open);
    // Into the menu, at its first link, so the keyboard carries on from there.
    if (open) targets[0]?.querySelector<HTMLElement>('a')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !body.classList.contains('menu-open')) return;
    set(false);
    menuButton.focus();
  });
  body.classList.add('has-menu');
  menuButton.hidden = false;
}

// Long contents lists fold on a phone, so the policy's text starts in the first screen.
if (matchMedia('(max-width: 40rem)').matches) {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-fold-narrow]')) details.open = false;
}
