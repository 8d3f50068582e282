import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { applyFixes } from '~/engine/fixes';
import { lint, lintDetailed, rules, ruleSummary, version, type LintResult } from '~/engine/index';
import { SEVERITIES, type Finding, type LintOptions, type Severity } from '~/engine/types';
import { ConfigError, findConfig, lintOptionsOf } from './config';
import { explain } from './explain';
import { migrateCommand } from './migrate';
import { formatters } from './formatters/index';
import { reportRuleErrors } from './rule-errors';
import type { FileResult } from './formatters/types';

/** The process around the CLI, so tests can run it in-process. */
export interface CliIO {
  argv: string[];
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd?: string;
}

const USAGE = `Usage:
  shipshape lint [options] FILE... | -
      --format, -f stylish|json|sarif|github   output format (default stylish)
      --dockerignore FILE                      the .dockerignore (default: <Dockerfile>.dockerignore, else the one next to it)
      --target STAGE                           the stage that ships (default: the last one)
      --config FILE                            config file (default: .shipshape.json next to the Dockerfile, or here)
      --failure-threshold, -t error|warning|info|style|none   exit 1 at or above this (default warning)
      --fix                                    write the safe fixes back to the files
  shipshape rules [--format stylish|json]
  shipshape explain RULE                       print a rule's page (a rule name, or a hadolint/BuildKit code)
  shipshape migrate --from-hadolint FILE [--output FILE] [--force]
                                               convert a .hadolint.yaml into .shipshape.json (stdout by default)
  shipshape --version

Exit codes: 0 no finding at or above the failure threshold, 1 findings, 2 usage error or unreadable input.`;

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. */
export function main(io: CliIO): number {
  try {
    return run(io);
  } catch (e) {
    const message = e instanceof UsageError || e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e);
    io.stderr(`shipshape: ${message}\n`);
    return 2;
  }
}

function run(io: CliIO): number {
  const [command, ...rest] = io.argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (command === 'rules') return rulesCommand(io, rest);
  if (command === 'lint') return lintCommand(io, rest);
  if (command === 'migrate') return migrateCommand(io, rest);
  if (command === 'explain') {
    if (rest.length !== 1) throw new UsageError('explain takes one rule name, e.g. shipshape explain pip-no-cache-dir');
    const r = explain(rest[0]!);
    if (!r.ok) throw new UsageError(r.error);
    io.stdout(r.text);
    return 0;
  }
  throw new UsageError(`unknown command '${command}'. Run 'shipshape --help'.`);
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

function rulesCommand(io: CliIO, args: string[]): number {
  const { values } = parse(args, { format: { type: 'string', short: 'f', default: 'stylish' } });
  const list = rules.map(ruleSummary);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'stylish') throw new UsageError(`unknown format '${String(values.format)}' for rules (json, stylish)`);
  for (const r of list) io.stdout(`${r.name.padEnd(40)} ${r.severity.padEnd(8)} ${r.description.replace(/`/g, '')}\n`);
  return 0;
}

/** Lints, applies safe fixes until nothing changes (at most 10 passes), and lints the result. */
function lintAndFix(text: string, options: LintOptions): { text: string } & LintResult {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { text: next, applied } = applyFixes(current, lint(current, options));
    if (!applied.length || next === current) break;
    current = next;
  }
  return { text: current, ...lintDetailed(current, options) };
}

function lintCommand(io: CliIO, args: string[]): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    dockerignore: { type: 'string' },
    target: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'failure-threshold': { type: 'string', short: 't' },
    fix: { type: 'boolean', default: false },
  });
  const format = String(values.format);
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format '${format}' (${Object.keys(formatters).join(', ')})`);
  if (!positionals.length) throw new UsageError('no Dockerfile given (pass a path, or - for standard input)');
  if (values.fix && positionals.includes('-')) throw new UsageError('--fix needs files to write back; it cannot fix standard input');
  const cwd = io.cwd ?? process.cwd();

  const results: FileResult[] = [];
  let threshold: string | undefined = typeof values['failure-threshold'] === 'string' ? values['failure-threshold'] : undefined;
  for (const file of positionals) {
    let text: string;
    try {
      text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
      io.stderr(`shipshape: cannot read ${file}: ${reason}\n`);
      return 2;
    }
    const config = findConfig(file, typeof values.config === 'string' ? values.config : undefined, cwd);
    threshold ??= config?.failureThreshold;
    const options: LintOptions = { ...lintOptionsOf(config), dockerignore: null };
    if (typeof values.target === 'string') options.target = values.target;
    // BuildKit prefers a Dockerfile-specific ignore file (`Dockerfile.prod.dockerignore` beside `Dockerfile.prod`).
    const ownIgnore = file === '-' ? null : `${file}.dockerignore`;
    const ignorePath = typeof values.dockerignore === 'string' ? values.dockerignore : file === '-' ? null
      : ownIgnore && existsSync(ownIgnore) ? ownIgnore : join(dirname(file), '.dockerignore');
    if (ignorePath && (typeof values.dockerignore === 'string' || existsSync(ignorePath))) {
      try {
        options.dockerignore = readFileSync(ignorePath, 'utf8');
      } catch {
        io.stderr(`shipshape: cannot read ${ignorePath}\n`);
        return 2;
      }
    }
    if (values.fix) {
      const fixed = lintAndFix(text, options);
      if (fixed.text !== text) writeFileSync(file, fixed.text);
      reportRuleErrors(io, file, fixed.ruleErrors);
      results.push({ file, text: fixed.text, findings: fixed.findings });
    } else {
      const { findings, ruleErrors } = lintDetailed(text, options);
      reportRuleErrors(io, file, ruleErrors);
      results.push({ file, text, findings });
    }
  }
  threshold ??= 'warning';
  if (threshold !== 'none' && !SEVERITIES.includes(threshold as Severity)) {
    throw new UsageError(`unknown failure threshold '${threshold}' (error, warning, info, style, none)`);
  }
  const color = io.isTTY && io.env.NO_COLOR === undefined && format === 'stylish';
  io.stdout(formatter(results, { color }));
  if (threshold === 'none') return 0;
  const limit = SEVERITIES.indexOf(threshold as Severity);
  return results.some((r) => r.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit)) ? 1 : 0;
}
