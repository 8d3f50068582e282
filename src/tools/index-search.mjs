// Builds the full-text search index of the built site with Pagefind's Node API (runs after
// `astro build`). The index and its UI are static files under <outDir>/pagefind/: search works with
// no server. Only guides and rule pages are indexed.
import * as pagefind from 'pagefind';

const outDir = process.env.SHIPSHAPE_OUT_DIR ?? './dist/site';
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir, glob: '{guides,rules}/**/*.html' });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`pagefind: indexed ${added.page_count} pages into ${outDir}/pagefind`);
