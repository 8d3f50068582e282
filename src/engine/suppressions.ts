import type { DockerfileModel } from './model';
import type { Finding, LintOptions, RuleModule } from './types';

/**
 * Inline suppressions, in our syntax and in the syntax of the tools people migrate from:
 *
 * - `# shipshape ignore=rule-a,rule-b -- reason`: the next instruction
 * - `# shipshape ignore-stage=…`: the stage of the next FROM
 * - `# shipshape ignore-file=…`: the whole file
 * - `# hadolint ignore=DL3008`, `# hadolint global ignore=…`, `# hadolint stage ignore=…`
 * - `# check=skip=Name,…` as a parser directive (file), or right above an instruction (that
 *   instruction) or above a FROM (that stage), as BuildKit reads it since dockerfile/1.21
 *
 * A hadolint or BuildKit code suppresses every rule that lists it in `sources`.
 */
export interface Suppression {
  /** Rule names, or 'all'. */
  rules: Set<string>;
  /** Offsets the suppression covers. */
  start: number;
  end: number;
  /** The comment's 1-based line, for reports of unused or reason-less pragmas. */
  line: number;
  reason: string | null;
}

type Scope = 'next' | 'stage' | 'file';

interface Pragma { scope: Scope; codes: string[]; tool: 'shipshape' | 'hadolint' | 'buildkit'; reason: string | null; line0: number; directive: boolean }

function parsePragma(content: string, line0: number, directive: boolean): Pragma | null {
  const text = content.replace(/^#\s*/, '').trim();
  let m = /^shipshape\s+(ignore|ignore-stage|ignore-file)\s*=\s*([^\s]+)(?:\s+--\s*(.*))?/i.exec(text);
  if (m) {
    const scope: Scope = m[1]!.toLowerCase() === 'ignore' ? 'next' : m[1]!.toLowerCase() === 'ignore-stage' ? 'stage' : 'file';
    return { scope, codes: split(m[2]!), tool: 'shipshape', reason: m[3]?.trim() || null, line0, directive };
  }
  m = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9,\s]+?)(?:\s*#\s*(.*))?$/i.exec(text);
  if (m) {
    const scope: Scope = m[1]?.toLowerCase() === 'global' ? 'file' : m[1]?.toLowerCase() === 'stage' ? 'stage' : 'next';
    return { scope, codes: split(m[2]!), tool: 'hadolint', reason: m[3]?.trim() || null, line0, directive };
  }
  m = /^check\s*=\s*(.*)$/i.exec(text);
  if (m) {
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(m[1]!);
    if (!skip) return null;
    const reason = /\/\/\s*(.*)$/.exec(skip[1]!)?.[1] ?? null;
    const list = skip[1]!.replace(/\/\/.*$/, '');
    return { scope: directive ? 'file' : 'next', codes: split(list), tool: 'buildkit', reason, line0, directive };
  }
  return null;
}

const PRAGMA_WORD = /shipshape|hadolint|check/i;

function split(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Resolves pragma codes to rule names. */
function ruleNames(p: Pragma, rules: readonly RuleModule[]): Set<string> {
  const out = new Set<string>();
  for (const code of p.codes) {
    if (p.tool === 'shipshape') { out.add(code.toLowerCase()); continue; }
    if (code.toLowerCase() === 'all') {
      // `# check=skip=all` skips Docker's checks, not ours: the rules that list one of that tool's codes.
      const prefix = `${p.tool}:`;
      for (const r of rules) if (r.meta.sources?.some((s) => s.startsWith(prefix))) out.add(r.name);
      continue;
    }
    const source = `${p.tool}:${code}`.toLowerCase();
    for (const r of rules) if (r.meta.sources?.some((s) => s.toLowerCase() === source)) out.add(r.name);
  }
  return out;
}

export function collectSuppressions(model: DockerfileModel, rules: readonly RuleModule[], options: LintOptions): Suppression[] {
  if (options.noInlineIgnores) return [];
  const text = model.text;
  const instructions = model.instructions;
  const firstInstructionLine = instructions[0]?.getRange().start.line ?? Number.MAX_SAFE_INTEGER;
  const out: Suppression[] = [];
  const { starts } = model.lines;
  for (const comment of model.dockerfile.getComments()) {
    const line0 = comment.getRange().start.line;
    // Most comments are prose: only a line that names one of the three tools can be a pragma.
    if (!PRAGMA_WORD.test(text.slice(starts[line0] ?? 0, starts[line0 + 1] ?? text.length))) continue;
    const pragma = parsePragma(comment.getContent() ? `# ${comment.getContent()}` : comment.getTextContent(), line0, line0 < firstInstructionLine && isDirectiveBlock(model, line0));
    if (pragma) push(pragma);
  }
  // Leading comments of the form `# word…=…` are parser directives to dockerfile-ast, not comments,
  // and it keeps only their first word as the name: read those lines as written.
  for (const d of model.dockerfile.getDirectives()) {
    const line0 = d.getRange().start.line;
    const start = model.lines.starts[line0] ?? 0;
    const end = model.lines.starts[line0 + 1] ?? text.length;
    const pragma = parsePragma(text.slice(start, end).trim(), line0, true);
    if (pragma) push(pragma);
  }
  return out;

  function push(p: Pragma) {
    const names = ruleNames(p, rules);
    if (!names.size) return;
    const line = p.line0 + 1;
    if (p.scope === 'file') {
      out.push({ rules: names, start: 0, end: text.length, line, reason: p.reason });
      return;
    }
    // The first instruction below the pragma (instructions are in text order).
    let lo = 0;
    let hi = instructions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (instructions[mid]!.getRange().start.line > p.line0) hi = mid; else lo = mid + 1;
    }
    const next = instructions[lo];
    if (!next) return;
    const isFrom = next.getKeyword() === 'FROM';
    if (p.scope === 'stage' || (p.tool === 'buildkit' && isFrom)) {
      const stage = model.stageOf(next);
      if (!stage) return;
      const start = model.offsets(stage.from.getRange()).start;
      const nextStage = model.stages[stage.index + 1];
      const end = nextStage ? model.offsets(nextStage.from.getRange()).start : text.length;
      out.push({ rules: names, start, end, line, reason: p.reason });
      return;
    }
    const { start, end } = model.offsets(next.getRange());
    out.push({ rules: names, start, end, line, reason: p.reason });
  }
}

/** A `# check=` comment counts as the file-level directive only in the leading comment block. */
function isDirectiveBlock(model: DockerfileModel, line0: number): boolean {
  let blockEnd = directiveBlockEnds.get(model);
  if (blockEnd === undefined) {
    // The first line that is neither blank nor a comment, computed once per lint.
    const { starts } = model.lines;
    blockEnd = starts.length;
    for (let l = 0; l < starts.length; l++) {
      const s = model.text.slice(starts[l], starts[l + 1] ?? model.text.length).trim();
      if (s && !s.startsWith('#')) { blockEnd = l; break; }
    }
    directiveBlockEnds.set(model, blockEnd);
  }
  return line0 <= blockEnd;
}
const directiveBlockEnds = new WeakMap<DockerfileModel, number>();

export function applySuppressions(findings: Finding[], model: DockerfileModel, rules: readonly RuleModule[], options: LintOptions): Finding[] {
  const sups = collectSuppressions(model, rules, options);
  if (!sups.length) return findings;
  // Per rule name (and 'all'): the ranges sorted by start, with the largest end so far, so each
  // finding is one binary search rather than a scan of every pragma.
  const byRule = new Map<string, Suppression[]>();
  for (const s of sups) for (const r of s.rules) (byRule.get(r) ?? byRule.set(r, []).get(r)!).push(s);
  const index = new Map<string, { starts: number[]; maxEnd: number[] }>();
  for (const [rule, list] of byRule) {
    list.sort((a, b) => a.start - b.start);
    let max = -1;
    index.set(rule, { starts: list.map((s) => s.start), maxEnd: list.map((s) => (max = Math.max(max, s.end))) });
  }
  const covered = (rule: string, at: number) => {
    const ix = index.get(rule);
    if (!ix) return false;
    let lo = 0;
    let hi = ix.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.starts[mid]! <= at) lo = mid + 1; else hi = mid;
    }
    return lo > 0 && ix.maxEnd[lo - 1]! >= at;
  };
  return findings.filter((f) => !covered('all', f.start) && !covered(f.rule, f.start));
}
