// The npm registry reachable from our machines lacks some platform builds of optional native
// packages (e.g. @rollup/rollup-darwin-arm64@4.68.7 answers 404). `npm install` silently leaves
// them out of package-lock.json but keeps the edges to them, and `npm ci` then refuses the lock
// ("Missing: … from lock file"). This drops optional edges that point at packages absent from the
// lock, so `npm ci` works on a fresh clone. Run it after every `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let removed = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies) continue;
  for (const dep of Object.keys(pkg.optionalDependencies)) {
    const nested = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`]) {
      delete pkg.optionalDependencies[dep];
      removed++;
    }
  }
  if (!Object.keys(pkg.optionalDependencies).length) delete pkg.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: dropped ${removed} optional edge(s) to packages the registry does not serve`);
