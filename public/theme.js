/* The reader's light/dark choice (src/client/theme.ts), applied before the page paints so it
   never flashes the other theme. Kept in this browser's local storage only: no cookie, no request. */
try {
  var theme = localStorage.getItem('handbook-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  /* Storage blocked: the system's theme applies. */
}
