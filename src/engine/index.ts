import pkg from '../../package.json';
import { rules } from '../rules/index';
import { lintWith, type LintResult } from './lint';
import { ruleUrl } from './define-rule';
import type { Finding, LintOptions } from './types';

export { rules };
export { ruleUrl, SITE_URL, defineRule } from './define-rule';
export { lintWith, effectiveSeverity } from './lint';
export { applyFixes } from './fixes';
export type { FixResult } from './fixes';
export type { LintResult } from './lint';
export type * from './types';

/** The engine's version, shown by the CLI and on the site. */
export const version: string = pkg.version;

/** One line of `shipshape rules --format json` and of the site's `/rules.json`, from a rule's meta. */
export function ruleSummary(r: (typeof rules)[number]) {
  return {
    name: r.name,
    severity: r.meta.severity,
    description: r.meta.description,
    sources: r.meta.sources ?? [],
    url: ruleUrl(r.name),
    fixable: r.meta.fixable === 'safe',
    ...(r.meta.enabledByDefault === false ? { enabledByDefault: false } : {}),
  };
}

/** Lints a Dockerfile with every registered rule. Never throws. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintWith(rules, text, options).findings;
}

/** Like `lint`, also naming rules that failed internally. */
export function lintDetailed(text: string, options: LintOptions = {}): LintResult {
  return lintWith(rules, text, options);
}
