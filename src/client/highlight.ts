/**
 * A reader who arrives from a search result gets the words they searched for highlighted.
 * Pagefind's highlighter is loaded only when the address carries search terms.
 */
if (new URLSearchParams(location.search).has('highlight')) {
  // The search index's address, from the route table (src/layouts/Base.astro).
  const url = `${document.body.dataset['searchIndex']}pagefind-highlight.js`;
  import(/* @vite-ignore */ url)
    .then(() => {
      const Highlight = (window as unknown as { PagefindHighlight?: new (o: object) => unknown }).PagefindHighlight;
      // addStyles would inject a <style> the Content-Security-Policy refuses; global.css styles the marks.
      if (Highlight) new Highlight({ highlightParam: 'highlight', markContext: '.prose', addStyles: false });
    })
    .catch(() => {
      // Highlighting is a nicety: the page reads the same without it.
    });
}
