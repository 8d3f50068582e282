import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const files = (dir: string): string[] => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);

describe('the engine is pure', () => {
  it('imports nothing from Node or the DOM', () => {
    const offenders: string[] = [];
    for (const f of [...files('src/engine'), ...files('src/rules')]) {
      const text = readFileSync(join(root, f), 'utf8');
      if (/from ['"](node:|fs['"]|path['"]|child_process|os['"]|url['"])/.test(text)) offenders.push(`${f}: node import`);
      if (/\b(document|window|localStorage|navigator)\./.test(text)) offenders.push(`${f}: DOM access`);
    }
    expect(offenders).toEqual([]);
  });
  it('the registry is in step with the rule files', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'src/tools/sync-registry.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
