/** One entry per text: the .mdx files the benchmark copies into texts/ (one version of each policy). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  texts: defineCollection({ loader: glob({ base: './texts', pattern: '*.{md,mdx}' }) }),
};
