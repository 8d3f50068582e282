import type { Log, ReportingDescriptor, Result } from 'sarif';
import { rules, ruleUrl, version } from '~/engine/index';
import type { Severity } from '~/engine/types';
import type { Formatter } from './types';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** SARIF 2.1.0: every rule in `tool.driver.rules` (with its page as `helpUri`), results with exact regions and safe fixes. */
export const sarif: Formatter = (results) => {
  const index = new Map(rules.map((r, i) => [r.name, i]));
  const driverRules: ReportingDescriptor[] = rules.map((r) => {
    const plain = r.meta.description.replace(/`/g, '');
    return {
      id: r.name,
      name: r.name,
      shortDescription: { text: plain },
      fullDescription: { text: plain, markdown: r.meta.description },
      helpUri: ruleUrl(r.name),
      help: { text: `${plain}. See ${ruleUrl(r.name)}`, markdown: `${r.meta.description}. [Rule page](${ruleUrl(r.name)})` },
      defaultConfiguration: { level: LEVEL[r.meta.severity], enabled: r.meta.enabledByDefault !== false },
      properties: { category: r.meta.category, scope: r.meta.scope, ...(r.meta.sources?.length ? { sources: r.meta.sources } : {}), ...(r.meta.fixable ? { fixable: r.meta.fixable } : {}) },
    };
  });
  const sarifResults: Result[] = results.flatMap((file) => file.findings.map((f) => {
    const uri = file.file === '-' ? 'stdin' : file.file.replace(/\\/g, '/');
    const result: Result = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.start, charLength: f.end - f.start } } }],
    };
    if (f.fix) {
      result.fixes = [{
        description: { text: f.fix.title.replace(/`/g, '') },
        artifactChanges: [{ artifactLocation: { uri }, replacements: f.fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })) }],
      }];
    }
    return result;
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Shipshape', version, semanticVersion: version, informationUri: 'https://shipshape.dev/', rules: driverRules } },
      results: sarifResults,
      columnKind: 'utf16CodeUnits',
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
