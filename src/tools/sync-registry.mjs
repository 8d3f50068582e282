// Rewrites src/rules/index.ts from the rule files in src/rules, sorted by name.
// `node src/tools/sync-registry.mjs --check` exits 1 when the registry is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const ident = (n) => n.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()).replace(/^(\d)/, '_$1');
const body = `// The rule registry: every rule, sorted by name. Kept in step with the files in this folder by
// \`node src/tools/sync-registry.mjs\`; tests/engine/registry.test.ts fails when they drift.
import type { RuleModule } from '~/engine/types';
${names.map((n) => `import ${ident(n)} from './${n}';`).join('\n')}

export const rules: readonly RuleModule[] = [
${names.map((n) => `  ${ident(n)},`).join('\n')}
];
`;
const file = join(dir, 'index.ts');
let current = '';
try { current = readFileSync(file, 'utf8'); } catch {}
if (process.argv.includes('--check')) {
  if (current !== body) { console.error('src/rules/index.ts is out of date: run node src/tools/sync-registry.mjs'); process.exit(1); }
} else if (current !== body) {
  writeFileSync(file, body);
  console.log(`src/rules/index.ts: ${names.length} rules`);
}
