/**
 * Astro collections over the content folder. They render the text; what a version means
 * (current, superseded, review dates) comes from src/lib/model.ts, which has already checked
 * every file with the schemas of src/lib before Astro reads them. They carry no schema: a second
 * validation would report each problem twice, in Astro's words ("Unrecognized key").
 */
import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/env.ts';

const dir = contentDir();
const withoutExtension = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  policies: defineCollection({
    loader: glob({ base: `${dir}/policies`, pattern: '*/*.{md,mdx}', generateId: withoutExtension }),
  }),
  // A handbook may have no agreements: no folder, no collection (and no warning from the loader).
  ...(existsSync(`${dir}/agreements`)
    ? {
        agreements: defineCollection({
          loader: glob({ base: `${dir}/agreements`, pattern: '*.{md,mdx}', generateId: withoutExtension }),
        }),
      }
    : {}),
};
