// Bundles the CLI (dist/cli/shipshape.js) and the library entry (dist/lib/index.js) with esbuild.
// Run by `npm ci` through the `prepare` script, so `npx shipshape` works right after install.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// `shipshape explain` prints the rule pages: embed their text as a virtual module.
const ruleDocs = {
  name: 'rule-docs',
  setup(b) {
    b.onResolve({ filter: /^virtual:rule-docs$/ }, () => ({ path: 'rule-docs', namespace: 'rule-docs' }));
    b.onLoad({ filter: /.*/, namespace: 'rule-docs' }, () => {
      const dir = join(root, 'content/rules');
      const docs = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
        .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), 'utf8')]));
      return { contents: `export default ${JSON.stringify(docs)};`, loader: 'js' };
    });
  },
};
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', tsconfig: join(root, 'tsconfig.json') };
await build({
  ...common,
  entryPoints: [join(root, 'src/cli/bin.ts')],
  outfile: join(root, 'dist/cli/shipshape.js'),
  plugins: [ruleDocs],
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
chmodSync(join(root, 'dist/cli/shipshape.js'), 0o755);
await build({
  ...common,
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(root, 'dist/lib/index.js'),
  packages: 'external',
});
