// @ts-check
// The plain-Astro baseline of `npm run bench` (scripts/bench/baseline.ts): Astro's defaults,
// MDX, and Pagefind run on the output by `npm run build`. Nothing of the handbook's own.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
