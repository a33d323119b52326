/**
 * Astro collections over the content folder, with the schemas of src/lib. They render the
 * text; what a version means (current, superseded, review dates) comes from src/lib/model.ts, which has already
 * checked every file before Astro reads them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { rememberedForBuild } from './integrations/shared-handbook.ts';
import { contentDir, today } from './lib/env.ts';
import { agreementSchema } from './lib/schema/agreement.ts';
import { policyVersionSchema } from './lib/schema/policy.ts';

const dir = contentDir();
const withoutExtension = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

/**
 * A build reads only the published files: a draft never becomes a module, so nothing it alone
 * imports or shows (an image, say) reaches the output. The check in the config hook has just
 * listed them; the dev server reads every file.
 */
const published = rememberedForBuild(dir, today());
// Every published policy, withdrawn ones too (their pages stay).
const policyFiles = published && [...published.bySlug.values()].flatMap((p) => p.versions.map((v) => v.contentPath.replace(/^policies\//, '')));
const agreementFiles = published?.agreements.map((a) => a.contentPath.replace(/^agreements\//, ''));
/** An empty list would make the loader read every file: match nothing instead. */
const only = (files: string[]) => (files.length ? files : ['.none']);

export const collections = {
  policies: defineCollection({
    loader: glob({ base: `${dir}/policies`, pattern: policyFiles ? only(policyFiles) : '*/*.{md,mdx}', generateId: withoutExtension }),
    schema: policyVersionSchema,
  }),
  agreements: defineCollection({
    loader: glob({ base: `${dir}/agreements`, pattern: agreementFiles ? only(agreementFiles) : '*.{md,mdx}', generateId: withoutExtension }),
    schema: agreementSchema,
  }),
};
