import { DockerfileParser, type Instruction, type Onbuild } from 'dockerfile-ast';
import { ruleUrl } from './define-rule';
import { DockerfileModel, memoise, type Stage } from './model';
import { applySuppressions } from './suppressions';
import type {
  Finding, Fix, LintOptions, LspRange, ReportDescriptor, ReportRange, RuleContext, RuleModule, Severity, TextEdit, Visitors,
} from './types';

type Handler = (node: Instruction, stage: Stage | null) => void;

export interface LintResult {
  findings: Finding[];
  /** Rules that threw; the lint went on without them. */
  ruleErrors: Array<{ rule: string; message: string }>;
}

/** Fills `{{name}}` placeholders. */
function format(template: string, data: Record<string, string | number> | undefined): string {
  if (!data || !template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * The context a rule's `create` receives. A class, not an object literal with a getter: a getter
 * in a literal costs an old-space allocation per rule per lint, which made garbage collection
 * a large part of linting a small file.
 */
class Context implements RuleContext<string> {
  constructor(
    readonly model: DockerfileModel,
    readonly text: string,
    readonly options: Readonly<LintOptions>,
    private readonly state: { inOnbuild: boolean },
    private readonly rule: RuleModule,
    private readonly severity: Severity,
    private readonly findings: Finding[],
  ) {}
  get inOnbuild(): boolean { return this.state.inOnbuild; }

  report(d: ReportDescriptor<string>): void {
    const { rule, model, text: source } = this;
    const template = rule.meta.messages[d.messageId];
    if (template === undefined) throw new Error(`Rule ${rule.name} has no message '${d.messageId}'`);
    // Every range stays inside the text, whatever a rule computed.
    const clamp = (x: number) => (Number.isFinite(x) ? Math.min(Math.max(Math.trunc(x), 0), source.length) : 0);
    const r = d.range;
    const offsets = typeof r.start === 'number' ? { start: r.start, end: r.end as number } : model.offsets(r as LspRange);
    const start = clamp(offsets.start);
    const end = Math.max(start, clamp(offsets.end));
    const a = model.lines.position(start);
    const b = model.lines.position(end);
    // Editors do not show a byte order mark: columns on line 1 do not count it.
    const bom = (p: { line: number; column: number }) => (p.line === 1 && source.charCodeAt(0) === 0xfeff ? Math.max(1, p.column - 1) : p.column);
    const finding: Finding = {
      rule: rule.name, messageId: d.messageId, severity: this.severity, message: format(template, d.data),
      line: a.line, column: bom(a), endLine: b.line, endColumn: bom(b),
      start, end,
      sources: rule.meta.sources ?? [], url: ruleUrl(rule.name),
    };
    // Rules write new lines with \n; a CRLF file gets CRLF lines.
    const eol = (f: { title: string; edits: TextEdit[] }) => (model.eol === '\n' ? f : { ...f, edits: f.edits.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, '\r\n') })) });
    // Blanks inserted at the end of an unquoted `sh -c word` script would become arguments of sh:
    // such a fix would not fix anything (and would be offered again on every pass).
    const splitsScript = (f: { edits: TextEdit[] }) => model.unquotedScriptEnds.size > 0
      && f.edits.some((e) => e.start === e.end && model.unquotedScriptEnds.has(e.start) && /\s/.test(e.text));
    if (d.fix && !splitsScript(d.fix)) finding.fix = { ...eol(d.fix), safety: 'safe' } as Fix;
    if (d.suggestions?.length) finding.suggestions = d.suggestions.map((s) => ({ ...eol(s), safety: 'unsafe' }) as Fix);
    this.findings.push(finding);
  }
}

/** Which severity a rule runs at under the options, or null when it is off. */
export function effectiveSeverity(rule: RuleModule, options: LintOptions): Severity | null {
  const setting = options.rules?.[rule.name];
  if (setting === 'off') return null;
  if (setting === 'on') return rule.meta.severity;
  if (setting) return setting;
  return rule.meta.enabledByDefault === false ? null : rule.meta.severity;
}

/**
 * Lints a Dockerfile with the given rules. Never throws: a rule that fails is skipped and named
 * in `ruleErrors`, and every other finding is still returned.
 */
export function lintWith(ruleList: readonly RuleModule[], text: string, options: LintOptions = {}): LintResult {
  const findings: Finding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  // A BOM is not part of the first instruction; a space keeps every offset in place.
  const source = typeof text === 'string' ? text : String(text ?? '');
  const parsed = DockerfileParser.parse(source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source);
  const model = new DockerfileModel(parsed, source, options);
  const handlers = new Map<string, Array<{ rule: RuleModule; fn: Handler; onbuild: boolean }>>();
  const exits: Array<{ rule: RuleModule; fn: () => void }> = [];
  const state = { inOnbuild: false };

  const fail = (rule: RuleModule, e: unknown) => {
    ruleErrors.push({ rule: rule.name, message: e instanceof Error ? e.message : String(e) });
  };

  for (const rule of ruleList) {
    const severity = effectiveSeverity(rule, options);
    if (!severity) continue;
    const context = new Context(model, source, options, state, rule, severity, findings);
    let visitors: Visitors;
    try {
      visitors = rule.create(context as RuleContext<never>);
    } catch (e) {
      fail(rule, e);
      continue;
    }
    const onbuild = rule.meta.onbuild !== false;
    for (const key in visitors) {
      const fn = visitors[key as keyof Visitors];
      if (key === 'Dockerfile:exit') { exits.push({ rule, fn: fn as () => void }); continue; }
      if (key === 'FinalStage') {
        const final = model.finalStage;
        if (final) exits.push({ rule, fn: () => (fn as (stage: Stage) => void)(final) });
        continue;
      }
      let list = handlers.get(key);
      if (!list) handlers.set(key, list = []);
      list.push({ rule, fn: fn as Handler, onbuild });
    }
  }

  const disabled = new Set<RuleModule>();
  const anyHandlers = handlers.get('*');
  const dispatch = (instr: Instruction, stage: Stage | null) => {
    if (stage) run(handlers.get(instr.getKeyword()), instr, stage);
    run(anyHandlers, instr, stage);
  };
  const run = (list: Array<{ rule: RuleModule; fn: Handler; onbuild: boolean }> | undefined, instr: Instruction, stage: Stage | null) => {
    if (!list) return;
    for (const h of list) {
      if ((state.inOnbuild && !h.onbuild) || (disabled.size && disabled.has(h.rule))) continue;
      try {
        h.fn(instr, stage);
      } catch (e) {
        disabled.add(h.rule);
        fail(h.rule, e);
      }
    }
  };

  for (const instr of model.instructions) {
    const stage = model.stageOf(instr);
    dispatch(instr, stage);
    if (instr.getKeyword() === 'ONBUILD') {
      const trigger = (instr as Onbuild).getTriggerInstruction();
      if (trigger) {
        memoise(trigger);
        state.inOnbuild = true;
        dispatch(trigger, stage);
        state.inOnbuild = false;
      }
    }
  }
  for (const { rule, fn } of exits) {
    if (disabled.has(rule)) continue;
    try { fn(); } catch (e) { fail(rule, e); }
  }

  const kept = applySuppressions(findings, model, ruleList, options);
  kept.sort((x, y) => x.start - y.start || x.end - y.end || x.rule.localeCompare(y.rule));
  return { findings: kept, ruleErrors };
}
