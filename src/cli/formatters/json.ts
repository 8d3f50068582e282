import type { Formatter } from './types';

/** The JSON contract: an array of findings, each with its file. Offsets stay internal. */
export const json: Formatter = (results) => {
  const out = results.flatMap((r) => r.findings.map((f) => ({
    file: r.file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    sources: f.sources,
    url: f.url,
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions } : {}),
  })));
  return `${JSON.stringify(out, null, 2)}\n`;
};
