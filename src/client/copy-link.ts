/**
 * "Copy link to this section": each heading's `#` link (src/integrations/hast-handbook.ts)
 * still goes to its section, and with this script it also copies the section's full address,
 * to paste into an e-mail or an advice note. Without JavaScript it is a plain link, and the
 * address bar has the address to copy.
 */
const links = document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]');
if (links.length) {
  // Said to screen readers and shown for a moment; created before any text goes into it.
  const status = document.createElement('p');
  status.id = 'copy-status';
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  document.body.append(status);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (message: string) => {
    status.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(() => (status.textContent = ''), 4000);
  };

  for (const link of links) {
    const label = link.querySelector('.visually-hidden');
    if (label) label.textContent = (label.textContent ?? '').replace(/^Link to/, 'Copy link to');
    link.title = 'Copy link to this section';
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-copy-link]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The page's own address without search highlighting: what a reader would cite.
    const address = `${location.origin}${location.pathname}${link.hash}`;
    // The link still moves to the section (and into the address bar) as it does without JavaScript.
    navigator.clipboard?.writeText(address).then(
      () => say(`Link copied: ${address}`),
      () => say(`Copy this link from the address bar: ${address}`),
    ) ?? say(`Copy this link from the address bar: ${address}`);
  });
}
