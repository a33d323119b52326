/**
 * Astro collections for the few texts that need Astro's MDX compiler (their own imports,
 * expressions, images beside them: `Handbook.compiled`). Every other text renders straight
 * from the model (src/data/render.ts), so a build compiles no module per version.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { compiledTexts, rememberedHandbook } from './integrations/shared-handbook.ts';
import { contentDir, today } from './lib/env.ts';
import { loadHandbook } from './lib/model.ts';
import { agreementSchema } from './lib/schema/agreement.ts';
import { policyVersionSchema } from './lib/schema/policy.ts';

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
  policies: defineCollection({ loader: compiledIn('policies'), schema: policyVersionSchema }),
  agreements: defineCollection({ loader: compiledIn('agreements'), schema: agreementSchema }),
};
