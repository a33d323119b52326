/**
 * Astro collections for the few texts that need Astro's MDX compiler (their own imports,
 * expressions, images beside them: `Handbook.compiled`). Every other text renders straight
 * from the model (src/data/render.ts), so a build compiles no module per version. They carry
 * no schema: src/lib/model.ts has checked every file with the schemas of src/lib, and a second
 * validation would report each problem twice, in Astro's words ("Unrecognized key").
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { compiledTexts, rememberedHandbook } from './integrations/shared-handbook.ts';
import { contentDir, today } from './lib/env.ts';
import { loadHandbook } from './lib/model.ts';

const dir = contentDir();
const handbook = rememberedHandbook(dir, today()) ?? loadHandbook(dir, today()).handbook;
const compiled = handbook ? [...compiledTexts(handbook)] : [];
const withoutExtension = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

/** A collection of the compiled texts under `folder`, or an empty one. */
function compiledIn(folder: 'policies' | 'agreements') {
  const pattern = compiled.filter((path) => path.startsWith(`${folder}/`)).map((path) => path.slice(folder.length + 1));
  return pattern.length ? glob({ base: `${dir}/${folder}`, pattern, generateId: withoutExtension }) : () => [];
}

export const collections = {
  policies: defineCollection({ loader: compiledIn('policies') }),
  agreements: defineCollection({ loader: compiledIn('agreements') }),
};
