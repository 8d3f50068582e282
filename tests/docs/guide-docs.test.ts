import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import { rules } from '~/rules/index';
import { parseExamples } from '../support/examples';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'content/guides');
const guides = readdirSync(dir).filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_')).sort();
const ruleNames = new Set(rules.map((r) => r.name));

/** The guide's frontmatter list of related rules (`rules: [a, b]` or a YAML list). */
function relatedRules(text: string): string[] {
  const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const inline = /^rules:\s*\[(.*)\]\s*$/m.exec(fm);
  if (inline) return inline[1]!.split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
  const block = /^rules:\s*\n((?:\s+-\s*.+\n?)+)/m.exec(fm);
  return block ? block[1]!.split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim().replace(/^['"]|['"]$/g, '')).filter(Boolean) : [];
}

describe('guides', () => {
  it('exist', () => expect(guides.length).toBeGreaterThan(0));
  for (const file of guides) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const related = relatedRules(text);
      it('names rules that exist', () => {
        for (const r of related) expect(ruleNames.has(r), `unknown rule ${r}`).toBe(true);
      });
      const examples = parseExamples(text);
      examples.forEach((ex, i) => {
        if (ex.kind === 'plain') return;
        it(`snippet ${i + 1} at line ${ex.line} (${ex.kind})`, () => {
          const result = lintWith(rules, ex.code, ex.options);
          expect(result.ruleErrors).toEqual([]);
          const expected = (ex.options as { expect?: string[] }).expect;
          if (ex.kind === 'incorrect') {
            const raised = new Set(result.findings.map((f) => f.rule));
            const wanted = expected ?? related;
            expect(wanted.length, 'an incorrect snippet needs rules to expect (frontmatter rules or {"expect":[…]})').toBeGreaterThan(0);
            if (expected) for (const r of expected) expect(raised.has(r), `${r} not raised by:\n${ex.code}`).toBe(true);
            else expect(wanted.some((r) => raised.has(r)), `none of ${wanted.join(', ')} raised by:\n${ex.code}`).toBe(true);
          } else {
            const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
            expect(serious.map((f) => `${f.line}:${f.column} ${f.rule}: ${f.message}`), ex.code).toEqual([]);
          }
        });
      });
    });
  }
});
