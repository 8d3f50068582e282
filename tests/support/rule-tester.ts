import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import type { Finding, LintOptions, RuleModule } from '~/engine/types';
import { rules as allRules } from '~/rules/index';

/** Removes the common indentation of a template literal and its first and last blank lines. */
export function df(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return `${lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')}\n`;
}

export interface ExpectedError {
  messageId?: string;
  /** Exact message, or a regular expression it must match. */
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface ValidCase {
  code: string;
  name?: string;
  options?: LintOptions;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[] | number;
  /** The text after applying the safe fixes; null when the rule must offer none. Required when a fix is produced. */
  output?: string | null;
  /** Also check the same case wrapped in `ONBUILD` (for RUN cases). */
  onbuild?: boolean;
}

function runRule(rule: RuleModule, code: string, options: LintOptions = {}): Finding[] {
  const result = lintWith([rule], code, { ...options, rules: { [rule.name]: 'on', ...options.rules } });
  if (result.ruleErrors.length) throw new Error(`rule threw: ${result.ruleErrors.map((e) => e.message).join('; ')}`);
  return result.findings.filter((f) => f.rule === rule.name);
}

function caseName(c: ValidCase): string {
  return c.name ?? c.code.replace(/\n/g, '⏎').slice(0, 100);
}

/**
 * An ESLint-style rule tester on Vitest: valid cases must raise nothing, invalid ones exactly
 * the listed errors at the listed 1-based positions; a produced fix needs `output`; duplicate
 * cases are rejected; every case is also run with the whole registry to prove it holds in the
 * full pipeline.
 */
/** This rule's findings among `findings`, as comparable text (position, message, fixes). */
function sameInFull(rule: RuleModule, findings: Finding[]): string[] {
  return findings.filter((f) => f.rule === rule.name)
    .map((f) => JSON.stringify([f.start, f.end, f.line, f.column, f.endLine, f.endColumn, f.messageId, f.message, f.fix ?? null, f.suggestions ?? null]));
}

export const ruleTester = {
  run(rule: RuleModule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
    const seen = new Set<string>();
    const dedupe = (c: ValidCase) => {
      const key = JSON.stringify([c.code, c.options ?? null]);
      if (seen.has(key)) throw new Error(`detected duplicate test case: ${caseName(c)}`);
      seen.add(key);
    };
    describe(rule.name, () => {
      describe('valid', () => {
        for (const v of cases.valid) {
          const c = typeof v === 'string' ? { code: v } : v;
          dedupe(c);
          it(caseName(c), () => {
            const found = runRule(rule, c.code, c.options);
            expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
            const full = lintWith(allRules, c.code, { ...c.options, rules: { [rule.name]: 'on', ...c.options?.rules } });
            expect(full.ruleErrors).toEqual([]);
            expect(sameInFull(rule, full.findings)).toEqual(sameInFull(rule, found));
          });
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid) {
          dedupe(c);
          it(caseName(c), () => {
            if (typeof c.errors !== 'number' && c.errors.length === 0) throw new Error('Invalid cases must have at least one error');
            const found = runRule(rule, c.code, c.options);
            const expected = typeof c.errors === 'number' ? c.errors : c.errors.length;
            expect(found.length, `expected ${expected} finding(s), got: ${JSON.stringify(found.map((f) => `${f.line}:${f.column} ${f.messageId}`))}`).toBe(expected);
            if (typeof c.errors !== 'number') {
              c.errors.forEach((e, i) => {
                const f = found[i]!;
                if (e.messageId !== undefined) {
                  expect(Object.keys(rule.meta.messages)).toContain(e.messageId);
                  expect(f.messageId).toBe(e.messageId);
                }
                if (typeof e.message === 'string') expect(f.message).toBe(e.message);
                else if (e.message) expect(f.message).toMatch(e.message);
                for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
                  if (e[k] !== undefined) expect(f[k], `${k} of finding ${i}`).toBe(e[k]);
                }
              });
            }
            for (const f of found) {
              expect(f.start).toBeGreaterThanOrEqual(0);
              expect(f.end).toBeLessThanOrEqual(c.code.length);
            }
            const fixed = applyFixes(c.code, found);
            if (fixed.applied.length) {
              if (c.output === undefined) throw new Error(`The rule fixed the code. Please add 'output' property. Output:\n${fixed.text}`);
              expect(fixed.text).toBe(c.output);
              if (c.output !== null) {
                // A fix must settle: the fixed text no longer needs the same fix.
                const again = applyFixes(fixed.text, runRule(rule, fixed.text, c.options));
                expect(again.text).toBe(fixed.text);
              }
            } else if (c.output !== undefined && c.output !== null) {
              expect(fixed.text).toBe(c.output);
            }
            const full = lintWith(allRules, c.code, { ...c.options, rules: { [rule.name]: 'on', ...c.options?.rules } });
            expect(full.ruleErrors).toEqual([]);
            // The other rules reading the same model change nothing about this rule's findings.
            expect(sameInFull(rule, full.findings)).toEqual(sameInFull(rule, found));
            if (c.onbuild) {
              const wrapped = c.code.replace(/^RUN /m, 'ONBUILD RUN ');
              expect(runRule(rule, wrapped, c.options).length).toBeGreaterThan(0);
            }
          });
        }
      });
    });
  },
};
