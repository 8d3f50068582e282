import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

// Pages live in the top-level content/ folder; files starting with _ (templates) are skipped.
const guides = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/guides' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    lastReviewed: z.coerce.date(),
    order: z.number().default(100),
    /** Rules this guide explains; each must exist in the registry. */
    rules: z.array(z.string()).default([]),
  }),
});

const rules = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/rules' }),
  // No frontmatter is required: the file name is the rule's name, everything else comes from meta.
  schema: z.object({ title: z.string().optional() }).passthrough(),
});

export const collections = { guides, rules };
