/**
 * The dark theme toggle. The site follows the system's theme until the reader chooses; the
 * choice is kept in local storage (read before paint by public/theme.js): no cookie, no request.
 */
const KEY = 'handbook-theme';
const themeButton = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (themeButton) {
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset['theme'] ? root.dataset['theme'] === 'dark' : system.matches);
  const show = () => themeButton.setAttribute('aria-pressed', String(isDark()));
  themeButton.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage blocked: the choice holds for this page only.
    }
    show();
  });
  system.addEventListener('change', show);
  show();
  themeButton.hidden = false;
}
