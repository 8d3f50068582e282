/**
 * Cheap freshness check of src/data/builds.json (no builds): recomputes each variant's inputs hash
 * and compares it with the data. Exit 0 when every variant is measured and current, 1 otherwise.
 *
 *   npx tsx src/tools/measure/check-fresh.ts [ROOT]     (ROOT defaults to the repository)
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkFresh, freshnessMessage } from './inputs';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('../../..', import.meta.url)));
const result = checkFresh(root);
if (result.ok) {
  console.log('builds: src/data/builds.json is current for every variant in content/builds/');
} else {
  console.error(freshnessMessage(result));
  process.exitCode = 1;
}
