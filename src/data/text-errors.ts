/**
 * A text whose own code throws while a page renders (an MDX expression, with `allowCode: true`):
 * the build stops with the file, the line and the reason (src/lib/text-error.ts) and exits 1,
 * like a content problem, instead of Astro's stack trace into compiled chunks. The dev server
 * shows the same message in its overlay and keeps running.
 *
 * Texts rendered from the model are guarded by `guardText`; texts Astro's MDX compiler renders
 * by `guardCompiledTexts`, a Vite plugin that wraps each compiled module's MDXContent.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import { devReading } from '../integrations/shared-handbook.ts';
import type { SourceFile } from '../lib/content.ts';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { textCodeFailure } from '../lib/text-error.ts';
import type { ContentComponent, RenderedBody } from './render.ts';

type Text = Pick<SourceFile, 'file' | 'body' | 'bodyLine' | 'format'>;

function stop(file: Text, error: unknown): never {
  const message = textCodeFailure(file, error);
  if (devReading()) throw new AstroError(message);
  // A build: the message alone (a new line first, as Astro may be mid-line listing pages).
  console.error(`\n${message}\nNothing was built.`);
  process.exit(1);
}

/** `render` that stops as above when the text's code throws while it runs. */
function guarded<F extends (...args: never[]) => unknown>(render: F, file: () => Text): F {
  const wrapper = (...args: Parameters<F>) => {
    try {
      const out = render(...args);
      return out instanceof Promise ? out.catch((error: unknown) => stop(file(), error)) : out;
    } catch (error) {
      return stop(file(), error);
    }
  };
  // Astro's renderer recognises MDX content by symbols on the component: keep them.
  for (const key of Reflect.ownKeys(render)) {
    if (!Object.hasOwn(wrapper, key)) Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(render, key)!);
  }
  return wrapper as unknown as F;
}

/** `body` (rendered from the model) with a component guarded as above. */
export function guardText(body: RenderedBody, file: SourceFile): RenderedBody {
  return body.Content ? { ...body, Content: guarded(body.Content as ContentComponent, () => file) } : body;
}

/** Called by each compiled text's module (see the plugin below) with its MDXContent and path. */
export function guardCompiledText<F extends (...args: never[]) => unknown>(MDXContent: F, path: string): F {
  return guarded(MDXContent, () => {
    const file = relative(process.cwd(), path) || path;
    const { parsed } = parseFrontmatter(readFileSync(path, 'utf8'), file);
    return { file, body: parsed?.body ?? '', bodyLine: parsed?.bodyLine ?? 1, format: 'mdx' };
  });
}

/**
 * Wraps the MDXContent of every .mdx module of the content folder after @astrojs/mdx has made it
 * (a function declaration, so the binding can be replaced; the module's Content calls it by name).
 */
export function guardCompiledTexts(contentDir: string): Plugin {
  const self = fileURLToPath(import.meta.url);
  return {
    name: 'policy-handbook:guard-texts',
    enforce: 'post',
    transform(code, id) {
      const path = id.split('?')[0]!;
      if (!path.endsWith('.mdx') || relative(contentDir, path).startsWith('..') || !/^function MDXContent\b/m.test(code)) return undefined;
      return { code: `${code}\nimport { guardCompiledText as __handbookGuard } from ${JSON.stringify(self)};\nMDXContent = __handbookGuard(MDXContent, ${JSON.stringify(path)});\n`, map: null };
    },
  };
}
