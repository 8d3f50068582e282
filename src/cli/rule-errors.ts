import type { LintResult } from '~/engine/index';

/**
 * A rule that failed internally is skipped and the others still report; the CLI says so on
 * stderr, so a CI log shows that the run is missing that rule's findings.
 */
export function reportRuleErrors(io: { stderr(s: string): void }, file: string, ruleErrors: LintResult['ruleErrors']): void {
  for (const e of ruleErrors) {
    io.stderr(`shipshape: rule ${e.rule} failed on ${file} and was skipped (its findings are missing): ${e.message}\n`);
  }
}
