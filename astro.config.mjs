// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkExampleBlocks } from './src/markdown/remark-example-blocks.mjs';
import { DATA_FILE, MEASURE_COMMAND, checkFresh, freshnessMessage } from './src/tools/measure/inputs';

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

/** True when the environment says it is CI (CI=true, or any value but "", "0" and "false"). */
const isCI = (/** @type {Record<string, string | undefined>} */ env) => !!env.CI && !/^(0|false)$/i.test(env.CI);

/**
 * Whether the measured build data (src/data/builds.json, issue #7) may be published as it is.
 * Stale data (a variant whose inputs hash differs from the data, a variant with no data, a measured
 * variant that no longer exists) fails a build. Absent data fails a build in CI; a local build and
 * `astro dev` go on and the guides say "not measured yet". SHIPSHAPE_BUILDS_DATA=fixture (tests
 * only: the synthetic, labelled fixture) skips the check.
 *
 * @param {string} root the repository
 * @param {{ command: string, env?: Record<string, string | undefined> }} options
 * @returns {{ fail: string | null, warn: string | null }}
 */
export function buildsDataCheck(root, { command, env = process.env }) {
  if (env.SHIPSHAPE_BUILDS_DATA === 'fixture') {
    return { fail: null, warn: 'builds: SHIPSHAPE_BUILDS_DATA=fixture, the charts show the SYNTHETIC test fixture (tests/fixtures/builds.sample.json); never publish this build' };
  }
  // `astro sync` (typecheck) and `astro preview` publish nothing.
  if (command !== 'build' && command !== 'dev') return { fail: null, warn: null };
  const result = checkFresh(root);
  if (result.ok) return { fail: null, warn: null };
  const message = freshnessMessage(result);
  const absent = !existsSync(`${root}/${DATA_FILE}`);
  if (command === 'dev') {
    return { fail: null, warn: `${message}\n(astro dev goes on: ${absent ? 'the guides say "not measured yet"' : 'the charts show the old numbers'}; \`npm run build\` fails on this${absent ? ' in CI' : ''}.)` };
  }
  if (absent && !isCI(env)) {
    return { fail: null, warn: `${message}\n(local build: going on, the guides say "not measured yet"; in CI (CI=true) this fails the build. Run \`${MEASURE_COMMAND}\` to measure.)` };
  }
  return { fail: message, warn: null };
}

/** Fails `astro build` on stale or (in CI) absent measurement data; only warns in dev. */
const buildsFresh = {
  name: 'shipshape:builds-fresh',
  hooks: {
    /** @param {{ command: string, config: { root: URL }, logger: { warn: (m: string) => void } }} options */
    'astro:config:setup': ({ command, config, logger }) => {
      const { fail, warn } = buildsDataCheck(fileURLToPath(config.root), { command });
      if (warn) logger.warn(warn);
      if (fail) throw new Error(fail);
    },
  },
};

export default defineConfig({
  site: 'https://shipshape.dev',
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port },
  integrations: [buildsFresh, mdx(), sitemap({ filter: (page) => !/\/rules\/(DL\d+|DS-\d+|CKV2?_DOCKER_\d+|[A-Z][A-Za-z]+)\/$/.test(new URL(page).pathname) })],
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
