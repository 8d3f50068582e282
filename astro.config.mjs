// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkExampleBlocks } from './src/markdown/remark-example-blocks.mjs';

// Other engineers build at the same time: the output and cache folders can be moved by env.
const outDir = process.env.SHIPSHAPE_OUT_DIR ?? './dist/site';
const cacheDir = process.env.SHIPSHAPE_CACHE_DIR ?? './node_modules/.astro';
const port = Number(process.env.PORT ?? 4321);

/** In browser bundles, `path` (used by @balena/dockerignore) resolves to path-browserify. */
const browserPath = {
  name: 'shipshape:browser-path',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} id @param {string | undefined} importer @param {{ ssr?: boolean }} [options] */
  async resolveId(id, importer, options) {
    if ((id === 'path' || id === 'node:path') && !options?.ssr) {
      // @ts-ignore: the plugin context
      return this.resolve('path-browserify', importer, { skipSelf: true });
    }
    return null;
  },
};

export default defineConfig({
  site: 'https://shipshape.dev',
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port },
  integrations: [mdx(), sitemap({ filter: (page) => !/\/rules\/(DL\d+|DS-\d+|CKV2?_DOCKER_\d+|[A-Z][A-Za-z]+)\/$/.test(new URL(page).pathname) })],
  vite: {
    resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
    plugins: [browserPath],
    worker: { format: 'es', plugins: () => [browserPath] },
    build: { chunkSizeWarningLimit: 4096 },
  },
  markdown: {
    remarkPlugins: [remarkExampleBlocks],
    rehypePlugins: [[rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['anchor'], ariaHidden: true, tabIndex: -1 }, content: { type: 'text', value: '#' } }]],
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
});
