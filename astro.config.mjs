// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkExampleBlocks } from './src/markdown/remark-example-blocks.mjs';

// Other engineers build at the same time: the output and cache folders can be moved by env.
const outDir = process.env.SHIPSHAPE_OUT_DIR ?? './dist/site';
const cacheDir = process.env.SHIPSHAPE_CACHE_DIR ?? './node_modules/.astro';
const port = Number(process.env.PORT ?? 4321);

export default defineConfig({
  site: 'https://shipshape.dev',
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port },
  integrations: [mdx(), sitemap()],
  markdown: {
    remarkPlugins: [remarkExampleBlocks],
    rehypePlugins: [[rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['anchor'], ariaHidden: true, tabIndex: -1 }, content: { type: 'text', value: '#' } }]],
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
});
