import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import type { LintOptions } from '~/engine/types';
import { rules } from '~/rules/index';
import { parseExamples } from '../support/examples';

const root = join(import.meta.dirname, '..', '..');
const names = (dir: string, ext: string) => readdirSync(join(root, dir))
  .filter((f) => f.endsWith(ext) && !f.startsWith('_') && f !== `index${ext}`)
  .map((f) => f.slice(0, -ext.length))
  .sort();

const REQUIRED = ['What it does', 'Why is this bad?', 'Example', 'References'];
const ORDER = ['What it does', 'Why is this bad?', 'Example', 'Options', 'Fix safety', 'Known problems', 'Compared with hadolint and BuildKit', 'References'];

describe('rule parity', () => {
  const registry = rules.map((r) => r.name);
  it('the registry is sorted and matches src/rules, tests/rules and content/rules', () => {
    expect(registry).toEqual([...registry].sort());
    expect(names('src/rules', '.ts')).toEqual(registry);
    expect(names('tests/rules', '.test.ts')).toEqual(registry);
    expect(names('content/rules', '.mdx')).toEqual(registry);
  });
  it('each rule is exported under its file name', () => {
    for (const r of rules) expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

for (const rule of rules) {
  describe(`rule page ${rule.name}`, () => {
    let text = '';
    try { text = readFileSync(join(root, 'content/rules', `${rule.name}.mdx`), 'utf8'); } catch { /* reported below */ }

    it('has meta that reads well', () => {
      const { description, messages, sources } = rule.meta;
      expect(description).toMatch(/^[A-Z`]/);
      expect(description.endsWith('.')).toBe(false);
      expect(Object.keys(messages).length).toBeGreaterThan(0);
      for (const m of Object.values<string>(messages)) expect(m.trim()).toMatch(/[.?!)`]$/);
      for (const s of sources ?? []) expect(s).toMatch(/^(hadolint|buildkit|trivy|checkov|tally|shellcheck):[A-Za-z0-9_-]+$/);
    });

    it('has the sections in order', () => {
      expect(text, 'page exists').not.toBe('');
      expect(text.startsWith('---'), 'no frontmatter: the file name is the key').toBe(false);
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      for (const h of headings) expect(ORDER, `unknown heading "${h}"`).toContain(h);
      for (const h of REQUIRED) expect(headings, `missing "${h}"`).toContain(h);
      // "Compared with hadolint and BuildKit" may stand anywhere after "What it does"; the rest keep their order.
      const positions = headings.filter((h) => h !== 'Compared with hadolint and BuildKit').map((h) => ORDER.indexOf(h));
      expect(headings[0]).toBe('What it does');
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(headings.includes('Fix safety'), 'Fix safety iff fixable').toBe(Boolean(rule.meta.fixable));
      expect(text).toMatch(/^Use instead:$/m);
    });

    const examples = parseExamples(text);
    it('has at least one incorrect and one correct example', () => {
      expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
      expect(examples.some((e) => e.kind === 'correct')).toBe(true);
    });
    examples.forEach((ex, i) => {
      it(`example ${i + 1} (${ex.kind}) ${ex.kind === 'incorrect' ? 'raises' : 'does not raise'} the rule`, () => {
        const options: LintOptions = { ...ex.options, rules: { ...ex.options.rules, [rule.name]: 'on' } };
        const result = lintWith(rules, ex.code, options);
        expect(result.ruleErrors).toEqual([]);
        const own = result.findings.filter((f) => f.rule === rule.name);
        if (ex.kind === 'incorrect') expect(own.length, ex.code).toBeGreaterThan(0);
        else expect(own.map((f) => `${f.line}:${f.column} ${f.message}`), ex.code).toEqual([]);
      });
    });
  });
}
